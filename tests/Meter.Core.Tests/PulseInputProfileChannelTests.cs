using Meter.Dlms.Tests.Support;
using Meter.Simulation;
using Xunit.Abstractions;

namespace Meter.Core.Tests;

/// <summary>
/// The pulse-input register as the load profile's 5th channel (MeterSettings.PulseInputProfileChannel, issue 19)
/// through the whole meter (virtual meter, DD code 03: I/O 1 pulse input, constant 1000 pulses/m³, unit m³):
/// an hour of pulses at a known rate gives P.01 the exact count of each interval, the A+ channels as without
/// the setting; with the setting off P.01 answers exactly as before the channel existed.
/// </summary>
public class PulseInputProfileChannelTests
{
    private readonly ITestOutputHelper _output;

    public PulseInputProfileChannelTests(ITestOutputHelper output) => _output = output;

    private static VirtualMeterHost Start(bool channel) =>
        new(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = "balanced",
            Optical = "none",
            Start = MeterRig.WednesdayMidnightLocal, // 2025-01-15 00:00 local (CET)
            InputCode = 3,
            PulseInputProfileChannel = channel,
        });

    // 00:00–00:15 no pulses (the profile switches to 5 channels at the 00:15 interval end), then pulses of 120 ms
    // (8.33 Hz) from 00:15:00.010 to 01:15:00, then 5 minutes more; P.01 from 00:15 to 01:15.
    private static VirtualMeterHost RunHour(bool channel)
    {
        var host = Start(channel);
        var m = host.Meter;
        Assert.Equal(Meter.Obis.ObisWriteResult.Accepted, m.Inputs.WritePulseConstant(1000));
        Assert.Equal(Meter.Obis.ObisWriteResult.Accepted, m.Inputs.WritePulseUnit(PulseInputUnit.CubicMetre));
        host.RunFor(TimeSpan.FromMinutes(15));
        host.FeedPulses(1000.0 / 120);
        host.RunFor(TimeSpan.FromHours(1));
        host.FeedPulses(0);
        host.RunFor(TimeSpan.FromMinutes(5));
        Assert.Equal(30000, m.Inputs.PulseCount);
        return host;
    }

    private string HourOfPulses(bool channel)
    {
        using var host = RunHour(channel);
        var rig = new RangeRequestRig(host.Meter);
        rig.LogIn("00000000");
        string block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.01(2501150015;2501150115)\u0003"));
        _output.WriteLine(block);
        return block;
    }

    [Fact]
    public void An_hour_of_pulses_gives_P01_the_exact_count_of_each_interval_and_the_same_A_plus()
    {
        string on = HourOfPulses(true);
        string off = HourOfPulses(false);
        string[] lines = on.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // 00:15 closes the 4-channel block; the 5-channel intervals 00:30 … 01:15 follow under their own header.
        Assert.Equal(7, lines.Length);
        Assert.Equal("P.01(02501150015)(00)(15)(4)(1.8.0)(kWh)(2.8.0)(kWh)(3.8.0)(kvarh)(4.8.0)(kvarh)", lines[0]);
        Assert.Equal("P.01(02501150030)(00)(15)(5)(1.8.0)(kWh)(2.8.0)(kWh)(3.8.0)(kvarh)(4.8.0)(kvarh)(0-1:24.2.1)(m3)", lines[2]);
        // Hand-worked: pulse k rises at 00:15:00.010 + 120 ms · k and counts 20 ms later (the debounce), at
        // 900 030 + 120 k ms from the start; the interval ending at 900 000 · n ms (n = 2..5) holds those with
        // 900 000 (n − 1) < 900 030 + 120 k ≤ 900 000 n: k from 7500 (n − 2) to 7500 (n − 1) − 1, 7 500 pulses,
        // 7.500 m³ at 1000 pulses/m³.
        for (int i = 3; i < 7; i++) Assert.EndsWith(")(7.500)", lines[i]);
        // A+ … R− as with the setting off: the off answer's lines with the pulse column and its header taken out.
        string[] offLines = off.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, offLines.Length);
        Assert.Equal(lines[0], offLines[0]);
        Assert.Equal(lines[1], offLines[1]);
        for (int i = 3; i < 7; i++) Assert.Equal(offLines[i - 1], lines[i][..lines[i].LastIndexOf('(')]);
        Assert.NotEqual("(0.000)", offLines[1][..7]); // the balanced load imports energy: the column is not a constant
    }

    /// <summary>
    /// With the setting off the answer is byte for byte the one before the channel existed: this text was taken
    /// from the same run on the commit before it (0553f9e), whose P.01 knew no 5th channel.
    /// </summary>
    [Fact]
    public void With_the_setting_off_P01_is_byte_identical_to_before_the_channel()
    {
        const string before =
            "P.01(02501150015)(00)(15)(4)(1.8.0)(kWh)(2.8.0)(kWh)(3.8.0)(kvarh)(4.8.0)(kvarh)\r\n"
            + "(1.638)(0.000)(0.538)(0.000)\r\n"
            + "(1.639)(0.000)(0.538)(0.000)\r\n"
            + "(1.639)(0.000)(0.539)(0.000)\r\n"
            + "(1.638)(0.000)(0.538)(0.000)\r\n"
            + "(1.639)(0.000)(0.539)(0.000)\r\n";
        Assert.Equal(before, HourOfPulses(false));
    }

    [Fact]
    public void The_DLMS_load_profile_captures_the_pulse_register_after_the_energies()
    {
        using var host = RunHour(true);
        var send = MeterCosemClient.Associate(host.Meter);
        byte[] name = [1, 0, 99, 1, 0, 255];
        var columns = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, name, 3, null, out _));
        Assert.Equal(6, columns.Length); // clock, 1.8.0 … 4.8.0, 0-1:24.2.1
        Assert.Equal(new object[] { 3L, new byte[] { 0, 1, 24, 2, 1, 255 }, 2L, 0L }, (object[])columns[5]);
        var entries = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, name, 2, null, out _));
        // 00:15 (recorded before the channel: null-data), then 00:30 … 01:15: the register in thousandths of m³,
        // 7 500 pulses an interval at 1000 pulses/m³.
        Assert.Equal(5, entries.Length);
        Assert.Equal("null", ((object[])entries[0])[5]);
        Assert.Equal(new object[] { 7500L, 15000L, 22500L, 30000L }, entries[1..].Select(e => ((object[])e)[5]).ToArray());
        Assert.Equal(host.Meter.Storage.Profile.LastValue(0), ((object[])entries[4])[1]); // A+ as before
        Assert.Equal(30000L, host.Meter.Storage.Profile.LastValue(4));
    }

    [Fact]
    public void A_larger_pulse_constant_records_no_pulses_for_its_interval_and_the_channel_restarts()
    {
        using var host = Start(true);
        var m = host.Meter;
        Assert.Equal(Meter.Obis.ObisWriteResult.Accepted, m.Inputs.WritePulseConstant(1000));
        Assert.Equal(Meter.Obis.ObisWriteResult.Accepted, m.Inputs.WritePulseUnit(PulseInputUnit.Litre));
        host.RunFor(TimeSpan.FromMinutes(15));
        host.FeedPulses(1000.0 / 120); // 7 500 pulses an interval, as above
        host.RunFor(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1)); // the host runs whole metering cycles (1 s)
        // 00:30:01: 2000 pulses/L takes the register from 7 500 (7.500 L) back to 3 750 + the pulses since 00:30.
        Assert.Equal(Meter.Obis.ObisWriteResult.Accepted, m.Inputs.WritePulseConstant(2000));
        host.RunFor(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        host.FeedPulses(0);
        host.RunFor(TimeSpan.FromMinutes(5));
        Assert.Equal(22500, m.Inputs.PulseCount);
        var rig = new RangeRequestRig(m);
        rig.LogIn("00000000");
        string[] lines = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.01(2501150030;2501150100)\u0003"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (string line in lines) _output.WriteLine(line);
        Assert.Equal(4, lines.Length);
        Assert.EndsWith("(0-1:24.2.1)(L)", lines[0]);
        Assert.EndsWith(")(7.500)", lines[1]); // 00:30, at 1000 pulses/L
        Assert.EndsWith(")(0.000)", lines[2]); // 00:45: the register went back, no pulses recorded
        Assert.EndsWith(")(3.750)", lines[3]); // 01:00: 7 500 pulses at 2000 pulses/L from the restarted channel
    }
}
