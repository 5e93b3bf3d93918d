using System.Text.Json;
using Meter.Tool.Output;
using Meter.OpticalClient.Protocol;
using static MeterTool.Tests.Support.ScriptedMeter;

namespace MeterTool.Tests;

/// <summary>`readout --json` document shape.</summary>
public class JsonOutputTests
{
    [Fact]
    public void Readout_json_carries_identification_and_every_value()
    {
        var id = Identification.Parse(A("/KAM5351B\r\n"));
        var readout = new Readout(id, 9600, DataBlockParser.Parse("1.8.0(000123.456*kWh)\r\n1.8.0*12(000100.000*kWh)\r\n1.6.0(12.345*kW)(24-05-01 10:15)\r\n"), []);
        using var doc = JsonDocument.Parse(Json.Readout(readout));
        var root = doc.RootElement;
        Assert.Equal("KAM", root.GetProperty("manufacturer").GetString());
        Assert.Equal("C", root.GetProperty("mode").GetString());
        Assert.Equal(9600, root.GetProperty("baud").GetInt32());
        var sets = root.GetProperty("dataSets");
        Assert.Equal(3, sets.GetArrayLength());
        Assert.Equal("kWh", sets[0].GetProperty("values")[0].GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Null, sets[0].GetProperty("billingPeriod").ValueKind);
        Assert.Equal(12, sets[1].GetProperty("billingPeriod").GetInt32());
        Assert.Equal("24-05-01 10:15", sets[2].GetProperty("values")[1].GetProperty("value").GetString());
    }
}
