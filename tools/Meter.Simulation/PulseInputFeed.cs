using Meter.Core;
using Meter.Hal.Simulation.Pins;

namespace Meter.Simulation;

/// <summary>
/// A pulse source on the module's I/O 1 (the pulse input, Meter.Core ModuleInputs): a square wave of
/// <see cref="PeriodMilliseconds"/> energised for the first half of each period, from <see cref="StartMs"/> on.
/// While it runs, <see cref="VirtualCycle"/> ticks the meter every <see cref="PulseInput.PollMilliseconds"/> as
/// the device's loop does, with the pin at its level of that moment.
/// </summary>
public sealed class PulseInputFeed
{
    private readonly VirtualInputPin _pin;

    /// <summary>Pulses of <paramref name="periodMilliseconds"/> (≥ 2) on <paramref name="pin"/> (active low) from <paramref name="startMs"/>.</summary>
    public PulseInputFeed(VirtualInputPin pin, long periodMilliseconds, long startMs)
    {
        if (periodMilliseconds < 2) throw new ArgumentOutOfRangeException(nameof(periodMilliseconds), "a pulse period must be at least 2 ms");
        _pin = pin;
        PeriodMilliseconds = periodMilliseconds;
        StartMs = startMs;
    }

    /// <summary>The feed's period, ms (half of it energised).</summary>
    public long PeriodMilliseconds { get; }

    /// <summary>Meter milliseconds of the first rising edge.</summary>
    public long StartMs { get; }

    /// <summary>The period for <paramref name="hertz"/> pulses a second, whole ms; refused above the input's maximum (Meter.Core PulseInput).</summary>
    public static long PeriodFor(double hertz)
    {
        long shortest = 2 * PulseInput.MinimumLevelMilliseconds;
        if (!(hertz > 0) || Math.Round(1000 / hertz) < shortest)
            throw new ArgumentException($"pulse rate {hertz} Hz: must be above 0 and at most {1000.0 / shortest:0.##} Hz (pulse and pause ≥ {PulseInput.MinimumLevelMilliseconds} ms)");
        return (long)Math.Round(1000 / hertz);
    }

    /// <summary>Rising edges at or before <paramref name="ms"/>.</summary>
    public long PulsesBy(long ms) => ms < StartMs ? 0 : (ms - StartMs) / PeriodMilliseconds + 1;

    /// <summary>The next poll after <paramref name="ms"/> (a multiple of the poll period).</summary>
    public static long NextPollAfter(long ms) => (Math.Max(ms, -1) / PulseInput.PollMilliseconds + 1) * PulseInput.PollMilliseconds;

    /// <summary>Puts the pin at its level of <paramref name="ms"/>.</summary>
    public void ApplyAt(long ms)
    {
        bool energised = ms >= StartMs && (ms - StartMs) % PeriodMilliseconds < PeriodMilliseconds / 2;
        _pin.Set(!energised);
    }
}
