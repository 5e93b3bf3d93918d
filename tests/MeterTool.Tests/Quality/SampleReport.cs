using Meter.Tool.Cli;
using Meter.Tool.Output;
using Meter.OpticalClient.Protocol;
using Meter.Tool.Quality;
using MeterTool.Tests.Support;
using Spectre.Console;

namespace MeterTool.Tests.Quality;

/// <summary>
/// Regenerates the README's sample report from <see cref="SyntheticWeek"/>: with METERTOOL_WRITE_DOCS=1,
/// `dotnet test tests/MeterTool.Tests --filter FullyQualifiedName~SampleReport` writes docs/quality-report.png and
/// docs/quality-report.txt (the tables) in the repository; without it the same is drawn to a temporary folder.
/// </summary>
public class SampleReport
{
    [Fact]
    public void Sample_report_of_the_synthetic_week()
    {
        bool write = Environment.GetEnvironmentVariable("METERTOOL_WRITE_DOCS") == "1";
        string dir = write ? Path.Combine(RepositoryRoot(), "docs") : Directory.CreateTempSubdirectory("quality-").FullName;
        var log = AnalysisLog.Parse(DataBlockParser.Parse(SyntheticWeek.Answer()));
        var results = En50160Check.Evaluate(log, 230m);
        QualityReportChart.SavePng(log, results, 230m, Path.Combine(dir, "quality-report.png"));
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 110;
        console.Write(QualityCommand.CriteriaTable(log, results));
        console.Write(QualityCommand.ChannelTable(ChannelSummary.Of(log)));
        File.WriteAllText(Path.Combine(dir, "quality-report.txt"), text.ToString());
        // The synthetic week fails exactly where it was made to: L1 above 253 V on Saturday.
        Assert.Equal(["voltage L1 +10/−15 %"], results.Where(r => r.Verdict == WeekVerdict.Fail).Select(r => r.Criterion));
        if (!write) Directory.Delete(dir, recursive: true);
    }

    private static string RepositoryRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d != null && !File.Exists(Path.Combine(d.FullName, "MeterFirmware.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("MeterFirmware.sln not found above " + AppContext.BaseDirectory);
    }
}
