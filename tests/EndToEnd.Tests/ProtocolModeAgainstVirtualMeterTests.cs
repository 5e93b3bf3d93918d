using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// MeterTool --mode against the virtual meter (a mode C meter): A reads it at 300 Bd without an
/// option select (the meter sends the readout once tt has passed, IEC 62056-21 §6.3.14 V), C
/// acknowledges and switches, B is refused naming the meter's mode (only a mode B meter switches
/// without acknowledgement), a bad value is a usage error. Before, there was no --mode.
/// </summary>
[Collection("console")]
public class ProtocolModeAgainstVirtualMeterTests
{
    [Fact]
    public void Modes_A_and_C_read_the_meter_and_mode_B_is_refused()
    {
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("readout", "--json", "--mode", "A");
        Assert.True(code == 0, error + output);
        using (var json = JsonDocument.Parse(output)) Assert.Equal(300, json.RootElement.GetProperty("baud").GetInt32());
        (code, output, error) = meter.Tool("readout", "--json", "--mode", "C", "--baud-max", "4800");
        Assert.True(code == 0, error + output);
        using (var json = JsonDocument.Parse(output)) Assert.Equal(4800, json.RootElement.GetProperty("baud").GetInt32());
        (code, output, error) = meter.Tool("readout", "--json", "--mode", "B");
        Assert.Equal(2, code);
        Assert.Contains("identifies as mode C", error + output);
        (code, output, error) = meter.Tool("readout", "--mode", "D");
        Assert.Equal(1, code);
        Assert.Contains("--mode D: must be A, B or C", error + output);
        (code, output, error) = meter.Tool("read", "1.8.0", "--mode", "A", "--password", MeterUnderTest.Password);
        Assert.NotEqual(0, code);
        Assert.Contains("programming needs mode C", error + output);
        // The port is idle afterwards: a normal readout works.
        (code, output, error) = meter.Tool("readout", "--csv");
        Assert.True(code == 0, error + output);
    }
}
