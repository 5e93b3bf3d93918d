using Meter.Core;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Clock;

namespace Meter.Simulation;

/// <summary>
/// One metering cycle of the meter in virtual time on the simulated board, as the chip's energy
/// interrupt would pace it on the device: the S0 output's edges due inside the cycle at their exact
/// times (and, with a pulse feed, a tick every poll period with the pulse input at its level), then the
/// load acts on the simulated chip for the cycle, the battery-backed clock ticks,
/// and the meter reads the energy and ticks at the cycle's end. The virtual meter
/// (<see cref="VirtualMeterHost"/>) and the benchmarks drive the meter with it.
/// </summary>
public static class VirtualCycle
{
    /// <summary>Runs the cycle from <paramref name="startMs"/> to <paramref name="startMs"/> + <paramref name="cycleMs"/> (meter milliseconds).</summary>
    public static void Run(ElectricityMeter meter, SimulatedAde7880 chip, VirtualRtc rtc, long startMs, int cycleMs, PulseInputFeed? feed = null)
    {
        long end = startMs + cycleMs;
        var s0 = meter.Metering.S0;
        long last = startMs - 1;
        bool s0Done = s0 == null;
        while (true)
        {
            long next = long.MaxValue;
            if (!s0Done && s0!.NextActionMilliseconds < end)
            {
                long at = Math.Max(s0.NextActionMilliseconds, startMs);
                if (at <= last) s0Done = true; // the tick at that time did not move it: nothing more this cycle
                else next = at;
            }
            if (feed != null) next = Math.Min(next, PulseInputFeed.NextPollAfter(last));
            if (next >= end) break;
            feed?.ApplyAt(next);
            meter.Tick(next);
            last = next;
        }
        chip.Advance(cycleMs * 1000L);
        rtc.Advance(TimeSpan.FromMilliseconds(cycleMs));
        feed?.ApplyAt(end);
        meter.OnEnergyReady(end);
        meter.Tick(end);
    }
}
