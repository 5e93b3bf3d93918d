using Meter.OpticalClient.Protocol;
using MeterTool.Tests.Support;
using static MeterTool.Tests.Support.ScriptedMeter;

namespace MeterTool.Tests;

/// <summary>`events` over TCP against a scripted meter: the P.98 request with the range, CSV out, and the errors it names.</summary>
[Collection("console")]
public class EventsCommandTests
{
    private static ScriptedMeter LoggedIn() => new ScriptedMeter()
        .On(A("/?!\r\n"), A("/KAM5351B\r\n"))
        .On(Frames.OptionSelect(9600, true), Cat([0x01], A("P0"), [0x02], A("()"), [0x03, 0x60]))
        .On(Frames.Command("P1", "(12345678)"), [0x06]);

    private static (int Code, string Out, string Err) Run(ScriptedMeter script, params string[] args)
    {
        using var meter = new TcpScriptedMeter(script);
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            int code = Meter.Tool.Program.Main([.. args, "--password", "12345678", "--tcp", $"127.0.0.1:{meter.Port}"]);
            Assert.Null(meter.Failure);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void Events_sends_the_range_and_prints_csv()
    {
        var script = LoggedIn()
            .On(Frames.Command("R1", "P.98(2501150000;250115000009)"),
                DataMessage("P.98(0250115000005)(00)()(5)(time)()(kind)()(detail)()(old)()(new)()\r\n(0250115000005)(7)(1)(0)(1)\r\n(0250115000008)(7)(129)(1736895605)(1736895608)\r\n"))
            .On(Frames.Break(), []);
        var (code, output, err) = Run(script, "events", "--from", "2025-01-15 00:00", "--to", "2025-01-15 00:00:09", "--csv");
        Assert.True(code == 0, err);
        Assert.Equal("time,summer,kind,event,detail,description,old,new\n"
            + "2025-01-15 00:00:05,0,7,tamper,1,magnetic field started,0,1\n"
            + "2025-01-15 00:00:08,0,7,tamper,129,magnetic field ended,1736895605,1736895608\n", output);
        Assert.True(script.Finished);
    }

    [Fact]
    public void A_meter_error_is_named_with_exit_code_2()
    {
        var script = LoggedIn()
            .On(Frames.Command("R1", "P.98(;)"), DataMessage("(ER05)"))
            .On(Frames.Break(), []);
        var (code, _, err) = Run(script, "events");
        Assert.Equal(2, code);
        Assert.Contains("ER05", err);
    }

    [Fact]
    public void A_malformed_answer_names_the_event_log_and_the_line()
    {
        var script = LoggedIn()
            .On(Frames.Command("R1", "P.98(;)"), DataMessage("P.98(0250115000005)(00)()(5)(time)()(kind)()(detail)()(old)()(new)()\r\n(0250115000005)(7)(x)(0)(1)\r\n"))
            .On(Frames.Break(), []);
        var (code, _, err) = Run(script, "events");
        Assert.Equal(2, code);
        string message = System.Text.RegularExpressions.Regex.Replace(err, @"\s+", " "); // the console wraps long lines
        Assert.Contains("event log (P.98): logbook: event line (0250115000005)(7)(x)(0)(1): detail \"x\" is not a number 0..255", message);
    }

    [Theory]
    [InlineData("--from", "yesterday", "--from \"yesterday\" is not \"yyyy-MM-dd HH:mm[:ss]\"")]
    [InlineData("--csv", "--json", "choose --csv or --json")]
    public void Bad_arguments_exit_1_before_connecting(string option, string value, string why)
    {
        var (oldErr, e) = (Console.Error, new StringWriter());
        Console.SetError(e);
        int code;
        try
        {
            code = Meter.Tool.Program.Main(option == "--csv" ? ["events", "--csv", "--json", "--tcp", "127.0.0.1:1"] : ["events", option, value, "--tcp", "127.0.0.1:1"]);
        }
        finally
        {
            Console.SetError(oldErr);
        }
        Assert.Equal(1, code);
        Assert.Contains(why, e.ToString());
    }
}
