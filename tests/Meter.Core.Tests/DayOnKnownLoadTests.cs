using Meter.Metrology;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// One working day of the direct 5(105) A meter on the balanced load (3 × 230 V, 10 A, current
/// lagging 18.19°), through the whole firmware: simulated ADE7880 at SPI byte level → driver →
/// accumulator with the timetable's tariff → storage (profile) → OBIS table.
/// </summary>
public class DayOnKnownLoadTests
{
    // Hand-worked: P = 3 × 230 V × 10 A × cos 18.19° = 6900 × 0.950027 = 6555.18 W;
    // Q = 6900 × sin 18.19° = 6900 × 0.312169 = 2153.97 var.
    // One day: A+ = 6555.18 × 24 = 157 324.4 Wh; R+ = 2153.97 × 24 = 51 695.2 varh.
    // Tariffs (working day, local time): T1 06:00–22:00 = 16 h → 104 882.9 Wh; T2 8 h → 52 441.5 Wh.
    // One 15-min interval: 6555.18 / 4 = 1638.80 Wh.
    // Tolerance 0.02 %: the meter's nominal full scale is the board's rounded to 125 mV / 5 mA
    // (353 875 mV vs 353 907 mV, 129 985 mA vs 129 983 mA: −0.0075 % before calibration), and
    // each register is truncated to whole Wh.
    private const double Tolerance = 0.0002;

    private static readonly Lazy<(long APlus, long AMinus, long RPlus, long RMinus, long T1, long T2, ProfileEntry[] Profile, string Readout180, string Readout181, long Hours)> Day = new(() =>
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromDays(1));
        var m = host.Meter;
        var reader = new LoadProfileReader(m.Storage.Profile);
        var entries = new List<ProfileEntry>();
        while (true)
        {
            var e = new ProfileEntry(4);
            if (!reader.Next(e)) break;
            entries.Add(e);
        }
        return (MeterRig.Wh(m, EnergyRegister.ActiveImport), MeterRig.Wh(m, EnergyRegister.ActiveExport),
            MeterRig.Wh(m, EnergyRegister.ReactiveImport), MeterRig.Wh(m, EnergyRegister.ReactiveExport),
            m.Metering.Accumulator.ReadTariffActiveImport(0, true, 0), m.Metering.Accumulator.ReadTariffActiveImport(1, true, 0),
            entries.ToArray(), MeterRig.ValueText(m, StandardObjects.ActiveImport), MeterRig.ValueText(m, StandardObjects.ActiveImportT1),
            m.Metering.Accumulator.OperatingHours);
    });

    [Fact]
    public void Energy_registers_match_the_hand_worked_day()
    {
        var d = Day.Value;
        Assert.InRange(d.APlus, 157324.4 * (1 - Tolerance), 157324.4 * (1 + Tolerance));
        Assert.InRange(d.RPlus, 51695.2 * (1 - Tolerance), 51695.2 * (1 + Tolerance));
        Assert.Equal(0, d.AMinus); // quadrant I only: nothing exported
        Assert.Equal(0, d.RMinus);
        Assert.Equal(24, d.Hours);
    }

    [Fact]
    public void Tariff_registers_follow_the_timetable_and_add_up()
    {
        var d = Day.Value;
        Assert.InRange(d.T1, 104882.9 * (1 - Tolerance), 104882.9 * (1 + Tolerance));
        Assert.InRange(d.T2, 52441.5 * (1 - Tolerance), 52441.5 * (1 + Tolerance));
        // The per-tariff counts add up to the total exactly; in whole Wh each may lose < 1 Wh.
        Assert.InRange(d.APlus - (d.T1 + d.T2), 0, 1);
    }

    [Fact]
    public void Load_profile_has_96_quarter_hours_of_the_load()
    {
        var d = Day.Value;
        Assert.Equal(96, d.Profile.Length);
        Assert.Equal(MeterRig.WednesdayMidnightLocal.AddMinutes(15), d.Profile[0].EndTime);
        Assert.Equal(MeterRig.WednesdayMidnightLocal.AddDays(1), d.Profile[^1].EndTime);
        foreach (var e in d.Profile)
        {
            Assert.InRange(e.Deltas[0], 1638.80 * (1 - Tolerance) - 1, 1638.80 * (1 + Tolerance) + 1);
            Assert.Equal(0, e.Deltas[1]);
            Assert.Equal(IntervalStatus.None, e.Status);
        }
        // The profile's A+ at the end of the day is the register (the day ends on a boundary).
        Assert.Equal(d.APlus, d.Profile[^1].Values[0]);
    }

    [Fact]
    public void Obis_readout_shows_the_registers_in_kWh()
    {
        var d = Day.Value;
        // Wh → kWh with 3 decimals and 6 integer digits (StandardObjects energy format).
        Assert.Equal($"({d.APlus / 1000:000000}.{d.APlus % 1000:000}*kWh)", d.Readout180);
        Assert.Equal($"({d.T1 / 1000:000000}.{d.T1 % 1000:000}*kWh)", d.Readout181);
        Assert.StartsWith("(000157.3", d.Readout180);
    }
}
