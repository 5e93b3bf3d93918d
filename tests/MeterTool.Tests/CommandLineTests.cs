using Meter.Tool.Cli;

namespace MeterTool.Tests;

/// <summary>Bad arguments: a clear message and a non-zero exit, never a stack trace.</summary>
[Collection("console")]
public class CommandLineTests
{
    private static (int Code, string Error) Run(params string[] args)
    {
        var oldError = Console.Error;
        var oldOut = Console.Out;
        var error = new StringWriter();
        Console.SetError(error);
        Console.SetOut(new StringWriter());
        try
        {
            int code = Meter.Tool.Program.Main(args);
            return (code, error.ToString());
        }
        finally
        {
            Console.SetError(oldError);
            Console.SetOut(oldOut);
        }
    }

    [Theory]
    [InlineData(new[] { "readout" }, "no meter link")]
    [InlineData(new[] { "readout", "--tcp", "localhost" }, "is not HOST:PORT")]
    [InlineData(new[] { "readout", "--tcp", "127.0.0.1:70000" }, "port must be a number 1..65535")]
    [InlineData(new[] { "readout", "--port", "/dev/a", "--tcp", "1.2.3.4:5" }, "not both")]
    [InlineData(new[] { "readout", "--tcp", "127.0.0.1:1", "--baud-max", "1000" }, "--baud-max 1000")]
    [InlineData(new[] { "readout", "--tcp", "127.0.0.1:1", "--address", "a/b" }, "only 0-9, A-Z")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--password", "1", "--integration-period", "99" }, "must be 5, 15, 30 or 60")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--password", "1", "--integration-period", "10" }, "must be 5, 15, 30 or 60")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--password", "1", "--pulse-figure", "100001" }, "must be 1..100000")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1" }, "nothing to configure")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--tariffs", "25:00=1" }, "is not HH:mm=T")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--holidays", "25-02-29" }, "is not MM-DD (every year) or YY-MM-DD")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--holidays", "2025-12-24" }, "is not MM-DD (every year) or YY-MM-DD")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--holidays", "12-24,12-24" }, "listed twice")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--readout-list", "1.8.0;100" }, "number of billing periods, 0..99")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--readout-list", "," }, "a readout list needs at least one OBIS code")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--tariff-control", "inputs:05" }, "DD code 05 has no tariff input")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--tariff-control", "inputs:15" }, "DD code 15 has no tariff input")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--tariff-control", "inputs:" }, "has no tariff input")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--tariff-control", "inputs:013" }, "has no tariff input")]
    [InlineData(new[] { "configure", "--tcp", "127.0.0.1:1", "--tariff-control", "clock" }, "give timetable, inputs:DD")]
    [InlineData(new[] { "set-clock", "--tcp", "127.0.0.1:1", "--time", "yesterday" }, "is not \"yyyy-MM-dd HH:mm:ss\"")]
    [InlineData(new[] { "calibrate", "--tcp", "127.0.0.1:1", "--voltage", "230" }, "--current")]
    [InlineData(new[] { "calibrate", "--tcp", "127.0.0.1:1", "--voltage", "230", "--current", "5", "--pf", "0.5" }, "gain step needs the rig at PF = 1")]
    [InlineData(new[] { "write", "--tcp", "127.0.0.1:1", "0.8.0", "1(5" }, "none of ( ) * / !")]
    // The password is checked before connecting (here: nobody listens on port 1) and the message quotes it.
    [InlineData(new[] { "write", "--tcp", "127.0.0.1:1", "0.8.0", "1", "--password", "ab(c" }, "--password \"ab(c\": '(' cannot be in a password")]
    [InlineData(new[] { "read", "--tcp", "127.0.0.1:1", "0.8.0", "--password", "" }, "--password \"\": a password has 1..32 characters")]
    [InlineData(new[] { "read", "--tcp", "127.0.0.1:1", "0.8.0", "--password", "123456789012345678901234567890123" }, "is 33 characters long; a password has 1..32")]
    public void Bad_arguments_exit_1_with_a_message(string[] args, string message)
    {
        var (code, error) = Run(args);
        Assert.Equal(CommandRunner.BadArguments, code);
        Assert.Contains(message, error.Replace("\n", " ").Replace("  ", " "));
        Assert.DoesNotContain("   at ", error); // no stack trace
    }

    [Fact]
    public void No_arguments_print_the_usage_and_exit_1()
    {
        var (code, error) = Run();
        Assert.Equal(CommandRunner.BadArguments, code);
        Assert.Contains("Usage:", error);
        Assert.Contains("readout", error);
        Assert.Contains("error: no command given", error);
    }

    [Fact]
    public void A_serial_device_that_does_not_exist_is_named_as_missing_not_as_access_denied()
    {
        if (OperatingSystem.IsWindows()) return; // COM names are not files there
        var (code, error) = Run("readout", "--port", "/dev/nonexistent");
        Assert.Equal(CommandRunner.LinkFailure, code);
        Assert.Contains("--port /dev/nonexistent: no such device", error.Replace("\n", " "));
        Assert.DoesNotContain("denied", error);
    }

    [Fact]
    public void Refused_connection_exits_3()
    {
        var (code, error) = Run("readout", "--tcp", "127.0.0.1:1");
        Assert.Equal(CommandRunner.LinkFailure, code);
        Assert.Contains("cannot connect to 127.0.0.1:1", error);
    }

    [Fact]
    public void Unknown_option_is_a_parse_error_with_non_zero_exit()
    {
        var (code, error) = Run("readout", "--frobnicate");
        Assert.Equal(CommandRunner.BadArguments, code);
        // One line naming the token, not the help page.
        Assert.Equal("error: Unrecognized command or argument '--frobnicate'. (see MeterTool --help)", error.Trim());
    }

    [Fact]
    public void Missing_argument_is_one_line()
    {
        var (code, error) = Run("read", "--tcp", "127.0.0.1:1");
        Assert.Equal(CommandRunner.BadArguments, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'obis'", error);
    }

    [Fact]
    public void List_writes_number_entries_and_end_with_a_terminator()
    {
        var writes = ConfigureCommand.ListWrites("0-0:21.0.1", ["1-0:1.8.0", "1-0:2.8.0"]);
        Assert.Equal(new[] { "01;1-0:1.8.0", "02;1-0:2.8.0", "03;" }, writes.Select(w => w.Value));
        Assert.Equal(new[] { "06:00;1", "22:00;2" }, ConfigureCommand.TariffItems("06:00=1, 22:00=2"));
    }

    [Theory]
    [InlineData("timetable", "000")]
    [InlineData("register", "200")]
    [InlineData("Register", "200")]
    [InlineData("inputs:01", "101")] // 4-tariff
    [InlineData("inputs:2", "102")]  // 4-tariff inverted
    [InlineData("inputs:07", "107")] // 2-tariff on I/O 1 / alarm in
    [InlineData("inputs:13", "113")] // pulse in / 2-tariff on I/O 2
    [InlineData("inputs:14", "114")] // pulse in / 2-tariff inverted
    public void Tariff_control_is_M_times_100_plus_the_DD_code(string text, string value)
    {
        Assert.Equal(value, ConfigureCommand.TariffControlValue(text));
    }

    [Fact]
    public void Tariff_control_takes_exactly_the_DD_codes_whose_tariff_control_is_Module()
    {
        // Kamstrup 351 data sheet, "DD Input/output configuration": "Module" in the tariff-control column for 01, 02, 07..14.
        var accepted = Enumerable.Range(0, 24).Where(dd =>
        {
            try { ConfigureCommand.TariffControlValue("inputs:" + dd.ToString("00")); return true; }
            catch (ArgumentException) { return false; }
        });
        Assert.Equal(new[] { 1, 2, 7, 8, 9, 10, 11, 12, 13, 14 }, accepted);
    }

    [Fact]
    public void Holiday_and_readout_items_are_what_the_meter_parses()
    {
        // 29 February recurs (a leap year has it); one-off dates are YY-MM-DD.
        Assert.Equal(new[] { "12-25", "02-29", "25-04-18" }, ConfigureCommand.HolidayItems("12-25, 02-29,25-04-18"));
        Assert.Empty(ConfigureCommand.HolidayItems("none"));
        var writes = ConfigureCommand.ListWrites("0-0:11.0.0", ConfigureCommand.HolidayItems("none"));
        Assert.Equal(new[] { ("0-0:11.0.0", "01;") }, writes); // the end mark alone empties the table
        // "*" may not stand in a value (IEC 62056-21 §6.3): a billing-period code is sent with "&".
        Assert.Equal(new[] { "0-0:96.1.0", "1.8.0;3", "1.8.0&1" }, ConfigureCommand.ReadoutItems("0-0:96.1.0,1.8.0;3,1.8.0*1"));
    }

    [Fact]
    public void Clock_value_is_YY_MM_DD_hh_mm_ss()
    {
        Assert.Equal("26-11-23 19:05:07", SetClockCommand.Format(new DateTime(2026, 11, 23, 19, 5, 7)));
        Assert.Throws<ArgumentException>(() => SetClockCommand.Format(new DateTime(2100, 1, 1)));
    }
}
