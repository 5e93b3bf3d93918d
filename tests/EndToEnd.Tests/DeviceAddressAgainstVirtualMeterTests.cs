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
        // A bad address is refused with its code: '-' is no address character (ER10).
        (code, output, error) = meter.Tool("write", "0-0:128.5.0", "12-34", "--password", MeterUnderTest.Password);
        Assert.Contains("ER10", error + output);
    }

    /// <summary>
    /// 32 characters, the standard's maximum (IEC 62056-21 §6.3.1): written with MeterTool, answered on
    /// "/?&lt;32 characters&gt;!" sent raw; 33 (sent raw: MeterTool refuses values over 32) are ER11 and change
    /// nothing; an address differing only in its 32nd character gets no answer. Fails before the fix
    /// (the meter kept 10 characters and answered ER11 above).
    /// </summary>
    [Fact]
    public void A_32_character_address_is_answered_and_33_are_refused()
    {
        const string address = "Flat 7b z9 Block C Meter 0042 Zz";
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("write", "0-0:128.5.0", address, "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        using (var port = new RawOpticalClient(meter.Host.TcpPort))
        {
            Assert.Equal("/OMf6\\2OpenMeter\r\n", port.SignOnAndLogIn(address, MeterUnderTest.Password));
            port.Send(RawOpticalClient.Frame("W1\u00020-0:128.5.0(" + address + "1)\u0003"));
            Assert.Equal("\u0002(ER11)\u0003\u0015", port.ReadFrame());
            port.Send(RawOpticalClient.Frame("R1\u00020-0:128.5.0()\u0003"));
            Assert.StartsWith("\u00020-0:128.5.0(" + address + ")\u0003", port.ReadFrame());
            port.Send(RawOpticalClient.Frame("B0\u0003"));
        }
        (code, output, error) = meter.Tool("readout", "--csv", "--address", address);
        Assert.True(code == 0, error + output);
        Assert.Contains("0-0:96.1.0,12345678", output);
        (code, _, _) = meter.Tool("readout", "--csv", "--address", address[..31] + "y");
        Assert.NotEqual(0, code);
    }
}
