using Meter.VirtualMeter;

namespace EndToEnd.Tests;

/// <summary>The progress line of a long --duration run: percent done, simulated date, wall time left at the pace so far.</summary>
public class RunProgressTests
{
    [Fact]
    public void Half_done_after_a_wall_time_leaves_about_the_same_again()
    {
        var progress = new RunProgress(TimeSpan.FromDays(365));
        Thread.Sleep(1200);
        string line = progress.Line(TimeSpan.FromDays(182.5), new DateTime(2025, 7, 2, 12, 0, 0, DateTimeKind.Utc));
        Assert.Matches(@"^progress 50\.0 % · simulated 2025-07-02 12:00Z · [1-9] s left$", line);
    }

    [Fact]
    public void Nothing_done_yet_says_the_time_left_is_not_known()
    {
        var progress = new RunProgress(TimeSpan.FromDays(1));
        Assert.Equal("progress 0.0 % · simulated 2025-01-01 00:00Z · time left unknown yet",
            progress.Line(TimeSpan.Zero, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
