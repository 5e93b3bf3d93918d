using System.Globalization;
using Meter.Hal.Simulation.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// Power cut before a byte of every NV write an action makes, in the Meter.Storage FaultInjectionTests
/// style: each torn image (bytes before the cut written, the rest as before) is booted as a meter from a
/// state file with the clock where it was, checked, and cut off again.
/// </summary>
internal static class TornWriteRig
{
    /// <summary>The cut step named by environment variable <paramref name="variable"/> (1 = every byte), else <paramref name="byDefault"/>.</summary>
    public static int StepFrom(string variable, int byDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out int s) && s > 0 ? s : byDefault;

    /// <summary>
    /// Runs <paramref name="action"/> on <paramref name="host"/> (RAM NV memory) and boots a torn image
    /// at every <paramref name="step"/>-th byte written (and the last byte of each write when
    /// <paramref name="lastByteOfEachWrite"/>), handing each booted meter to <paramref name="check"/>.
    /// Returns the bytes written.
    /// </summary>
    public static long CutDuring(VirtualMeterHost host, string load, int step, bool lastByteOfEachWrite,
        Action action, Action<ElectricityMeter> check)
    {
        var nv = (RamNvMemory)host.Board.Nv;
        long rtcTicks = host.Board.Rtc.ChipTime.Ticks;
        string state = MeterRig.TempState();
        long candidates = 0;
        try
        {
            nv.BeforeWrite = (address, buffer, offset, count) =>
            {
                byte[] before = nv.Snapshot();
                for (int i = 0; i < count; i++)
                {
                    if (candidates++ % step != 0 && !(lastByteOfEachWrite && i == count - 1)) continue;
                    byte[] torn = (byte[])before.Clone();
                    for (int j = 0; j < i; j++) torn[address + j] = buffer[offset + j];
                    File.WriteAllBytes(state, torn);
                    File.WriteAllText(state + ".rtc", rtcTicks.ToString(CultureInfo.InvariantCulture));
                    using var rebooted = MeterRig.Start(load, state);
                    check(rebooted.Meter);
                    rebooted.CutPower();
                }
            };
            action();
        }
        finally
        {
            nv.BeforeWrite = null;
            MeterRig.DeleteState(state);
            File.Delete(state + ".bak");
        }
        return candidates;
    }
}
