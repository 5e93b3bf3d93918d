namespace EndToEnd.Tests;

/// <summary>
/// MeterTool --address against the virtual meter: "/?address!" with this meter's address (the
/// meter number 12345678 until 0-0:128.5.0 is written; leading zeros not significant) is
/// answered, another meter's is not (IEC 62056-21 §6.3.1), "/?!" always is. Before, the meter
/// had no address and never answered an addressed sign-on.
/// </summary>
[Collection("console")]
public class DeviceAddressAgainstVirtualMeterTests
{
    [Fact]
    public void Addressed_sign_on_is_answered_only_with_this_meters_address()
    {
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("readout", "--csv", "--address", "12345678");
        Assert.True(code == 0, error + output);
        Assert.Contains("0-0:96.1.0,12345678", output); // the table goes to the terminal, the CSV to the captured output
        (code, output, error) = meter.Tool("readout", "--csv", "--address", "0012345678");
        Assert.True(code == 0, error + output);
        (code, output, error) = meter.Tool("readout", "--csv", "--address", "87654321");
        Assert.NotEqual(0, code);
        // No answer to the sign-on (the message is wrapped to the console's width).
        Assert.Contains("no meter with device address '87654321' answered", string.Join(' ', (error + output).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

        // Written with W1, the new address answers and the meter number no longer does.
        (code, output, error) = meter.Tool("write", "0-0:128.5.0", "Flat7", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        (code, output, error) = meter.Tool("read", "0-0:128.5.0", "--address", "Flat7", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("Flat7", output);
        (code, _, _) = meter.Tool("readout", "--csv", "--address", "12345678");
        Assert.NotEqual(0, code);
        (code, output, error) = meter.Tool("readout", "--csv");
        Assert.True(code == 0, error + output);
        // A bad address is refused with its code: '-' is no address character (ER10), 11 characters too long (ER11).
        (code, output, error) = meter.Tool("write", "0-0:128.5.0", "12-34", "--password", MeterUnderTest.Password);
        Assert.Contains("ER10", error + output);
        (code, output, error) = meter.Tool("write", "0-0:128.5.0", "12345678901", "--password", MeterUnderTest.Password);
        Assert.Contains("ER11", error + output);
    }
}
