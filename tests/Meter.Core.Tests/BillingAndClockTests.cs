using Meter.Metrology;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>Billing-period closing at the local month end, and clock setting through the OBIS table in local time.</summary>
public class BillingAndClockTests
{
    [Fact]
    public void Month_end_closes_the_billing_period_at_local_midnight_with_the_registers_of_that_moment()
    {
        // 2025-01-31 23:00 local (CET = UTC+1) → 2 h → 2025-02-01 01:00 local. Monthly billing on
        // the 1st at 00:00 local (GG = 01, HH = 01) closes once, after 1 h of the balanced load:
        // A+ = 6555.18 Wh (3 × 230 V × 10 A × cos 18.19°), tolerance 0.02 % + 1 Wh (see DayOnKnownLoadTests).
        using var host = MeterRig.Start(start: new DateTime(2025, 1, 31, 22, 0, 0, DateTimeKind.Utc));
        host.RunFor(TimeSpan.FromHours(2));
        var m = host.Meter;
        Assert.Equal(1, m.BillingPeriodCounter);
        var record = new PeriodRecord(BillingValues.Count);
        Assert.True(m.Storage.Billing.TryRead(0, record));
        Assert.Equal(new DateTime(2025, 2, 1, 0, 0, 0), record.ClosedAt); // local wall-clock minute
        Assert.InRange(record.Values[BillingValues.APlus], 6555.18 * 0.9998 - 1, 6555.18 * 1.0002);
        // 23:00–24:00 local on a Friday is tariff 2 (T1 is 06:00–22:00 on working days).
        Assert.Equal(record.Values[BillingValues.APlus], record.Values[BillingValues.APlusTariff1 + 1]);
        Assert.Equal(0, record.Values[BillingValues.APlusTariff1]);
        // Maximum demand of the closed period: every 15-min mean is the constant 6555 W.
        Assert.InRange(record.Values[BillingValues.PPlusMax], 6555.18 * 0.9998 - 1, 6555.18 * 1.0002);

        // The readout shows the period as VZ = 01: 1.8.0*01 and the counter 0.1.0.
        Assert.Equal("(01)", MeterRig.ValueText(m, StandardObjects.BillingPeriodCounter));
        long a = record.Values[BillingValues.APlus];
        Assert.Equal($"({a / 1000:000000}.{a % 1000:000}*kWh)", MeterRig.ValueText(m, StandardObjects.ActiveImport.WithF(1)));
        // After the close, the running register keeps counting: one more hour on top.
        Assert.InRange(MeterRig.Wh(m, EnergyRegister.ActiveImport) - a, 6555.18 * 0.9998 - 1, 6555.18 * 1.0002 + 1);
    }

    [Fact]
    public void Clock_written_in_local_summer_time_sets_utc_two_hours_earlier_and_logs_it()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromMinutes(5));
        var m = host.Meter;
        // 2025-07-01 12:00:00 local is CEST (UTC+2, EU summer time from the last Sunday of March): 10:00:00 UTC.
        long clockSetsBefore = m.Storage.Events.CountOf(EventKind.ClockSet); // 1: the factory setting of a new meter
        Assert.Equal(1, clockSetsBefore);
        var text = "25-07-01 12:00:00"u8.ToArray();
        var result = m.Table.Write(StandardObjects.Clock, text, 0, text.Length, grantedLevel: 1, sealOpen: false);
        Assert.Equal(ObisWriteResult.Accepted, result);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), m.UtcSeconds);
        Assert.Equal(clockSetsBefore + 1, m.Storage.Events.CountOf(EventKind.ClockSet));
        Assert.True(m.Clock.Status.IsValid);
        // The readout shows it back in local time.
        Assert.Equal("(25-07-01 12:00:00)", MeterRig.ValueText(m, StandardObjects.Clock));
        // Status word: clock valid now, summer time flag set.
        Assert.Equal(MeterStatusWords.StatusSummerTime, m.StatusWord);
    }
}
