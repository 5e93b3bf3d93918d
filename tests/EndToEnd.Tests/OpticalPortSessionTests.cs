using System.Net.Sockets;
using System.Text;
using Meter.Optical;
using Meter.Tool.Cli;

namespace EndToEnd.Tests;

/// <summary>
/// The virtual meter's TCP optical port is one link, like the optical head: one client at a time,
/// the others wait in order; a silent client is dropped after the idle time-out (IEC 62056-21's
/// inactivity time-out, shortened here), and a client that leaves or is dropped ends the meter's
/// session at once (OpticalServer.EndSession), so the next client starts fresh.
/// </summary>
[Collection("console")]
public class OpticalPortSessionTests
{
    private static readonly byte[] Request = Encoding.ASCII.GetBytes("/?!\r\n");

    [Fact]
    public void A_waiting_client_is_served_once_the_idle_one_has_been_dropped_and_its_early_request_never_reaches_the_meter()
    {
        using var meter = new MeterUnderTest(opticalIdleTimeout: TimeSpan.FromSeconds(2));
        using var first = Connect(meter);
        Thread.Sleep(200); // the first connection is the port's
        using var second = Connect(meter);
        second.Client.Send(Request);
        Assert.Equal("", ReadText(second, 1000)); // the first holds the port (silent, not yet 2 s)

        Assert.True(IsClosedWithin(first, 5000), "the idle first client was not dropped after the 2 s idle time-out");
        // The second is now the port's: its request sent while waiting was discarded, so no identification comes unasked.
        Assert.Equal("", ReadText(second, 1000));
        second.Client.Send(Request);
        string identification = ReadText(second, 2000, untilEndOfLine: true);
        Assert.StartsWith("/", identification);
        Assert.EndsWith("\r\n", identification);
    }

    [Fact]
    public void A_client_dropped_in_programming_mode_leaves_the_meter_idle_at_once()
    {
        using var meter = new MeterUnderTest(opticalIdleTimeout: TimeSpan.FromSeconds(1));
        using var client = Connect(meter);
        client.Client.Send(Request);
        Assert.StartsWith("/", ReadText(client, 2000, untilEndOfLine: true));
        Thread.Sleep(250); // the reaction time tr ≥ 200 ms before the option select
        client.Client.Send(Encoding.ASCII.GetBytes("\u00060" + "5" + "1\r\n")); // ACK 0 Z=5 (9600 Bd) Y=1: programming
        string p0 = ReadText(client, 3000, untilByte: 0x03);
        Assert.Contains("P0", p0);
        meter.WaitUntil(h => h.Meter.Optical.State == OpticalServerState.Programming, "programming mode");

        // Silent from now on: dropped after 1 s, and the meter idle long before its own 120 s time-out.
        Assert.True(IsClosedWithin(client, 5000), "the idle client was not dropped");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (meter.Host.Inspect(h => h.Meter.Optical.State) != OpticalServerState.Idle && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.Equal(OpticalServerState.Idle, meter.Host.Inspect(h => h.Meter.Optical.State));
    }

    [Fact]
    public void A_client_that_leaves_right_after_the_identification_does_not_hold_the_port_for_the_300_baud_readout()
    {
        // A mode C meter sends the readout at 300 Bd when no option select follows its identification
        // within tt (about 33 s here). The client that left cannot hear it; the next one must not wait for it.
        using var meter = new MeterUnderTest(opticalIdleTimeout: TimeSpan.FromSeconds(60));
        using (var first = Connect(meter))
        {
            first.Client.Send(Request);
            Assert.StartsWith("/", ReadText(first, 2000, untilEndOfLine: true));
        }
        Thread.Sleep(2500); // past tt (2.2 s): before the fix the meter was now sending its 300 Bd readout to nobody
        using var second = Connect(meter);
        second.Client.Send(Request);
        Assert.StartsWith("/", ReadText(second, 2000, untilEndOfLine: true));
    }

    [Fact]
    public void MeterTool_says_the_port_is_busy_when_another_client_holds_it()
    {
        using var meter = new MeterUnderTest(opticalIdleTimeout: TimeSpan.FromSeconds(60));
        using var holder = Connect(meter);
        Thread.Sleep(200);
        var (code, output, error) = meter.Tool("readout", "--timeout", "800");
        Assert.Equal(CommandRunner.ProtocolFailure, code);
        Assert.Equal("", output);
        Assert.Contains("port busy", error);
        Assert.Contains("held by another client", error);
        Assert.Contains("120 s", error);
        Assert.DoesNotContain("timeout in state", error);
    }

    private static TcpClient Connect(MeterUnderTest meter)
    {
        var client = new TcpClient { NoDelay = true };
        client.Connect("127.0.0.1", meter.Host.TcpPort);
        return client;
    }

    /// <summary>What arrives within <paramref name="ms"/> (until CR LF or the given byte, when asked).</summary>
    private static string ReadText(TcpClient client, int ms, bool untilEndOfLine = false, int untilByte = -1)
    {
        var text = new StringBuilder();
        var deadline = DateTime.UtcNow.AddMilliseconds(ms);
        var one = new byte[1];
        while (DateTime.UtcNow < deadline)
        {
            if (!client.Client.Poll(10_000, SelectMode.SelectRead)) continue;
            if (client.Client.Receive(one) == 0) break;
            text.Append((char)one[0]);
            if (untilEndOfLine && text.Length >= 2 && text[^2] == '\r' && text[^1] == '\n') break;
            if (one[0] == untilByte) break;
        }
        return text.ToString();
    }

    private static bool IsClosedWithin(TcpClient client, int ms)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(ms);
        var buffer = new byte[64];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (client.Client.Poll(10_000, SelectMode.SelectRead) && client.Client.Receive(buffer) == 0) return true;
            }
            catch (SocketException) { return true; }
        }
        return false;
    }
}
