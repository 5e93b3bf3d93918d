using Meter.Obis;

namespace Meter.Core.Tests;

/// <summary>Issue 6: tariff control by command and by the module inputs reaches the per-tariff registers at once.</summary>
public class TariffControlModeTests
{
    private static long T(ElectricityMeter m, int tariff) => m.Metering.Accumulator.ReadTariffActiveImport(tariff, true, 0);

    /// <summary>
    /// A meter on the balanced load in T1 under input control on I/O 2 (DD 13): I/O 2 energised between
    /// two cycles changes nothing before the next cycle, whose energy and the next 10 minutes' are T2's:
    /// 6555.18 W × 1/6 h = 1092.5 Wh (tolerance as the timetable test above), none in T1.
    /// </summary>
    internal static void EnergisingIo2RegistersTheNextCyclesInT2(Meter.Simulation.VirtualMeterHost host)
    {
        var m = host.Meter;
        long t1 = T(m, 0), t2 = T(m, 1);
        host.SetTariffInputs(false, true);
        Assert.Equal(0, m.ActiveTariff); // nothing changes before the cycle
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, m.ActiveTariff);
        Assert.Equal(t1, T(m, 0));
        host.RunFor(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.InRange(T(m, 1) - t2, 1092.53 * 0.9998 - 1, 1092.53 * 1.0002 + 1);
        Assert.Equal(t1, T(m, 0));
    }

    [Fact]
    public void Commands_and_input_changes_switch_the_running_meter_without_waiting_for_a_timetable_switch()
    {
        // Wednesday 00:00 local: the preset timetable gives T2 (T1 is 06:00–22:00 on working days);
        // its next switching point is 06:00, so a tariff cached "until the next possible change"
        // would ignore a command for six hours.
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromMinutes(1));
        Assert.Equal(1, m.ActiveTariff);

        m.Tariffs.UseRegisterControl(0);
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(0, m.ActiveTariff);
        long t1 = T(m, 0), t2 = T(m, 1);
        host.RunFor(TimeSpan.FromMinutes(10));
        // balanced load 6555.18 W × 1/6 h = 1092.5 Wh, all in T1; tolerance 0.02 % + 1 Wh (see DayOnKnownLoadTests).
        Assert.InRange(T(m, 0) - t1, 1092.53 * 0.9998 - 1, 1092.53 * 1.0002 + 1);
        Assert.Equal(t2, T(m, 1));

        m.Tariffs.CommandTariff(1);
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, m.ActiveTariff);

        // DD 13: pulse in / 2-tariff on I/O 2; energized selects T2, de-energized T1 (the board's pins, both de-energised).
        m.Tariffs.UseInputs(13);
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(0, m.ActiveTariff);
        host.SetTariffInputs(false, true);
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, m.ActiveTariff);
    }

    [Fact]
    public void Under_input_control_the_tariff_input_pins_choose_the_registering_tariff_from_the_next_cycle()
    {
        // Wednesday 00:00 local: the timetable would give T2 all night; DD 13 hands the choice to I/O 2.
        using var host = MeterRig.Start();
        var m = host.Meter;
        m.Tariffs.UseInputs(13);
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(0, m.ActiveTariff); // I/O 2 de-energised: T1
        Assert.Equal("(1)", MeterRig.ValueText(m, StandardObjects.ActiveTariff));

        EnergisingIo2RegistersTheNextCyclesInT2(host);

        // I/O 1 is not this code's tariff input: energising it changes nothing; I/O 2 off goes back to T1.
        host.SetTariffInputs(true, true);
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, m.ActiveTariff);
        host.SetTariffInputs(true, false);
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(0, m.ActiveTariff);

        // DD 14 (inverted on I/O 2): the same de-energised level now selects T2.
        m.Tariffs.UseInputs(14);
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, m.ActiveTariff);
    }
}

/// <summary>Register control through the register table (optical port W1 of 0-0:96.14.0).</summary>
public class TariffCommandTests
{
    private static ObisWriteResult Write(ElectricityMeter m, string text)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(text);
        return m.Table.Write(StandardObjects.ActiveTariff, bytes, 0, bytes.Length, grantedLevel: 1, sealOpen: false);
    }

    [Fact]
    public void Tariff_indicator_reads_the_active_tariff_and_takes_commands_only_under_register_control()
    {
        using var host = MeterRig.Start(); // Wednesday 00:00 local: timetable T2
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal("(2)", MeterRig.ValueText(m, StandardObjects.ActiveTariff));
        Assert.Equal(ObisWriteResult.Rejected, Write(m, "1")); // timetable control: no commands
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, m.ActiveTariff);

        m.Tariffs.UseRegisterControl(1);
        Assert.Equal(ObisWriteResult.Accepted, Write(m, "1"));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(0, m.ActiveTariff);
        Assert.Equal("(1)", MeterRig.ValueText(m, StandardObjects.ActiveTariff));

        Assert.Equal(ObisWriteResult.OutOfRange, Write(m, "3")); // the preset meter has 2 tariff registers
        Assert.Equal(ObisWriteResult.OutOfRange, Write(m, "9")); // beyond T8
        Assert.Equal(ObisWriteResult.OutOfRange, Write(m, "0"));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(0, m.ActiveTariff); // refused commands change nothing
    }
}
