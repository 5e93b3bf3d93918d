using Meter.Tool.Output;
using Meter.Tool.Profile;
using Meter.OpticalClient.Protocol;

namespace MeterTool.Tests;

/// <summary>Load profile (VDEW "P.01" format), billing log, CSV and chart output.</summary>
public class ProfileTests
{
    private const string Answer =
        "P.01(02401010015)(00)(15)(2)(1.5)(kW)(2.5)(kW)\r\n(0.250)(0.000)\r\n(0.500)(0.125)\r\n"
        + "P.01(02401010100)(08)(15)(2)(1.5)(kW)(2.5)(kW)\r\n(1.000)(0.000)\r\n";

    [Fact]
    public void Profile_entries_are_time_stamped_from_each_block_header()
    {
        var profile = ProfileReadout.Parse(DataBlockParser.Parse(Answer));
        Assert.Equal(new[] { "1.5", "2.5" }, profile.ChannelCodes);
        Assert.Equal(15, profile.PeriodMinutes);
        // Block 1 starts 2024-01-01 00:15; second entry 15 min later; block 2 restarts at 01:00 after a gap.
        Assert.Equal(new[] { new DateTime(2024, 1, 1, 0, 15, 0), new DateTime(2024, 1, 1, 0, 30, 0), new DateTime(2024, 1, 1, 1, 0, 0) },
            profile.Entries.Select(e => e.End));
        Assert.Equal("08", profile.Entries[2].Status);
        Assert.Equal(0.125m, profile.Entries[1].Values[1]);
    }

    [Fact]
    public void Entries_after_a_change_of_integration_period_are_stamped_with_their_own_headers_period()
    {
        // As the meter answers a 15 → 30 change at 00:37: two 15-min entries, the short closing one
        // (status 04, own header), the short first 30-min one to 01:00, then 01:30 one period on.
        const string text = "P.01(02401010015)(00)(15)(1)(1.8.0)(kWh)\r\n(0.250)\r\n(0.250)\r\n"
            + "P.01(02401010037)(04)(15)(1)(1.8.0)(kWh)\r\n(0.117)\r\n"
            + "P.01(02401010100)(04)(30)(1)(1.8.0)(kWh)\r\n(0.383)\r\n"
            + "P.01(02401010130)(00)(30)(1)(1.8.0)(kWh)\r\n(0.500)\r\n(0.500)\r\n";
        var profile = ProfileReadout.Parse(DataBlockParser.Parse(text));
        var t0 = new DateTime(2024, 1, 1);
        // 00:15 + 15 = 00:30; 01:30 + 30 = 02:00 (a 15-min step would give 01:45).
        Assert.Equal(new[] { 15, 30, 37, 60, 90, 120 }.Select(m => t0.AddMinutes(m)), profile.Entries.Select(e => e.End));
        Assert.Equal(new[] { 15, 15, 15, 30, 30, 30 }, profile.Entries.Select(e => e.PeriodMinutes));
        Assert.Equal(30, profile.PeriodMinutes);
        Assert.Equal("15/30", profile.Periods);
    }

    [Fact]
    public void Profile_csv_has_one_line_per_interval()
    {
        string csv = Csv.Profile(ProfileReadout.Parse(DataBlockParser.Parse(Answer)));
        Assert.Equal(
            "time,status,1.5 (kW),2.5 (kW),note\n2024-01-01 00:15,00,0.250,0.000,\n2024-01-01 00:30,00,0.500,0.125,\n2024-01-01 01:00,08,1.000,0.000,\n",
            csv);
    }

    // The meter answers in record order: 10:00–10:30, then the clock is set back to 10:00 during the
    // next interval (status 02, ending 10:15 again), then 10:30 again and 09:45 (set back once more, no flag).
    private const string ClockSetBack =
        "P.01(02401011000)(00)(15)(1)(1.8.0)(kWh)\r\n(0.100)\r\n(0.200)\r\n(0.300)\r\n"
        + "P.01(02401011015)(02)(15)(1)(1.8.0)(kWh)\r\n(0.050)\r\n"
        + "P.01(02401011030)(00)(15)(1)(1.8.0)(kWh)\r\n(0.250)\r\n"
        + "P.01(02401010945)(00)(15)(1)(1.8.0)(kWh)\r\n(0.400)\r\n";

    [Fact]
    public void After_the_clock_was_set_back_the_csv_is_in_time_order_and_marks_the_clock_changes()
    {
        string csv = Csv.Profile(ProfileReadout.Parse(DataBlockParser.Parse(ClockSetBack)));
        Assert.Equal("time,status,1.8.0 (kWh),note\n"
            + "2024-01-01 09:45,00,0.400,clock set\n"     // recorded after 10:30: the clock went back
            + "2024-01-01 10:00,00,0.100,\n"
            + "2024-01-01 10:15,00,0.200,\n"
            + "2024-01-01 10:15,02,0.050,clock set\n"     // the meter's clock-set flag; same time kept in record order
            + "2024-01-01 10:30,00,0.300,\n"
            + "2024-01-01 10:30,00,0.250,\n", csv);
    }

    [Fact]
    public void The_chart_runs_forward_in_time_marks_each_clock_change_and_keeps_the_legend_outside_the_data()
    {
        var plot = ProfileChart.Build(ProfileReadout.Parse(DataBlockParser.Parse(ClockSetBack)));
        // One line for each stretch of record order (the clock went back twice: three), each forward in time: no zigzag.
        var lines = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            var xs = line.Data.GetScatterPoints().Select(p => p.X).ToArray();
            Assert.Equal(xs.OrderBy(x => x), xs);
        }
        Assert.Equal(6, lines.Sum(l => l.Data.GetScatterPoints().Count));
        Assert.Single(lines, l => !string.IsNullOrEmpty(l.LegendText)); // one legend entry a channel
        var marks = plot.GetPlottables().OfType<ScottPlot.Plottables.VerticalLine>().Select(v => DateTime.FromOADate(v.X)).ToArray();
        Assert.Equal(new[] { new DateTime(2024, 1, 1, 9, 45, 0), new DateTime(2024, 1, 1, 10, 15, 0) }, marks);
        Assert.Contains(plot.Legend.GetItems(), i => i.LabelText == ProfileChart.ClockChangeLabel);
        // The legend is a panel beside the data area, not drawn over the curves.
        Assert.False(plot.Legend.IsVisible);
        Assert.Contains(plot.Axes.GetPanels(), p => p is ScottPlot.Panels.LegendPanel);
    }

    [Fact]
    public void A_channel_added_at_the_end_widens_the_table_and_earlier_intervals_have_an_empty_cell()
    {
        // As the meter answers when the pulse-input channel (0-1:24.2.1, issue 19) switches on at 00:30: a 5-channel header.
        const string text = "P.01(02401010015)(00)(15)(4)(1.8.0)(kWh)(2.8.0)(kWh)(3.8.0)(kvarh)(4.8.0)(kvarh)\r\n(0.250)(0.000)(0.010)(0.000)\r\n"
            + "P.01(02401010030)(00)(15)(5)(1.8.0)(kWh)(2.8.0)(kWh)(3.8.0)(kvarh)(4.8.0)(kvarh)(0-1:24.2.1)(m3)\r\n(0.250)(0.000)(0.010)(0.000)(7.500)\r\n";
        var profile = ProfileReadout.Parse(DataBlockParser.Parse(text));
        Assert.Equal(new[] { "1.8.0", "2.8.0", "3.8.0", "4.8.0", "0-1:24.2.1" }, profile.ChannelCodes);
        Assert.Equal("m3", profile.ChannelUnits[4]);
        Assert.Equal(new[] { 4, 5 }, profile.Entries.Select(e => e.Values.Count));
        string[] csv = Csv.Profile(profile).Split('\n');
        Assert.Equal("time,status,1.8.0 (kWh),2.8.0 (kWh),3.8.0 (kvarh),4.8.0 (kvarh),0-1:24.2.1 (m3),note", csv[0]);
        Assert.Equal("2024-01-01 00:15,00,0.250,0.000,0.010,0.000,,", csv[1]);
        Assert.Equal("2024-01-01 00:30,00,0.250,0.000,0.010,0.000,7.500,", csv[2]);
        var plot = ProfileChart.Build(profile);
        Assert.Contains(plot.Legend.GetItems(), i => i.LabelText == "0-1:24.2.1 (m3)");
    }

    [Theory]
    [InlineData("(0.1)\r\n", "before any header")]
    [InlineData("P.01(02401010015)(00)(15)(2)(1.5)(kW)\r\n", "does not match")]
    [InlineData("P.01(02401010015)(00)(15)(1)(1.5)(kW)\r\n(0.1)(0.2)\r\n", "announces 1")]
    [InlineData("P.01(02413010015)(00)(15)(1)(1.5)(kW)\r\n", "not Zyymmddhhmm")]
    [InlineData("P.01(02401010015)(00)(15)(1)(1.8.0)(kWh)\r\n(0.1)\r\nP.01(02401010030)(00)(15)(1)(2.8.0)(kWh)\r\n(0.1)\r\n", "channels change")]
    public void Malformed_profiles_are_refused(string text, string why)
    {
        var e = Assert.Throws<FormatException>(() => ProfileReadout.Parse(DataBlockParser.Parse(text)));
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void Request_range_is_yymmddhhmm_pair()
    {
        Assert.Equal("2401010000;2401312345", ProfileReadout.RequestRange(new DateTime(2024, 1, 1), new DateTime(2024, 1, 31, 23, 45, 0)));
        Assert.Equal(";", ProfileReadout.RequestRange(null, null));
    }

    [Fact]
    public void Billing_log_groups_the_VZ_values_by_period()
    {
        var sets = DataBlockParser.Parse("1.8.0(000123.456*kWh)\r\n1.8.0*02(000100.000*kWh)\r\n2.8.0*02(000001.000*kWh)\r\n1.8.0&01(000050.000*kWh)\r\n!\r\n");
        var log = BillingLog.FromDataSets(sets);
        Assert.Equal(new[] { "1.8.0", "2.8.0" }, log.Addresses);
        Assert.Equal("period,1.8.0,2.8.0\n2,000100.000*kWh,000001.000*kWh\n1,000050.000*kWh,\n", Csv.Billing(log));
    }

    [Fact]
    public void Chart_file_is_a_png()
    {
        var profile = ProfileReadout.Parse(DataBlockParser.Parse(Answer));
        string path = Path.Combine(Path.GetTempPath(), $"metertool-{Guid.NewGuid():N}.png");
        try
        {
            ProfileChart.SavePng(profile, path, 400, 200);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]); // PNG signature
        }
        finally
        {
            File.Delete(path);
        }
    }
}
