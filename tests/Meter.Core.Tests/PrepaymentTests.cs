using Meter.Clock;
using Meter.Core;
using Meter.Hal;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>Prepayment in the assembled meter: thresholds, emergency credit, friendly time and the disconnect request; the objects' access.</summary>
public class PrepaymentTests
{
    internal static readonly byte[] Secret = Convert.FromHexString("000102030405060708090A0B0C0D0E0F"); // a test key, not a meter's

    internal static EventRecord LastEvent(ElectricityMeter m)
    {
        var e = new EventRecord();
        Assert.True(m.Storage.Events.TryRead(0, e));
        return e;
    }

    private static DateTime LocalTimeOf(ElectricityMeter m) => DateTimeOffset.FromUnixTimeSeconds(m.UtcSeconds).UtcDateTime.AddHours(1); // CET in January

    [Fact]
    public void Warning_threshold_emergency_credit_and_exhaustion_follow_the_credit_with_status_bits_and_symbol()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        var p = m.Prepayment;
        Assert.Equal(0, p.LcdSymbolFlags);
        Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, PrepaymentObjects.WarningThreshold, "0.300", level: 0));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.WarningThreshold, "0.300"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.EmergencyCredit, "0.200"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Mode, "0.500"));
        Assert.Equal((300L, 200L, true), (p.WarningThresholdWh, p.EmergencyCreditWh, p.IsActive));
        Assert.Equal(LcdSymbols.Prepayment, p.LcdSymbolFlags);
        Assert.Equal(ParameterEvent(Prepayment.EventStarted, 0, 500), Summary(LastEvent(m)));
        // Emergency credit is refused while the credit is not low.
        Assert.Equal(ObisWriteResult.Rejected, MeterRig.Write(m, PrepaymentObjects.EmergencyInUse, "1"));
        long startWh = MeterRig.Wh(m, Meter.Metrology.EnergyRegister.ActiveImport);

        while (!p.IsCreditLow) host.RunFor(TimeSpan.FromSeconds(1));
        Assert.InRange(p.RemainingWh, 290, 299); // a second of about 6.6 kW is under 2 Wh
        Assert.Equal(Prepayment.StatusCreditLow, m.StatusWord & 0xF00);
        Assert.False(p.IsExhausted);
        Assert.Equal($"({p.RemainingWh / 1000:D7}.{p.RemainingWh % 1000:D3}*kWh)", MeterRig.ValueText(m, PrepaymentObjects.Credit));
        // The remaining credit is the credit loaded less the A+ consumed since the start (floor of each A+ reading: within 1 Wh).
        Assert.InRange(500 - (MeterRig.Wh(m, Meter.Metrology.EnergyRegister.ActiveImport) - startWh) - p.RemainingWh, -1, 1);

        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.EmergencyInUse, "1"));
        Assert.Equal(ParameterEvent(Prepayment.EventEmergencyCredit, p.RemainingWh, 200), Summary(LastEvent(m)));
        Assert.Equal(Prepayment.StatusEmergencyCredit, m.StatusWord & 0xF00); // available = remaining + 200: no longer low
        Assert.Equal(ObisWriteResult.Rejected, MeterRig.Write(m, PrepaymentObjects.EmergencyInUse, "1")); // once

        while (!p.IsExhausted) host.RunFor(TimeSpan.FromSeconds(1));
        Assert.InRange(p.RemainingWh, -201, -200);
        Assert.Equal(Prepayment.StatusCreditLow | Prepayment.StatusCreditExhausted | Prepayment.StatusEmergencyCredit, m.StatusWord & 0xF00);
        Assert.True(p.RequestsDisconnect); // Wednesday morning, no friendly time set
        Assert.StartsWith("(-", MeterRig.ValueText(m, PrepaymentObjects.Credit));
    }

    [Fact]
    public void Stopping_prepayment_clears_symbol_bits_and_request()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Mode, "0"));
        host.RunFor(TimeSpan.FromSeconds(5));
        Assert.True(m.Prepayment.RequestsDisconnect);
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Mode, "-1"));
        Assert.Equal((false, false, 0, 0), (m.Prepayment.IsActive, m.Prepayment.RequestsDisconnect, m.StatusWord & 0xF00, m.Prepayment.LcdSymbolFlags));
        Assert.Equal(("(0000000.000*kWh)", "(0000000.000*kWh)"), (MeterRig.ValueText(m, PrepaymentObjects.Mode), MeterRig.ValueText(m, PrepaymentObjects.Credit)));
    }

    [Fact]
    public void Exhausted_credit_requests_disconnect_only_outside_friendly_hours_from_01_00_local_exactly()
    {
        using var host = MeterRig.Start(); // Wednesday 2025-01-15 00:00:00 CET
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Friendly, "1")); // 00:00 … 00:59 friendly
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Mode, "0.010"));
        host.RunFor(TimeSpan.FromSeconds(30));
        Assert.True(m.Prepayment.IsExhausted);
        Assert.False(m.Prepayment.RequestsDisconnect);
        host.RunFor(TimeSpan.FromMinutes(59).Add(TimeSpan.FromSeconds(29))); // 00:59:59 local
        Assert.Equal(new DateTime(2025, 1, 15, 0, 59, 59), LocalTimeOf(m));
        Assert.False(m.Prepayment.RequestsDisconnect);
        host.RunFor(TimeSpan.FromSeconds(1)); // 01:00:00 local
        Assert.Equal(new DateTime(2025, 1, 15, 1, 0, 0), LocalTimeOf(m));
        Assert.True(m.Prepayment.RequestsDisconnect);
        // Wednesday (bit 24 + 2) made friendly: no request all day.
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Friendly, (1L << 26).ToString()));
        Assert.False(m.Prepayment.RequestsDisconnect);
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, PrepaymentObjects.Friendly, "4294967296"));
    }

    [Fact]
    public void A_top_up_above_0_ends_the_emergency_credit()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        MeterRig.Write(m, PrepaymentObjects.WarningThreshold, "0.100");
        MeterRig.Write(m, PrepaymentObjects.EmergencyCredit, "0.050");
        MeterRig.Write(m, PrepaymentObjects.Mode, "0.010");
        MeterRig.Write(m, PrepaymentObjects.Secret, Convert.ToHexString(Secret), seal: true);
        host.RunFor(TimeSpan.FromSeconds(10));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.EmergencyInUse, "1"));
        Assert.True(m.Prepayment.EmergencyCreditInUse);
        Assert.Equal(TokenResult.Applied, m.Prepayment.ApplyToken(TokenTests.Make(m, 1, 1000), PrepaymentToken.Length));
        Assert.False(m.Prepayment.EmergencyCreditInUse);
        Assert.Equal(0, m.StatusWord & 0xF00);
    }

    private static (int, int, long, long) ParameterEvent(int detail, long old, long @new) => (EventKind.ParameterChange, detail, old, @new);
    private static (int, int, long, long) Summary(EventRecord e) => (e.Kind, e.Detail, e.OldValue, e.NewValue);
}
