using System.Text;
using Meter.Metrology;
using Meter.Obis;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>The virtual meter in process, optical port off, at a fixed virtual start time.</summary>
internal static class MeterRig
{
    /// <summary>Wednesday 2025-01-15 00:00 local (CET = UTC+1, GMT code 01, no summer time in January).</summary>
    public static readonly DateTime WednesdayMidnightLocal = new(2025, 1, 14, 23, 0, 0, DateTimeKind.Utc);

    public static VirtualMeterHost Start(string load = "balanced", string? stateFile = null, DateTime? start = null) =>
        new(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = load,
            Optical = "none",
            StateFile = stateFile,
            Start = start ?? WednesdayMidnightLocal,
        });

    /// <summary>The simulated board's metering chip as the ADE7880 driver it is, for its diagnostics (CHECKSUM).</summary>
    public static Meter.Hal.Ade7880.Ade7880Driver Ade7880(ElectricityMeter m) => (Meter.Hal.Ade7880.Ade7880Driver)m.Metering.Chip;

    public static long Wh(ElectricityMeter m, EnergyRegister r) => m.Metering.Accumulator.EnergyIn(r, MeterChannel.Total, true, 0);

    public static long[] Snapshot(ElectricityMeter m)
    {
        var s = new long[EnergyAccumulator.SnapshotLength];
        m.Metering.Accumulator.SaveTo(s);
        return s;
    }

    /// <summary>The value text the OBIS table gives for <paramref name="code"/> (as in the readout, between the brackets).</summary>
    public static string ValueText(ElectricityMeter m, ObisCode code)
    {
        var item = m.Table.Find(code) ?? throw new InvalidOperationException($"{code} not in the table");
        var buffer = new byte[ObisObject.MaxValueLength + 8];
        int n = item.WriteValue(code, buffer, 0, buffer.Length);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }

    /// <summary>A W1 of <paramref name="text"/> to <paramref name="code"/> at access level <paramref name="level"/>, with the seal as given.</summary>
    public static ObisWriteResult Write(ElectricityMeter m, ObisCode code, string text, int level = 1, bool seal = false)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        return m.Table.Write(code, bytes, 0, bytes.Length, level, seal);
    }

    /// <summary>Deletes a state file made by <see cref="TempState"/> and the RTC file beside it.</summary>
    public static void DeleteState(string state)
    {
        File.Delete(state);
        File.Delete(state + ".rtc");
    }

    public static string TempState() => Path.Combine(Path.GetTempPath(), "meter-core-tests-" + Guid.NewGuid().ToString("N") + ".nv");
}
