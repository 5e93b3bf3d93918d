namespace Meter.OpticalClient.Protocol;

/// <summary>
/// Client-side timing of IEC 62056-21:2002 §5.3 / §6.3 (see docs/iec62056-21-notes.md §6).
/// <see cref="Sleep"/> is injectable so tests run in no time and can check the pauses.
/// </summary>
public sealed class ClientTimings
{
    /// <summary>
    /// How long to wait for the first character of an answer: tr max is 1500 ms
    /// (IEC 62056-21 §5.3); the default adds a margin for USB heads and TCP.
    /// </summary>
    public int ResponseTimeoutMs { get; set; } = 2000;

    /// <summary>ta: a gap longer than this inside a message means the meter stopped (≤ 1500 ms, §5.3).</summary>
    public int InterCharacterTimeoutMs { get; set; } = 1500;

    /// <summary>
    /// Pause before answering a message of the meter (tr). Null = the minimum the meter
    /// declares: 200 ms, or 20 ms when its manufacturer ID's third letter is lower case
    /// (§6.3.2, §5.3); a smaller value is raised to that minimum.
    /// </summary>
    public int? ReactionTimeMs { get; set; }

    /// <summary>
    /// Mode C: time from the start of the ACK/option-select message to switching the baud
    /// rate, like vzlogger's baudrate_change_delay (users needed 300–400 ms). The 6-character
    /// ACK takes 200 ms at 300 Bd (10 bits a 7E1 character), so the default 300 ms switches
    /// ~100 ms after its last stop bit: the ACK is never cut, and the client listens at the new
    /// rate before the meter's earliest answer (tr ≥ 200 ms, IEC 62056-21 §5.3; this project's
    /// meter waits 300 ms). Never shorter than the ACK's own transmission time.
    /// </summary>
    public int BaudSwitchDelayMs { get; set; } = 300;

    /// <summary>How many times a message is repeated after a NAK, or a NAK is sent for a bad BCC (the notes' "3").</summary>
    public int MaximumRepeats { get; set; } = 3;

    /// <summary>The pause primitive (Thread.Sleep by default).</summary>
    public Action<int> Sleep { get; set; } = Thread.Sleep;

    /// <summary>Checks the values; throws naming the first bad one.</summary>
    public void Validate()
    {
        if (ResponseTimeoutMs < 1 || ResponseTimeoutMs > 600_000) throw new ArgumentException("timeout must be 1..600000 ms");
        if (InterCharacterTimeoutMs < 1) throw new ArgumentException("inter-character timeout must be at least 1 ms");
        if (ReactionTimeMs is < 0 or > 1500) throw new ArgumentException("reaction time must be 0..1500 ms (IEC 62056-21 §5.3)");
        if (BaudSwitchDelayMs < 0 || BaudSwitchDelayMs > 1500) throw new ArgumentException("baud switch delay must be 0..1500 ms");
        if (MaximumRepeats < 0 || MaximumRepeats > 10) throw new ArgumentException("repeat count must be 0..10");
    }
}
