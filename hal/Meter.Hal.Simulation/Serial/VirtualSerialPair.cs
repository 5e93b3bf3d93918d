namespace Meter.Hal.Simulation.Serial;

/// <summary>
/// Two connected serial ends (the meter's optical port and a probe / optical head) running
/// in virtual time. A character occupies the line for 10 bit times at the sender's baud rate
/// (7E1: start, 7 data, parity, stop — IEC 62056-21:2002 §6.2), characters of one sender
/// follow each other back to back, and a character arrives at the receiver when its stop
/// bit ends. A receiver listening at another baud rate gets a framing error (the character
/// is dropped and counted). Time only moves when the test or tool calls <see cref="AdvanceTo"/>.
/// </summary>
public sealed class VirtualSerialPair
{
    private readonly List<SerialCharacter> _transcript = new();
    private long _nowNs;

    /// <summary>Creates a pair with both ends at <paramref name="initialBaud"/> (IEC 62056-21 initial rate: 300).</summary>
    public VirtualSerialPair(int initialBaud = 300)
    {
        Meter = new VirtualSerialEnd(this, "meter", initialBaud);
        Probe = new VirtualSerialEnd(this, "probe", initialBaud);
        Meter.Peer = Probe;
        Probe.Peer = Meter;
    }

    /// <summary>The meter's end.</summary>
    public VirtualSerialEnd Meter { get; }

    /// <summary>The probe's (optical head's / client's) end.</summary>
    public VirtualSerialEnd Probe { get; }

    /// <summary>Virtual time in nanoseconds.</summary>
    public long NowNs => _nowNs;

    /// <summary>Virtual time in whole milliseconds (what the meter logic is driven with).</summary>
    public long NowMs => _nowNs / 1_000_000;

    /// <summary>Every character sent so far, in order of arrival.</summary>
    public IReadOnlyList<SerialCharacter> Transcript => _transcript;

    /// <summary>Duration of one 10-bit character at <paramref name="baud"/>, in ns (300 Bd: 33,333,333 ns).</summary>
    public static long CharacterDurationNs(int baud) => 10_000_000_000L / baud;

    /// <summary>Moves virtual time forward to <paramref name="ns"/>, delivering characters in time order.</summary>
    public void AdvanceTo(long ns)
    {
        if (ns < _nowNs) throw new ArgumentOutOfRangeException(nameof(ns), ns, $"time cannot go back from {_nowNs}");
        while (true)
        {
            long next = Math.Min(Meter.NextArrivalNs, Probe.NextArrivalNs);
            if (next > ns) break;
            _nowNs = next;
            Meter.DeliverDue(next);
            Probe.DeliverDue(next);
        }
        _nowNs = ns;
    }

    /// <summary>Moves virtual time forward by <paramref name="ms"/> milliseconds.</summary>
    public void AdvanceMs(long ms) => AdvanceTo(_nowNs + ms * 1_000_000);

    /// <summary>Time (ns) when the next character in flight arrives, or long.MaxValue.</summary>
    public long NextArrivalNs => Math.Min(Meter.NextArrivalNs, Probe.NextArrivalNs);

    internal void Pump()
    {
        Meter.DeliverDue(_nowNs);
        Probe.DeliverDue(_nowNs);
    }

    internal void Record(SerialCharacter c) => _transcript.Add(c);
}
