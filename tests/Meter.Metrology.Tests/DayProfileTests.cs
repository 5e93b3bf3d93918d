using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>
/// One hand-worked day on a 3-phase 4-wire meter, 1-s metering cycles, 1 count = 1 W·s, vector sum,
/// T1 06:00–22:00 and T2 otherwise, 15-min demand, S0 at 1000 imp/kWh (A+, 30 ms).
/// <code>
/// time         P per phase (W)      Q per phase (var)   S per phase (VA)   total P / Q / S        quadrant
/// 00:00–06:00  300, 300, 300         100, 100, 100      320 each           900 / 300 / 960         I
/// 06:00–10:00  500, 500, 500        −200 each           540 each          1500 / −600 / 1620       IV
/// 10:00–14:00  −1000 each (PV)        50 each          1002 each         −3000 / 150 / 3006        II
/// 14:00–18:00  800, −200, −200       300, 0, 0          860, 200, 200      400 / 300 / 1260        I
/// 18:00–24:00  1200 each             600 each          1350 each          3600 / 1800 / 4050       I
///   19:00–19:15 spike 2000 each      800 each          2160 each          6000 / 2400 / 6480       I
/// </code>
/// </summary>
public class DayProfileTests
{
    private static readonly long Midnight = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static (int[] P, int[] Q, int[] S) Load(int secondOfDay)
    {
        int h = secondOfDay / 3600;
        if (h < 6) return (new[] { 300, 300, 300 }, new[] { 100, 100, 100 }, new[] { 320, 320, 320 });
        if (h < 10) return (new[] { 500, 500, 500 }, new[] { -200, -200, -200 }, new[] { 540, 540, 540 });
        if (h < 14) return (new[] { -1000, -1000, -1000 }, new[] { 50, 50, 50 }, new[] { 1002, 1002, 1002 });
        if (h < 18) return (new[] { 800, -200, -200 }, new[] { 300, 0, 0 }, new[] { 860, 200, 200 });
        if (secondOfDay >= 19 * 3600 && secondOfDay < 19 * 3600 + 900) return (new[] { 2000, 2000, 2000 }, new[] { 800, 800, 800 }, new[] { 2160, 2160, 2160 });
        return (new[] { 1200, 1200, 1200 }, new[] { 600, 600, 600 }, new[] { 1350, 1350, 1350 });
    }

    private static int TariffAt(int secondOfDay) => secondOfDay >= 6 * 3600 && secondOfDay < 22 * 3600 ? 0 : 1;

    private sealed class Day
    {
        public readonly EnergyAccumulator Acc;
        public readonly DemandMeter Demand;
        public readonly RecordingPin Pin = new();
        public readonly PulseOutput S0;

        public Day(PhaseSummation summation = PhaseSummation.VectorSum)
        {
            Acc = Meters.Accumulator(summation: summation, tariffs: 2);
            Demand = new DemandMeter(Acc, 15);
            Demand.SetPowerThreshold(3_000_000, primary: false); // 3 kW
            S0 = new PulseOutput(Pin, Acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, 30, 100, NoLoadIndication.Off));
            Demand.Update(Midnight, TariffAt(0));
            for (int second = 0; second < 86_400; second++)
            {
                var (p, q, s) = Load(second);
                int tariff = TariffAt(second);
                Acc.AddCycle(p, q, s, tariff, 1000);
                long end = (Midnight + second + 1) * 1000;
                Demand.Update(Midnight + second + 1, tariff);
                Pin.Now = end;
                S0.Update(end);
                while (S0.NextActionMilliseconds < end + 1000)
                {
                    Pin.Now = Math.Max(Pin.Now, S0.NextActionMilliseconds);
                    S0.Update(Pin.Now);
                }
            }
        }

        public long Wh(EnergyRegister r, int channel = MeterChannel.Total) => Acc.EnergyIn(r, channel, false, 0);
    }

    private static readonly Lazy<Day> Run = new(() => new Day());

    [Fact]
    public void Per_phase_summation_of_the_same_day()
    {
        // Only 14:00–18:00 has phases of opposite sign: phase A +800 W, B and C −200 W each.
        // Per phase: A+ gains 800 × 4 = 3200 Wh instead of the net 400 × 4 = 1600 Wh → 35 200 + 1600 = 36 800 Wh;
        // A− gains 400 × 4 = 1600 Wh → 13 600 Wh. The net A+ − A− stays 23 200 Wh.
        var d = new Day(PhaseSummation.PerPhase);
        Assert.Equal(36_800, d.Wh(EnergyRegister.ActiveImport));
        Assert.Equal(13_600, d.Wh(EnergyRegister.ActiveExport));
        // E+ in 14–18: phase A 860 VA import, B and C 200 VA each export → E+ 42 187.5 − 1260×4 + 860×4 = 40 587.5 VAh,
        // E− 12 024 + 400 × 4 = 13 624 VAh.
        Assert.Equal(40_587_500, d.Acc.EnergyIn(EnergyRegister.ApparentImport, MeterChannel.Total, false, -3));
        Assert.Equal(13_624, d.Wh(EnergyRegister.ApparentExport));
        Assert.Equal(36_800, d.S0.DuePulses);
    }

    [Fact]
    public void Energy_registers_of_the_day()
    {
        var d = Run.Value;
        // A+ = 900×6 + 1500×4 + 400×4 + 3600×5.75 + 6000×0.25 = 5400 + 6000 + 1600 + 20700 + 1500 = 35 200 Wh
        Assert.Equal(35_200, d.Wh(EnergyRegister.ActiveImport));
        // A− = 3000 × 4 = 12 000 Wh
        Assert.Equal(12_000, d.Wh(EnergyRegister.ActiveExport));
        // R1 = 300×6 + 300×4 + 1800×5.75 + 2400×0.25 = 1800 + 1200 + 10 350 + 600 = 13 950 varh; R2 = 150 × 4 = 600
        Assert.Equal(13_950, d.Wh(EnergyRegister.ReactiveQuadrant1));
        Assert.Equal(600, d.Wh(EnergyRegister.ReactiveQuadrant2));
        Assert.Equal(14_550, d.Wh(EnergyRegister.ReactiveImport));
        // R4 = 600 × 4 = 2400 varh; R3 = 0
        Assert.Equal(2_400, d.Wh(EnergyRegister.ReactiveQuadrant4));
        Assert.Equal(0, d.Wh(EnergyRegister.ReactiveQuadrant3));
        Assert.Equal(2_400, d.Wh(EnergyRegister.ReactiveExport));
        // E+ = 960×6 + 1620×4 + 1260×4 + 4050×5.75 + 6480×0.25 = 5760 + 6480 + 5040 + 23 287.5 + 1620 = 42 187.5 VAh
        Assert.Equal(42_187_500, d.Acc.EnergyIn(EnergyRegister.ApparentImport, MeterChannel.Total, false, -3));
        // E− = 3006 × 4 = 12 024 VAh
        Assert.Equal(12_024, d.Wh(EnergyRegister.ApparentExport));
    }

    [Fact]
    public void Phase_and_tariff_registers_of_the_day()
    {
        var d = Run.Value;
        // Phase A: A+ = 300×6 + 500×4 + 800×4 + 1200×5.75 + 2000×0.25 = 1800 + 2000 + 3200 + 6900 + 500 = 14 400 Wh; A− = 1000×4 = 4000
        Assert.Equal(14_400, d.Wh(EnergyRegister.ActiveImport, MeterChannel.PhaseA));
        Assert.Equal(4_000, d.Wh(EnergyRegister.ActiveExport, MeterChannel.PhaseA));
        // Phase B: A+ = 1800 + 2000 + 6900 + 500 = 11 200 Wh; A− = 4000 + 200×4 = 4800 Wh
        Assert.Equal(11_200, d.Wh(EnergyRegister.ActiveImport, MeterChannel.PhaseB));
        Assert.Equal(4_800, d.Wh(EnergyRegister.ActiveExport, MeterChannel.PhaseB));
        // T1 (06–22): A+ = 6000 + 1600 + 3600×3.75 + 1500 = 22 600 Wh; T2: 5400 + 3600×2 = 12 600 Wh
        Assert.Equal(22_600, d.Acc.ReadTariffActiveImport(0, false, 0));
        Assert.Equal(12_600, d.Acc.ReadTariffActiveImport(1, false, 0));
        // R+ T1 = 600 + 1200 + 1800×3.75 + 600 = 9150 varh; T2 = 1800 + 1800×2 = 5400 varh
        Assert.Equal(9_150, d.Acc.ReadTariffReactiveImport(0, false, 0));
        Assert.Equal(5_400, d.Acc.ReadTariffReactiveImport(1, false, 0));
        Assert.Equal(24, d.Acc.OperatingHours);
    }

    [Fact]
    public void Demand_maxima_with_their_time_stamps()
    {
        var d = Run.Value;
        long at(int h, int m) => Midnight + h * 3600 + m * 60;
        Assert.Equal(96, d.Demand.ClosedPeriods);
        // P+max = 6000 W in 19:00–19:15, stamped with the period end 19:15.
        Assert.Equal(6_000, d.Demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0));
        Assert.Equal(at(19, 15), d.Demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        Assert.Equal(2_400, d.Demand.ReadMaximumPower(DemandQuantity.ReactiveImport, DemandSlot.AllTariffs, false, 0));
        Assert.Equal(at(19, 15), d.Demand.GetMaximumTime(DemandQuantity.ReactiveImport, DemandSlot.AllTariffs));
        Assert.Equal(6_480, d.Demand.ReadMaximumPower(DemandQuantity.ApparentImport, DemandSlot.AllTariffs, false, 0));
        // S−max = 3006 VA, first reached by the period 10:00–10:15.
        Assert.Equal(3_006, d.Demand.ReadMaximumPower(DemandQuantity.ApparentExport, DemandSlot.AllTariffs, false, 0));
        Assert.Equal(at(10, 15), d.Demand.GetMaximumTime(DemandQuantity.ApparentExport, DemandSlot.AllTariffs));
        // T1 max is the spike; T2 max is 3600 W, first at 22:00–22:15 (the 00–06 night only draws 900 W).
        Assert.Equal(6_000, d.Demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.Tariff1, false, 0));
        Assert.Equal(3_600, d.Demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.Tariff2, false, 0));
        Assert.Equal(at(22, 15), d.Demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.Tariff2));
        // Power threshold 3 kW: the 24 periods from 18:00 to 24:00 exceed it (3600 W, 6000 W).
        Assert.Equal(24, d.Demand.PowerThresholdCount);
    }

    [Fact]
    public void S0_pulses_of_the_day()
    {
        var d = Run.Value;
        // floor(35 200 Wh × 1000 imp/kWh / 1000) = 35 200 pulses, all emitted (peak 6 kW = 1.67 pulses/s).
        Assert.Equal(35_200, d.S0.DuePulses);
        Assert.Equal(35_200, d.S0.EmittedPulses + d.S0.PendingPulses);
        Assert.Equal(0, d.S0.DroppedPulses);
        Assert.Equal(d.S0.EmittedPulses, d.Pin.RisingEdges);
    }
}

/// <summary>Demand details beyond the day profile.</summary>
public class DemandMeterTests
{
    [Fact]
    public void Billing_close_accumulates_maxima_and_restarts_them()
    {
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 5);
        demand.Update(0, 0);
        // Period 0–300 s at 1200 W; period 300–600 s at 600 W.
        for (int s = 0; s < 600; s++)
        {
            int p = s < 300 ? 1200 : 600;
            acc.Cycle(p, 0, 0, 0, 0, 0, p, 0, 0);
            demand.Update(s + 1, 0);
        }
        Assert.Equal(1200, demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0));
        Assert.Equal(300, demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        demand.CloseBillingPeriod();
        Assert.Equal(0, demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0));
        Assert.Equal(-1, demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        // Next billing period: 900 W in 600–900 s.
        for (int s = 600; s < 900; s++)
        {
            acc.Cycle(900, 0, 0, 0, 0, 0, 900, 0, 0);
            demand.Update(s + 1, 0);
        }
        Assert.Equal(900, demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0));
        demand.CloseBillingPeriod();
        // Accumulated P+max = 1200 + 900 = 2100 W.
        Assert.Equal(2100, demand.ReadAccumulatedMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0));
    }

    [Fact]
    public void Periods_align_to_the_clock_and_a_clock_set_back_restarts_the_period()
    {
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 15);
        demand.Update(1000, 0); // 00:16:40 → period started at 00:15:00
        Assert.Equal(900, demand.CurrentPeriodStartSeconds);
        acc.Cycle(3600, 0, 0, 0, 0, 0, 3600, 0, 0);
        demand.Update(500, 0);   // clock set back to 00:08:20
        Assert.Equal(0, demand.CurrentPeriodStartSeconds);
        Assert.Equal(0, demand.ClosedPeriods);
        Assert.Equal(0, demand.GetCurrentPeriodCounts(DemandQuantity.ActiveImport));
    }

    [Fact]
    public void A_clock_set_back_inside_the_running_period_restarts_it()
    {
        // 15-min periods, 1000 W. 0–100 s registered, then the clock is set back from 100 s to 50 s (same period).
        // The period restarts at 50 s: it closes at 900 s with the 850 s since then, 850 000 W·s / 900 s = 944 W,
        // not the 950 000 W·s / 900 s = 1055 W that integrating on would show for a 15-min period.
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 15);
        demand.Update(0, 0);
        for (int s = 0; s < 100; s++) { acc.Cycle(1000, 0, 0, 0, 0, 0, 1000, 0, 0); demand.Update(s + 1, 0); }
        demand.Update(50, 0);
        Assert.Equal(0, demand.GetCurrentPeriodCounts(DemandQuantity.ActiveImport));
        Assert.Equal(0, demand.ClosedPeriods);
        for (int s = 50; s < 900; s++) { acc.Cycle(1000, 0, 0, 0, 0, 0, 1000, 0, 0); demand.Update(s + 1, 0); }
        Assert.Equal(1, demand.ClosedPeriods);
        Assert.Equal(944, demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0));
        Assert.Equal(900, demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        Assert.Equal(950_000, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total)); // registers keep everything
    }

    [Fact]
    public void A_clock_jump_forward_closes_the_running_period_once_and_realigns()
    {
        // 15-min periods. 100 s at 900 W in the period 0–900, then the clock jumps to 3700 s (power cut, RTC set):
        // the period 0–900 closes with 90 000 W·s → 100 W mean; no maxima for the skipped periods; the new period starts at 3600.
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 15);
        demand.Update(0, 0);
        for (int s = 0; s < 100; s++) { acc.Cycle(900, 0, 0, 0, 0, 0, 900, 0, 0); demand.Update(s + 1, 0); }
        demand.Update(3700, 0);
        Assert.Equal(1, demand.ClosedPeriods);
        Assert.Equal(100, demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0));
        Assert.Equal(900, demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        Assert.Equal(3600, demand.CurrentPeriodStartSeconds);
    }

    [Fact]
    public void Primary_demand_uses_the_ct_ratio()
    {
        // 200/5 A (ratio 40): 100 W secondary over a whole 15-min period = 4 kW primary.
        var acc = Meters.Accumulator(ConnectionType.SinglePhase, ratio: new CurrentTransformerRatio(200, 5));
        var demand = new DemandMeter(acc, 15);
        demand.Update(0, 0);
        for (int s = 0; s < 900; s++)
        {
            acc.Cycle(100, 0, 0, 0, 0, 0, 100, 0, 0);
            demand.Update(s + 1, 0);
        }
        Assert.Equal(4_000, demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0));
        Assert.Equal(100_000, demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, -3)); // mW
    }

    [Fact]
    public void Integration_period_must_be_5_15_30_or_60_minutes()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new DemandMeter(Meters.Accumulator(), 10));
}
