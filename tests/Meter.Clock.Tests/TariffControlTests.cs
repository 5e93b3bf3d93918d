using Meter.Clock;
using static Meter.Clock.Tests.TestTime;

namespace Meter.Clock.Tests;

[Collection(AllocationMeasurement.Collection)]
public class TariffControlTests
{
    private static readonly LocalTimeRule Cet = new(1, SummerTimeTable.Eu);

    // Expected tariff index (0 = T1) for inputs (I/O1, I/O2) = (off,off), (on,off), (off,on), (on,on).
    // Kamstrup 351 data sheet, "DD Input/output configuration", codes whose tariff control is "Module".
    public static TheoryData<int, int[]> DdCodes => new()
    {
        { 1, new[] { 0, 1, 2, 3 } },  // 4-tariff: T = 1 + I/O1 + 2·I/O2
        { 2, new[] { 3, 2, 1, 0 } },  // 4-tariff inverted: both inputs inverted
        { 7, new[] { 0, 1, 0, 1 } },  // 2-tariff on I/O1 / alarm in
        { 8, new[] { 1, 0, 1, 0 } },  // 2-tariff inverted / alarm in
        { 9, new[] { 0, 1, 0, 1 } },  // 2-tariff / alarm in inverted: the tariff is not inverted
        { 10, new[] { 1, 0, 1, 0 } }, // 2-tariff inverted / alarm inverted
        { 11, new[] { 0, 1, 0, 1 } }, // 2-tariff / A+ out
        { 12, new[] { 1, 0, 1, 0 } }, // 2-tariff inverted / A+ out
        { 13, new[] { 0, 0, 1, 1 } }, // pulse in / 2-tariff on I/O2
        { 14, new[] { 1, 1, 0, 0 } }, // pulse in / 2-tariff inverted on I/O2
    };

    [Theory]
    [MemberData(nameof(DdCodes))]
    public void Every_DD_tariff_input_variant_decodes_as_the_table_says(int code, int[] expected)
    {
        Assert.True(TariffInputDecoder.HasTariffInputs(code));
        var c = new TariffController(Cet);
        c.UseInputs(code);
        Assert.Equal(TariffControlMode.ModuleInputs, c.Mode);
        bool[][] levels = { new[] { false, false }, new[] { true, false }, new[] { false, true }, new[] { true, true } };
        for (int i = 0; i < 4; i++)
        {
            c.SetInputs(levels[i][0], levels[i][1]);
            Assert.Equal(expected[i], c.Evaluate(Utc(2025, 1, 1)));
            Assert.Equal(expected[i], c.ActiveTariff);
        }
        Assert.Equal(long.MaxValue, c.NextPossibleChange(Utc(2025, 1, 1)));
    }

    [Theory]
    [InlineData(0)]  // no function
    [InlineData(3)]  // pulse in / alarm in
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(15)]
    [InlineData(18)] // load tariff sync is an output
    [InlineData(22)] // 4-tariff sync load control: tariff control by communication
    [InlineData(23)]
    [InlineData(99)]
    public void Codes_without_a_tariff_input_are_refused(int code)
    {
        Assert.False(TariffInputDecoder.HasTariffInputs(code));
        var c = new TariffController(Cet);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => c.UseInputs(code));
        Assert.Contains("no tariff input", e.Message);
        Assert.Equal(TariffControlMode.Disabled, c.Mode);
    }

    [Fact]
    public void Register_control_follows_commands_and_rejects_them_otherwise()
    {
        var c = new TariffController(Cet);
        Assert.Throws<InvalidOperationException>(() => c.CommandTariff(2));
        c.UseRegisterControl(0);
        Assert.Equal(0, c.Evaluate(Utc(2025, 1, 1)));
        c.CommandTariff(7);
        Assert.Equal(7, c.Evaluate(Utc(2025, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => c.CommandTariff(8));
        Assert.Equal(7, c.Evaluate(Utc(2025, 1, 1)));
    }

    [Fact]
    public void Revision_counts_every_change_a_cached_tariff_cannot_foresee()
    {
        var c = new TariffController(Cet);
        int r = c.Revision;
        c.UseInputs(1);
        Assert.Equal(++r, c.Revision);          // new mode
        c.SetInputs(false, false);
        Assert.Equal(r, c.Revision);            // same levels as before (both off): no change
        c.SetInputs(true, false);
        Assert.Equal(++r, c.Revision);          // I/O 1 energized
        c.SetInputs(true, false);
        Assert.Equal(r, c.Revision);            // polled again, unchanged
        c.UseRegisterControl(2);
        Assert.Equal(++r, c.Revision);
        c.CommandTariff(3);
        Assert.Equal(++r, c.Revision);
        Assert.Throws<ArgumentOutOfRangeException>(() => c.CommandTariff(8));
        Assert.Equal(r, c.Revision);            // refused command: nothing changed
        c.UseTimetable(TariffTimetable.AllYear(new HolidayTable(), new TariffDayProfile(0), new TariffDayProfile(0), new TariffDayProfile(0)));
        Assert.Equal(++r, c.Revision);
        c.Evaluate(Utc(2025, 1, 1));
        Assert.Equal(r, c.Revision);            // evaluating is not a change
        c.Disable();
        Assert.Equal(++r, c.Revision);
    }

    [Fact]
    public void Replacing_the_timetable_keeps_register_control_and_its_command_and_is_used_when_the_timetable_returns()
    {
        var c = new TariffController(Cet);
        c.UseRegisterControl(0);
        c.CommandTariff(3);
        int r = c.Revision;
        var allT2 = TariffTimetable.AllYear(new HolidayTable(), new TariffDayProfile(1), new TariffDayProfile(1), new TariffDayProfile(1));
        c.ReplaceTimetable(allT2);
        Assert.Equal(++r, c.Revision);
        Assert.Equal((TariffControlMode.Register, 3), (c.Mode, c.Evaluate(Utc(2025, 1, 1))));
        Assert.Same(allT2, c.Timetable);
        Assert.Equal(long.MaxValue, c.NextPossibleChange(Utc(2025, 1, 1))); // still event-driven
        c.UseTimetable(c.Timetable);
        Assert.Equal((TariffControlMode.Timetable, 1), (c.Mode, c.Evaluate(Utc(2025, 1, 1))));
        Assert.Throws<ArgumentNullException>(() => c.ReplaceTimetable(null!));
    }

    [Fact]
    public void Disabled_control_registers_everything_in_T1()
    {
        var c = new TariffController(Cet);
        c.UseRegisterControl(5);
        c.Disable();
        Assert.Equal(0, c.Evaluate(Utc(2025, 1, 1)));
        Assert.Equal(TariffControlMode.Disabled, c.Mode);
    }

    [Fact]
    public void Evaluating_a_timetable_allocates_nothing()
    {
        var day = new TariffDayProfile(0).SwitchAt(7, 0, 1).SwitchAt(22, 0, 0);
        var c = new TariffController(Cet);
        c.UseTimetable(TariffTimetable.AllYear(new HolidayTable().AddFixed(1, 1), day, day, new TariffDayProfile(3)));
        c.Evaluate(Utc(2025, 1, 1));
        long before = GC.GetAllocatedBytesForCurrentThread();
        long t = Utc(2025, 1, 1);
        for (int i = 0; i < 1000; i++) { c.Evaluate(t + i * 3600L); c.NextPossibleChange(t + i * 3600L); }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
