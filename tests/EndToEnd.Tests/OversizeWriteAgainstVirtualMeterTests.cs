using System.Net.Sockets;
using System.Text;

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
        using (var tcp = new TcpClient("127.0.0.1", meter.Host.TcpPort))
        {
            var stream = tcp.GetStream();
            stream.ReadTimeout = 5000;
            Send(stream, "/?!\r\n");
            Assert.EndsWith("\r\n", ReadUntil(stream, '\n'));
            Thread.Sleep(250);
            Send(stream, "\u0006051\r\n");
            Assert.StartsWith("\u0001P0", ReadFrame(stream));
            Send(stream, Frame("P1\u0002(" + MeterUnderTest.Password + ")\u0003"));
            Assert.Equal("\u0006", ReadUntil(stream, '\u0006'));
            Send(stream, Frame("W1\u00020-0:96.1.0(" + new string('7', 4096) + ")\u0003"));
            Assert.Equal("\u0002(ER11)\u0003\u0015", ReadFrame(stream));
            Send(stream, Frame("R1\u00020-0:96.1.0()\u0003"));
            Assert.StartsWith("\u00020-0:96.1.0(12345678)\u0003", ReadFrame(stream));
            Send(stream, Frame("B0\u0003"));
        }
        Assert.Equal("12345678", meter.Host.Inspect(h => h.Meter.Settings.MeterNumber));
        var (code, output, error) = meter.Tool("events", "--csv", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("write refused ER11 object 96.1.0", output);
    }

    private static string Frame(string bodyWithEtx)
    {
        byte bcc = 0;
        foreach (char c in bodyWithEtx) bcc ^= (byte)c;
        return "\u0001" + bodyWithEtx + (char)bcc;
    }

    private static void Send(NetworkStream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));

    private static string ReadUntil(NetworkStream stream, char last)
    {
        var text = new StringBuilder();
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0) throw new IOException("closed after " + text);
            text.Append((char)b);
            if (b == last) return text.ToString();
        }
    }

    // A framed message up to ETX and its BCC.
    private static string ReadFrame(NetworkStream stream)
    {
        string text = ReadUntil(stream, '\u0003');
        return text + (char)stream.ReadByte();
    }
}
