using Meter.Obis;
using Meter.Boards;
using Meter.Hal;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Board;

namespace Meter.Core.Tests;

/// <summary>
/// <see cref="MeterSettings.QualityMeasurement"/> through the whole meter: off, the chip traffic is what it was (the
/// figures of docs/timing-budget.md); on, the recorder gets the quality quantities of the simulated load.
/// </summary>
public class QualityMeasurementWiringTests
{
    internal sealed record Rig(ElectricityMeter Meter, SimulatedBoard Board, TickBudgetTests.CountingSpi Spi)
    {
        private long _now;

        public void Cycles(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Board.Chip.Advance(1_000_000);
                Board.Rtc.Advance(TimeSpan.FromSeconds(1));
                _now += 1000;
                Meter.OnEnergyReady(_now);
                Meter.Tick(_now);
            }
        }

        /// <summary>SPI frames and bytes per cycle over 100 cycles.</summary>
        public (long Frames, long Bytes) PerCycle()
        {
            Spi.Frames = Spi.Bytes = 0;
            Cycles(100);
            return (Spi.Frames / 100, Spi.Bytes / 100);
        }
    }

    internal static Rig Build(bool quality, int measurementInterval, PhaseLoad a, PhaseLoad b, PhaseLoad c,
        DateTime? startUtc = null, Action<MeterSettings>? configure = null, int warmUpCycles = 60, ILcdPanel? lcd = null)
    {
        var start = startUtc ?? new DateTime(2025, 1, 14, 23, 0, 0, DateTimeKind.Utc);
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        SimulatedBoard board = SimulatedBoard.For(preset, start).Build();
        board.Chip.Phases[0].Set(a);
        board.Chip.Phases[1].Set(b);
        board.Chip.Phases[2].Set(c);
        var spi = new TickBudgetTests.CountingSpi(board.Chip);
        MeterSettings settings = PresetSettings.FromPreset(preset);
        settings.QualityMeasurement = quality;
        configure?.Invoke(settings);
        var meter = new ElectricityMeter(settings, board.Hardware(lcd, meteringSpi: spi)) { MeasurementIntervalCycles = measurementInterval };
        meter.Start(0, start);
        var rig = new Rig(meter, board, spi);
        rig.Cycles(warmUpCycles);
        return rig;
    }

    private static Rig Balanced(bool quality, int measurementInterval)
    {
        var load = new PhaseLoad(230, 10, 18.19);
        return Build(quality, measurementInterval, load, load, load);
    }

    [Fact]
    public void Off_by_default_and_the_cycles_keep_their_frames()
    {
        Assert.False(new MeterSettings().QualityMeasurement);
        Rig energyOnly = Balanced(false, int.MaxValue), measured = Balanced(false, 1);
        Assert.Null(energyOnly.Meter.PowerQuality);
        // docs/timing-budget.md, measured before issue 20: 24 frames / 166 bytes, 56 / 370 with the instantaneous values.
        Assert.Equal((24L, 166L), energyOnly.PerCycle());
        Assert.Equal((56L, 370L), measured.PerCycle());
    }

    [Fact]
    public void On_the_energy_only_cycle_keeps_its_frames_and_the_measured_cycle_adds_the_scan()
    {
        Rig energyOnly = Balanced(true, int.MaxValue), measured = Balanced(true, 1);
        Assert.Equal((24L, 166L), energyOnly.PerCycle()); // the scan is part of the measurement read only
        var (frames, _) = measured.PerCycle();
        Assert.InRange(frames, 57, 64); // the harmonic registers and angles on top of the 56, inside the 64-frame budget
    }

    [Fact]
    public void Thd_of_a_known_harmonic_load_through_the_meter()
    {
        // A: 3rd 5 %, 5th 6 %, 7th 5 %, 11th 3.5 %, 25th 1.5 % of 230 V: THD = √(25 + 36 + 25 + 12.25 + 2.25) % = √100.5 % = 10.025 %.
        var harmonic = new PhaseLoad(230, 10, 0)
        {
            Harmonics = new[] { new Harmonic(3, 11.5, 0, 0), new Harmonic(5, 13.8, 0, 0), new Harmonic(7, 11.5, 0, 0), new Harmonic(11, 8.05, 0, 0), new Harmonic(25, 3.45, 0, 0) },
        };
        Rig rig = Build(true, 1, harmonic, new PhaseLoad(230, 10, 0), new PhaseLoad(230, 10, 0));
        rig.Cycles(30); // 8 order groups × 3 phases, one phase a read
        var q = rig.Meter.PowerQuality!.Values;
        Assert.True(q.Harmonics.IsComplete(0));
        Assert.InRange(q.Harmonics.Thd(0), 1002, 1003);
        Assert.Equal(0, q.Harmonics.Thd(1));
        // Total rms of A: 230 V × √1.01005 = 231.155 V.
        Assert.InRange(q.VoltageMillivolts[0], 231_100, 231_210);
    }

    [Fact]
    public void Unbalance_of_a_known_three_phase_set_through_the_meter()
    {
        // C 30 V low at 120° spacing: U2 = |230 + 230·a² ... | → u2 = 10 V / 220 V = 4.545 % (VoltageUnbalanceTests).
        Rig rig = Build(true, 1, new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0), new PhaseLoad(200, 5, 0));
        rig.Cycles(6);
        var q = rig.Meter.PowerQuality!.Values;
        Assert.True(q.UnbalanceValid);
        Assert.InRange(q.Unbalance, 453, 457);
    }
}

/// <summary>The power-quality objects (<see cref="PowerQualityObjects"/>) as the readout and the display read them.</summary>
public class PowerQualityObjectsTests
{
    // Started on a Monday 00:00 (the week starts with the meter), the instantaneous values read every cycle.
    private static (ElectricityMeter Meter, Action<int> Cycles) Start(bool quality, PhaseLoad a, PhaseLoad b, PhaseLoad c, Action<MeterSettings>? configure = null)
    {
        var rig = QualityMeasurementWiringTests.Build(quality, 1, a, b, c, new DateTime(2025, 1, 13, 0, 0, 0, DateTimeKind.Utc), configure, 0);
        return (rig.Meter, rig.Cycles);
    }

    private static PhaseLoad Harmonic() => new(230, 10, 0)
    {
        Harmonics = new[] { new Harmonic(3, 11.5, 0, 0), new Harmonic(5, 13.8, 0, 0), new Harmonic(7, 11.5, 0, 0), new Harmonic(11, 8.05, 0, 0), new Harmonic(25, 3.45, 0, 0) },
    };

    [Fact]
    public void Codes_follow_the_obis_harmonics_table()
    {
        Assert.Equal(new ObisCode(1, 0, 32, 7, 124, 255), PowerQualityObjects.ThdOf(1));
        Assert.Equal(new ObisCode(1, 0, 52, 7, 124, 255), PowerQualityObjects.ThdOf(2));
        Assert.Equal(new ObisCode(1, 0, 72, 7, 124, 255), PowerQualityObjects.ThdOf(3));
    }

    [Fact]
    public void Thd_and_unbalance_read_in_percent_with_two_decimals()
    {
        // A harmonics (THD √100.5 % = 10.025 %), C 30 V low (u2 = 10/220 = 4.545 %).
        var (meter, cycles) = Start(true, Harmonic(), new PhaseLoad(230, 10, 0), new PhaseLoad(200, 10, 0));
        cycles(30);
        string thd = MeterRig.ValueText(meter, PowerQualityObjects.ThdOf(1));
        Assert.True(thd is "(010.02*%)" or "(010.03*%)", thd);
        Assert.Equal("(000.00*%)", MeterRig.ValueText(meter, PowerQualityObjects.ThdOf(2)));
        string u2 = MeterRig.ValueText(meter, PowerQualityObjects.Unbalance);
        Assert.Matches(@"^\(004\.5[3-7]\*%\)$", u2);
    }

    [Fact]
    public void Without_quality_measurement_the_objects_have_no_value()
    {
        var (meter, cycles) = Start(false, Harmonic(), new PhaseLoad(230, 10, 0), new PhaseLoad(230, 10, 0));
        cycles(30);
        Assert.False(meter.Table.Find(PowerQualityObjects.ThdOf(1))!.TryReadInteger(PowerQualityObjects.ThdOf(1), out _));
        Assert.False(meter.Table.Find(PowerQualityObjects.CurrentWeek)!.TryReadInteger(PowerQualityObjects.CurrentWeek, out _));
        Assert.Equal(0, meter.StatusWord & MeterStatusWords.StatusPowerQualityAlarm);
    }

    [Fact]
    public void A_week_of_good_supply_passes_and_raises_no_alarm()
    {
        var good = new PhaseLoad(230, 10, 0);
        var (meter, cycles) = Start(true, good, good, good);
        cycles(3 * 600 + 5); // three 10-min values
        Assert.Equal(3L, ReadInteger(meter, PowerQualityObjects.WeekIntervals));
        Assert.Equal(0L, ReadInteger(meter, PowerQualityObjects.WeekFlaggedIntervals));
        // 2 bits a criterion: voltage, frequency, THD, harmonics, unbalance all 1 (pass) = 0x155.
        Assert.Equal(0x155L, ReadInteger(meter, PowerQualityObjects.CurrentWeek));
        Assert.Equal(0, meter.StatusWord & MeterStatusWords.StatusPowerQualityAlarm);
    }

    [Fact]
    public void A_week_with_unbalance_over_two_percent_fails_and_sets_the_status_bit()
    {
        // C at 215 V (93.5 %: no dip, so the 10-min values are not flagged, IEC 61000-4-30 §4.7): V2 = 15 V / 3 = 5 V,
        // V1 = (230 + 230 + 215) V / 3 = 225 V, u2 = 2.22 % > 2 % (EN 50160 §4.2.5); the voltages are within ±10 %.
        var (meter, cycles) = Start(true, new PhaseLoad(230, 10, 0), new PhaseLoad(230, 10, 0), new PhaseLoad(215, 10, 0));
        cycles(600 + 5);
        Assert.Equal(1L, ReadInteger(meter, PowerQualityObjects.WeekIntervals));
        Assert.Equal(0L, ReadInteger(meter, PowerQualityObjects.WeekFlaggedIntervals));
        long week = ReadInteger(meter, PowerQualityObjects.CurrentWeek);
        Assert.Equal(2L, (week >> PowerQualityObjects.UnbalanceShift) & 3);
        Assert.Equal(1L, (week >> PowerQualityObjects.VoltageShift) & 3);
        Assert.Equal(1L, (week >> PowerQualityObjects.FrequencyShift) & 3);
        Assert.Equal(MeterStatusWords.StatusPowerQualityAlarm, meter.StatusWord & MeterStatusWords.StatusPowerQualityAlarm);
        Assert.False(meter.Table.Find(PowerQualityObjects.PreviousWeek)!.TryReadInteger(PowerQualityObjects.PreviousWeek, out _));
    }

    [Fact]
    public void The_quality_alarm_symbol_is_lit_while_the_week_fails_and_only_then()
    {
        // The same unbalanced supply (u2 = 2.22 % > 2 %) on one meter, a balanced one on another.
        var failing = new RecordingPanel();
        DateTime monday = new(2025, 1, 13, 0, 0, 0, DateTimeKind.Utc);
        var rig = QualityMeasurementWiringTests.Build(true, 1, new PhaseLoad(230, 10, 0), new PhaseLoad(230, 10, 0), new PhaseLoad(215, 10, 0), monday, null, 0, failing);
        rig.Cycles(300);
        Assert.Equal(0, failing.Shown[^1].Symbols & LcdSymbols.QualityAlarm); // no 10-min value yet: nothing to fail
        rig.Cycles(305);
        Assert.Equal(LcdSymbols.QualityAlarm, failing.Shown[^1].Symbols & LcdSymbols.QualityAlarm);

        var passing = new RecordingPanel();
        var good = new PhaseLoad(230, 10, 0);
        QualityMeasurementWiringTests.Build(true, 1, good, good, good, monday, null, 0, passing).Cycles(605);
        Assert.DoesNotContain(passing.Shown, shown => (shown.Symbols & LcdSymbols.QualityAlarm) != 0);
    }

    [Fact]
    public void The_lists_take_the_quality_objects_and_the_readout_sends_them()
    {
        var (meter, cycles) = Start(true, Harmonic(), new PhaseLoad(230, 10, 0), new PhaseLoad(230, 10, 0), PowerQualityObjects.AddToLists);
        cycles(30);
        ObisCode[] readout = meter.Settings.ReadoutCodes;
        Assert.Equal(ListSettings.ReadoutCapacity, readout.Length);
        Assert.Equal(new[] { PowerQualityObjects.ThdOf(1), PowerQualityObjects.ThdOf(2), PowerQualityObjects.ThdOf(3), PowerQualityObjects.CurrentWeek }, readout.Skip(28));
        Assert.Contains(PowerQualityObjects.Unbalance, meter.Settings.AlternateDisplayList);
        Assert.True(ListSettings.IsReadoutList(readout, meter.Settings.ReadoutBillingPeriods));
        Assert.True(ListSettings.IsDisplayList(meter.Settings.AlternateDisplayList, Meter.Display.DisplayListKind.Manual));
        // A second call adds nothing; a full list is refused with its name.
        PowerQualityObjects.AddToLists(meter.Settings);
        Assert.Equal(ListSettings.ReadoutCapacity, meter.Settings.ReadoutCodes.Length);
        var full = new MeterSettings { ReadoutCodes = ListSettings.DefaultReadoutCodes().Concat(new[] { StandardObjects.Frequency }).ToArray() };
        var error = Assert.Throws<ArgumentException>(() => PowerQualityObjects.AddToLists(full));
        Assert.Contains("readout list", error.Message);
    }

    private static long ReadInteger(ElectricityMeter meter, ObisCode code)
    {
        Assert.True(meter.Table.Find(code)!.TryReadInteger(code, out long value), $"{code} has no value");
        return value;
    }
}
