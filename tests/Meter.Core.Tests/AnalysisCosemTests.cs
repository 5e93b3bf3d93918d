using Meter.Dlms.Tests.Support;
using Meter.Hal.Simulation.Ade7880;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// The analysis logger as profile generic 1-0:99.2.0.255 (class 7) of the meter's COSEM server, read through the DLMS
/// test client: the same intervals and values as the storage holds (and P.02 answers), its capture objects and period;
/// absent without quality measurement.
/// </summary>
public class AnalysisCosemTests
{
    private static readonly byte[] Analysis = [1, 0, 99, 2, 0, 255];

    [Fact]
    public void The_buffer_holds_each_ten_minute_entry_with_its_local_time_and_the_channel_values()
    {
        var load = new PhaseLoad(230, 10, 18.19);
        var rig = QualityMeasurementWiringTests.Build(true, 1, load, load, new PhaseLoad(215, 10, 18.19), new DateTime(2025, 1, 13, 0, 0, 0, DateTimeKind.Utc), null, 0);
        rig.Cycles(31 * 60);
        var send = MeterCosemClient.Associate(rig.Meter);

        var entries = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, Analysis, 2, null, out _));
        // Hand-checked: intervals ending 00:10, 00:20, 00:30 UTC = 01:10 … 01:30 CET (Monday, deviation −60, no DST).
        Assert.Equal(["2025-01-13 01:10:00 dow 1 dev -60 st 00", "2025-01-13 01:20:00 dow 1 dev -60 st 00", "2025-01-13 01:30:00 dow 1 dev -60 st 00"],
            entries.Select(e => CosemBlockClient.DateTime(((object[])e)[0])));
        var reader = new AnalysisLogReader(rig.Meter.Storage.Analysis!);
        var entry = new AnalysisEntry(8);
        foreach (object[] row in entries.Cast<object[]>())
        {
            Assert.True(reader.Next(entry));
            Assert.Equal(entry.Values, row.Skip(1).Select(v => Convert.ToInt64(v)).ToArray());
        }
        Assert.InRange(Convert.ToInt64(((object[])entries[2])[3]), 2149, 2151); // L3 at 215.0 V in tenths

        // Capture objects: the clock, then 1-0:32.7.0.255 … 1-0:12.7.128.255 attribute 2 of class 3; period 600 s.
        var captures = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, Analysis, 3, null, out _));
        Assert.Equal(9, captures.Length);
        var first = (object[])captures[1];
        Assert.Equal(3, Convert.ToInt32(first[0]));
        Assert.Equal(new byte[] { 1, 0, 32, 7, 0, 255 }, (byte[])first[1]);
        Assert.Equal(new byte[] { 1, 0, 12, 7, 128, 255 }, (byte[])((object[])captures[8])[1]);
        Assert.Equal(600L, Convert.ToInt64(CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, Analysis, 4, null, out _))));
    }

    [Fact]
    public void Without_quality_measurement_there_is_no_analysis_profile()
    {
        var load = new PhaseLoad(230, 10, 18.19);
        var rig = QualityMeasurementWiringTests.Build(false, 1, load, load, load);
        var send = MeterCosemClient.Associate(rig.Meter);
        Assert.ThrowsAny<Exception>(() => CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, Analysis, 2, null, out _)));
    }

    [Fact]
    public void A_current_channel_is_captured_in_the_milliamperes_of_its_register()
    {
        var load = new PhaseLoad(230, 10, 0);
        var codes = new[] { new Meter.Obis.ObisCode(31, 7, 0), new Meter.Obis.ObisCode(32, 7, 0) };
        var rig = QualityMeasurementWiringTests.Build(true, 1, load, load, load, new DateTime(2025, 1, 13, 0, 0, 0, DateTimeKind.Utc), s => s.AnalysisChannelCodes = codes, 0);
        rig.Cycles(11 * 60);
        var stored = new AnalysisEntry(2);
        Assert.True(new AnalysisLogReader(rig.Meter.Storage.Analysis!).Next(stored));
        Assert.InRange(stored.Values[0], 999, 1001); // 10.00 A in hundredths (P.02)
        var send = MeterCosemClient.Associate(rig.Meter);
        var row = (object[])((object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, Analysis, 2, null, out _)))[0];
        Assert.Equal(stored.Values[0] * 10, Convert.ToInt64(row[1])); // register 1-0:31.7.0 counts mA (scaler −3)
        Assert.Equal(stored.Values[1], Convert.ToInt64(row[2]));
    }
}
