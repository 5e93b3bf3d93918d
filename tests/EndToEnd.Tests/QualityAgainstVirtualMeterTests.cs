using System.Globalization;

namespace EndToEnd.Tests;

/// <summary>
/// MeterTool <c>quality</c> against the virtual meter's own analysis logger (P.02) and weekly objects: the
/// two sides of the P.02 contract, built apart, meet here.
/// </summary>
[Collection("console")]
public class QualityAgainstVirtualMeterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "quality-e2e-" + Guid.NewGuid().ToString("N"));

    public QualityAgainstVirtualMeterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Quality_reads_the_10_min_values_of_a_meter_fed_harmonics()
    {
        // --load harmonics: 230 V with a 3rd of 6.9 V and a 5th of 4.6 V on every phase: THD = √(6.9² + 4.6²) / 230
        // = 8.293 / 230 = 3.606 %, 50 Hz, a balanced set (u2 0). Started on a Monday 00:00 UTC, run 40 min of virtual time.
        var start = new DateTime(2025, 5, 12, 0, 0, 0, DateTimeKind.Utc);
        using var meter = new MeterUnderTest(load: "harmonics", speed: 0, start: start);
        long end = new DateTimeOffset(start.AddMinutes(40)).ToUnixTimeSeconds();
        meter.WaitUntil(h => h.Meter.UtcSeconds >= end, "40 min of virtual time");
        string csv = Path.Combine(_dir, "week.csv"), png = Path.Combine(_dir, "week.png");
        var (code, output, error) = meter.Tool("quality", "--password", MeterUnderTest.Password, "--csv", csv, "--png", png);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        string[] lines = File.ReadAllLines(csv);
        Assert.Equal("time,status,32.7.0,52.7.0,72.7.0,14.7.0,32.7.124,52.7.124,72.7.124,12.7.128,note", lines[0]);
        // Local time CEST (UTC+2): the first complete 10-min values end at 02:10, 02:20, 02:30 local (the first after
        // power-up is marked incomplete, status 05 = power failure | incomplete, and may start late).
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.True(rows.Count >= 3, string.Join("\n", lines));
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal("08", row[1]); // summer time (IntervalStatus.DaylightSaving), as P.01 marks it
            for (int phase = 0; phase < 3; phase++)
            {
                Assert.InRange(Number(row[2 + phase]), 229.8, 230.2);
                Assert.InRange(Number(row[6 + phase]), 3.55, 3.66);
            }
            Assert.InRange(Number(row[5]), 49.99, 50.01);
            Assert.InRange(Number(row[9]), 0, 0.05);
        }
        Assert.True(output.Contains("│ pass") && !output.Contains("fail"), output); // every criterion, on the host and in the meter's week
        Assert.True(new FileInfo(png).Length > 10_000);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
