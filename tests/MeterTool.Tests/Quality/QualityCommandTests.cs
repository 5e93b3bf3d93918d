using Meter.Tool.Cli;
using Meter.OpticalClient.Protocol;
using MeterTool.Tests.Support;
using static MeterTool.Tests.Support.ScriptedMeter;

namespace MeterTool.Tests.Quality;

/// <summary>`quality` over TCP against a scripted meter answering P.02 (hand-written, the shared contract) and the weekly objects.</summary>
[Collection("console")]
public class QualityCommandTests
{
    // 3 intervals: two plain, the third flagged (status 80, its own header); L1 at 206.0 V in the second is below Un − 10 %.
    private const string Answer =
        "P.02(02611300010)(00)(10)(4)(32.7.0)(V)(14.7.0)(Hz)(32.7.124)(%)(12.7.128)(%)\r\n(230.4)(50.01)(2.15)(0.42)\r\n(206.0)(49.98)(3.40)(0.55)\r\n"
        + "P.02(02611300030)(80)(10)(4)(32.7.0)(V)(14.7.0)(Hz)(32.7.124)(%)(12.7.128)(%)\r\n(150.2)(50.00)(9.10)(2.50)\r\n";
    private const string Range = "2611300000;2611300030";

    private static ScriptedMeter LoggedIn() => new ScriptedMeter()
        .On(A("/?!\r\n"), A("/KAM5351B\r\n"))
        .On(Frames.OptionSelect(9600, true), Cat([0x01], A("P0"), [0x02], A("()"), [0x03, 0x60]))
        .On(Frames.Command("P1", "(12345678)"), [0x06]);

    // The weekly objects as the meter answers them: short addresses, hex results, an empty previous week.
    private static ScriptedMeter Weeks(ScriptedMeter script) => script
        .On(Frames.Command("R1", "1-0:12.128.1()"), DataMessage("12.128.1()\r\n"))
        .On(Frames.Command("R1", "1-0:12.128.0()"), DataMessage("12.128.0(0156)\r\n"))
        .On(Frames.Command("R1", "1-0:12.128.2()"), DataMessage("12.128.2(3)\r\n"))
        .On(Frames.Command("R1", "1-0:12.128.3()"), DataMessage("12.128.3(1)\r\n"));

    private static (int Code, string Out, string Err) Run(ScriptedMeter script, params string[] args)
    {
        using var meter = new TcpScriptedMeter(script);
        var (code, output, err) = ToolRun.Capture([.. args, "--password", "12345678", "--tcp", $"127.0.0.1:{meter.Port}"]);
        Assert.Null(meter.Failure);
        // The error line is wrapped at the console's width: one space for each break.
        return (code, output, System.Text.RegularExpressions.Regex.Replace(err, @"\s+", " "));
    }

    [Fact]
    public void Quality_reads_p02_and_the_weeks_prints_the_tables_and_writes_csv_and_png()
    {
        var script = Weeks(LoggedIn().On(Frames.Command("R1", $"P.02({Range})"), DataMessage(Answer))).On(Frames.Break(), []);
        string dir = Directory.CreateTempSubdirectory("quality-").FullName;
        try
        {
            string csv = Path.Combine(dir, "q.csv"), png = Path.Combine(dir, "q.png");
            var (code, output, err) = Run(script, "quality", "--from", "2026-11-30 00:00", "--to", "2026-11-30 00:30", "--csv", csv, "--png", png);
            Assert.True(code == 0, err);
            Assert.True(script.Finished, output);
            Assert.Equal("time,status,32.7.0,14.7.0,32.7.124,12.7.128,note\n"
                + "2026-11-30 00:10,00,230.4,50.01,2.15,0.42,\n"
                + "2026-11-30 00:20,00,206.0,49.98,3.40,0.55,\n"
                + "2026-11-30 00:30,80,150.2,50.00,9.10,2.50,flagged\n", File.ReadAllText(csv));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png)[..4]);
            // The flagged interval is left out: L1 1 of 2 within ±10 % = 50 % (fail), THD and u2 2 of 2 (pass).
            Assert.Contains("EN 50160 over 3 10-min values 2026-11-30 00:10 … 2026-11-30 00:30 (1 flagged, left out)",
                System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ")); // the title wraps at 80 columns
            Assert.Matches(@"voltage L1 ±10 %\s*│ 207\.0 … 253\.0 V\s*│ 95 %\s*│ 1/2\s*│ 50\.0 %\s*│ fail", output);
            Assert.Matches(@"THD L1\s*│ ≤ 8\.0 %\s*│ 95 %\s*│ 2/2\s*│ 100\.0 %\s*│ pass", output);
            Assert.Matches(@"unbalance u2\s*│ ≤ 2\.0 %\s*│ 95 %\s*│ 2/2\s*│ 100\.0 %\s*│ pass", output);
            // min / mean / max of the unflagged values: (230.4 + 206.0) / 2 = 218.2.
            Assert.Matches(@"32\.7\.0\s*│ voltage L1\s*│ V\s*│ 206\.0\s*│ 218\.2\d*\s*│ 230\.4", output);
            // The meter's weeks: 0156 = voltage fail, frequency/THD/harmonics/unbalance pass; no previous week yet.
            Assert.Matches(@"last finished week\s*│ –\s*│ –\s*│ –\s*│ –\s*│ –\s*│ no result", output);
            Assert.Matches(@"current week \(3 values, 1 flagged\)\s*│ fail\s*│ pass\s*│ pass\s*│ pass\s*│ pass\s*│ fail", output);
            Assert.Contains($"→ {csv}", output);
            Assert.Contains($"report → {png}", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("ER05")]
    [InlineData("ER13")]
    public void A_meter_without_the_logger_is_named(string error)
    {
        var script = LoggedIn().On(Frames.Command("R1", "P.02(;)"), DataMessage($"({error})")).On(Frames.Break(), []);
        var (code, _, err) = Run(script, "quality");
        Assert.Equal(CommandRunner.ProtocolFailure, code);
        Assert.Contains(QualityCommand.NoLogger, err);
        Assert.Contains($"({error})", err);
    }

    [Fact]
    public void A_refused_request_says_so_with_the_meter_error()
    {
        var script = LoggedIn().On(Frames.Command("R1", "P.02(;)"), DataMessage("(ER07)")).On(Frames.Break(), []);
        var (code, _, err) = Run(script, "quality");
        Assert.Equal(CommandRunner.ProtocolFailure, code);
        Assert.Contains("the meter refused the analysis logger request P.02(;)", err);
        Assert.Contains("password level too low", err);
    }

    [Fact]
    public void An_empty_range_is_an_error_after_the_weeks_are_shown()
    {
        var script = Weeks(LoggedIn().On(Frames.Command("R1", $"P.02({Range})"), DataMessage("P.02(07001010000)(00)(10)(1)(32.7.0)(V)\r\n"))).On(Frames.Break(), []);
        var (code, output, err) = Run(script, "quality", "--from", "2026-11-30 00:00", "--to", "2026-11-30 00:30", "--csv", "never.csv");
        Assert.Equal(CommandRunner.BadArguments, code);
        Assert.Contains("no 10-min values in the range 2026-11-30 00:00 … 2026-11-30 00:30", err);
        Assert.Contains("current week (3 values, 1 flagged)", output);
        Assert.False(File.Exists("never.csv"));
    }

    [Fact]
    public void A_malformed_answer_names_the_logger()
    {
        var script = LoggedIn().On(Frames.Command("R1", "P.02(;)"), DataMessage("P.02(02611300010)(00)(15)(1)(32.7.0)(V)\r\n(230.0)\r\n")).On(Frames.Break(), []);
        var (code, _, err) = Run(script, "quality");
        Assert.Equal(CommandRunner.ProtocolFailure, code);
        Assert.Contains("analysis logger (P.02): analysis logger: a period of 15 min", err);
    }

    [Theory]
    [InlineData("--nominal", "20", "--nominal 20")]
    [InlineData("--from", "2026-13-01", "--from \"2026-13-01\"")]
    public void Bad_options_are_refused_before_connecting(string option, string value, string message)
    {
        var (code, _, err) = ToolRun.Capture("quality", option, value, "--password", "12345678", "--tcp", "127.0.0.1:1");
        Assert.Equal(CommandRunner.BadArguments, code);
        Assert.Contains(message, err);
    }
}
