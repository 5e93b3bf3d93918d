using System.Globalization;
using Meter.Dlms.Tests.Support;
using Meter.Obis;

namespace Meter.Core.Tests;

/// <summary>The event log (0-0:99.98.0.255) and billing logger (0-0:98.1.0.255) as profile generics.</summary>
public class StoredListsCosemTests
{
    [Fact]
    public void The_event_log_buffer_has_the_columns_of_P98_oldest_first()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromSeconds(5));
        var send = MeterCosemClient.Associate(host.Meter);
        var entries = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, [0, 0, 99, 98, 0, 255], 2, null, out _));
        // As P.98 shows them (LogbookRequestTests): the factory clock setting (kind 3, detail 1, old = new =
        // 00:00:00 in UTC seconds), then the power-up (kind 2).
        Assert.Equal(2, entries.Length);
        var first = (object[])entries[0];
        Assert.Equal("2025-01-15 00:00:00 dow 3 dev -60 st 00", CosemBlockClient.DateTime(first[0]));
        Assert.Equal(new object[] { 3L, 1L, 1736895600L, 1736895600L }, first[1..]);
        Assert.Equal(2L, ((object[])entries[1])[1]);
        // capture_objects: clock, event code 0-0:96.11.0.255 and the manufacturer-specific detail/old/new.
        var columns = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, [0, 0, 99, 98, 0, 255], 3, null, out _));
        Assert.Equal(5, columns.Length);
        Assert.Equal(new byte[] { 0, 0, 96, 11, 0, 255 }, ((object[])columns[1])[1]);
        Assert.Equal(0L, CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, [0, 0, 99, 98, 0, 255], 4, null, out _)));
    }

    [Fact]
    public void The_billing_logger_buffer_is_empty_before_the_first_period_closes_and_names_its_registers()
    {
        using var host = MeterRig.Start();
        var send = MeterCosemClient.Associate(host.Meter);
        Assert.Equal("0100", Convert.ToHexString(CosemBlockClient.Get(send, 7, [0, 0, 98, 1, 0, 255], 2, null, out _)));
        var columns = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, [0, 0, 98, 1, 0, 255], 3, null, out _));
        Assert.Equal(13, columns.Length);
        Assert.Equal(new byte[] { 1, 0, 1, 8, 0, 255 }, ((object[])columns[1])[1]);
        Assert.Equal(new byte[] { 1, 0, 3, 8, 4, 255 }, ((object[])columns[12])[1]);
    }

    // Billing values with F = VZ (1-0:1.8.0*01 … *NN) are served over DLMS by the billing profile 0-0:98.1.0.255 only,
    // not as Register objects with F <> 255: Blue Book, profile generic "Data of billing period" (OBIS 0-0:98.1.x)
    // is the object that holds the stored values of past billing periods with their closing time, one entry per
    // period, selectable by entry or by range; a head-end reads all periods in one GET. Registers per VZ would add
    // (objects x periods) entries to the object list for the same values.
    [Fact]
    public void The_billing_profile_newest_entry_holds_what_the_optical_readout_gives_for_F_01()
    {
        // 2025-01-31 21:00 local (UTC+1): 1 h of T1 (until 22:00 on a working day), 2 h of T2, then the monthly
        // close at 2025-02-01 00:00 local; 30 min more so that the running registers differ from the stored ones.
        using var host = MeterRig.Start(start: new DateTime(2025, 1, 31, 20, 0, 0, DateTimeKind.Utc));
        host.RunFor(TimeSpan.FromMinutes(210));
        var m = host.Meter;
        Assert.Equal(1, m.BillingPeriodCounter);
        var send = MeterCosemClient.Associate(m);
        var entries = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, [0, 0, 98, 1, 0, 255], 2, null, out _));
        var newest = (object[])entries[^1];
        Assert.Equal("2025-02-01 00:00:00", CosemBlockClient.DateTime(newest[0])[..19]);
        // Columns (attribute 3): 1 clock, 2 A+, 3 A-, 4 R+, 5 R-, 6.. A+ T1..T4.
        long aPlus = (long)newest[1], aPlusT1 = (long)newest[5], aPlusT2 = (long)newest[6];
        Assert.True(aPlusT1 > 0 && aPlusT2 > aPlusT1, $"T1 {aPlusT1} Wh, T2 {aPlusT2} Wh");
        Assert.InRange(aPlus - (aPlusT1 + aPlusT2), 0, 1); // each register is its counts rounded down to whole Wh
        Assert.Equal(OpticalWh(m, StandardObjects.ActiveImport.WithF(1)), aPlus);
        Assert.Equal(OpticalWh(m, StandardObjects.ActiveImportT1.WithF(1)), aPlusT1);
        Assert.Equal(OpticalWh(m, StandardObjects.ActiveImportT2.WithF(1)), aPlusT2);
        Assert.Equal(OpticalWh(m, StandardObjects.ActiveExport.WithF(1)), (long)newest[2]);
        Assert.NotEqual(OpticalWh(m, StandardObjects.ActiveImport), aPlus); // the running register went on
    }

    // The optical value text of an energy register, "(006555.180*kWh)", in Wh.
    private static long OpticalWh(Meter.Core.ElectricityMeter m, ObisCode code)
    {
        string text = MeterRig.ValueText(m, code);
        Assert.EndsWith("*kWh)", text);
        return (long)(decimal.Parse(text[1..^5], CultureInfo.InvariantCulture) * 1000);
    }
}
