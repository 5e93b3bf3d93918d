namespace EndToEnd.Tests;

/// <summary>
/// A W1 with a 4 kB value through the virtual meter's whole optical path (TCP, range-request
/// link, server), sent raw (MeterTool itself refuses values over 32 characters): answered
/// "(ER11)" too long once the frame has ended, logged as a refused write, and the port takes
/// the next request. Before, no answer came at all.
/// </summary>
[Collection("console")]
public class OversizeWriteAgainstVirtualMeterTests
{
    [Fact]
    public void A_4_kB_write_is_answered_too_long_and_the_port_goes_on()
    {
        using var meter = new MeterUnderTest();
        using (var port = new RawOpticalClient(meter.Host.TcpPort))
        {
            Assert.EndsWith("\r\n", port.SignOnAndLogIn("", MeterUnderTest.Password));
            port.Send(RawOpticalClient.Frame("W1\u00020-0:96.1.0(" + new string('7', 4096) + ")\u0003"));
            Assert.Equal("\u0002(ER11)\u0003\u0015", port.ReadFrame());
            port.Send(RawOpticalClient.Frame("R1\u00020-0:96.1.0()\u0003"));
            Assert.StartsWith("\u00020-0:96.1.0(12345678)\u0003", port.ReadFrame());
            port.Send(RawOpticalClient.Frame("B0\u0003"));
        }
        Assert.Equal("12345678", meter.Host.Inspect(h => h.Meter.Settings.MeterNumber));
        var (code, output, error) = meter.Tool("events", "--csv", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("write refused ER11 object 96.1.0", output);
    }
}
