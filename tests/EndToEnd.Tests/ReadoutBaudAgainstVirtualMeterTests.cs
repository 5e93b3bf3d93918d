using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// MeterTool's readout against the virtual meter runs at the highest rate both ends agree on:
/// 19200 Bd (mode C baud character '6') by default, lower when --baud-max caps it. Before, the
/// meter offered 9600 Bd at most and the tool proposed 9600 at most.
/// </summary>
[Collection("console")]
public class ReadoutBaudAgainstVirtualMeterTests
{
    [Theory]
    [InlineData(null, 19200)]
    [InlineData("9600", 9600)]
    [InlineData("2400", 2400)]
    public void Readout_runs_at_the_highest_agreed_rate(string? baudMax, int expected)
    {
        using var meter = new MeterUnderTest();
        string[] args = baudMax == null ? ["readout", "--json"] : ["readout", "--json", "--baud-max", baudMax];
        var (code, output, error) = meter.Tool(args);
        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(expected, json.RootElement.GetProperty("baud").GetInt32());
        // The default readout: 28 data sets, the local time and date among them.
        var addresses = json.RootElement.GetProperty("dataSets").EnumerateArray().Select(d => d.GetProperty("address").GetString()).ToList();
        Assert.Contains("0-0:0.9.1", addresses);
        Assert.Contains("0-0:0.9.2", addresses);
    }
}
