using System.Net;
using System.Net.Sockets;
using Meter.Simulation;
using Meter.Simulation.Dlms;

namespace EndToEnd.Tests;

/// <summary>The virtual meter's --dlms / --dlms-hdlc options and the wrapper port's handling of bad streams.</summary>
[Collection("console")]
public class DlmsPortOptionTests
{
    [Theory]
    [InlineData("tcp", "127.0.0.1", 4059)]
    [InlineData("tcp:0.0.0.0", "0.0.0.0", 4059)]
    [InlineData("tcp:localhost:5000", "127.0.0.1", 5000)]
    [InlineData("tcp:127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("tcp:[::1]:4061", "::1", 4061)]
    public void Wrapper_endpoints_default_to_loopback_and_port_4059(string spec, string address, int port)
    {
        IPEndPoint at = DlmsEndpoint.Parse("--dlms", spec, DlmsEndpoint.WrapperDefaultPort)!;
        Assert.Equal(IPAddress.Parse(address), at.Address);
        Assert.Equal(port, at.Port);
    }

    [Fact]
    public void None_is_no_port_and_HDLC_defaults_to_4060()
    {
        Assert.Null(DlmsEndpoint.Parse("--dlms", "none", DlmsEndpoint.WrapperDefaultPort));
        Assert.Equal(4060, DlmsEndpoint.Parse("--dlms-hdlc", "tcp", DlmsEndpoint.HdlcDefaultPort)!.Port);
    }

    [Fact]
    public void A_bad_dlms_option_is_one_line_and_exit_code_1()
    {
        var (code, _, error) = VirtualMeterCommandLineTests.Run("--dlms", "udp:127.0.0.1:4059", "--optical", "none", "--duration", "1s");
        Assert.Equal(1, code);
        Assert.Equal("virtualmeter: --dlms 'udp:127.0.0.1:4059': use tcp, tcp:HOST or tcp:HOST:PORT (e.g. tcp:127.0.0.1:4059; default host 127.0.0.1, default port 4059, port 0 = any free port) or none", error.Trim());
        (code, _, error) = VirtualMeterCommandLineTests.Run("--dlms-hdlc", "tcp:127.0.0.1:99999", "--optical", "none", "--duration", "1s");
        Assert.Equal(1, code);
        Assert.StartsWith("virtualmeter: --dlms-hdlc 'tcp:127.0.0.1:99999': use tcp", error.Trim());
    }

    [Fact]
    public void Help_lists_both_DLMS_options()
    {
        var (_, output, _) = VirtualMeterCommandLineTests.Run("--help");
        Assert.Contains("--dlms ", output);
        Assert.Contains("--dlms-hdlc", output);
    }

    [Theory]
    [InlineData("12345678", 6678)]
    [InlineData("00000042", 1042)]
    [InlineData("7", 1007)]
    [InlineData("AB", 1000)]
    public void The_HDLC_physical_address_is_the_last_four_meter_number_digits_plus_1000(string number, int address) =>
        Assert.Equal(address, DlmsPhysicalAddress.FromMeterNumber(number));

    [Fact]
    public void The_wrapper_drops_APDUs_for_another_wPort_and_closes_a_stream_with_a_bad_version()
    {
        using var host = new VirtualMeterHost(new VirtualMeterOptions { Optical = "none", Dlms = "tcp:127.0.0.1:0", Speed = 1e-9, Start = new DateTime(2025, 5, 14, 8, 0, 0, DateTimeKind.Utc) });
        host.RunInBackground();
        using var client = new TcpClient("127.0.0.1", host.DlmsPorts.Wrapper!.Port);
        var stream = client.GetStream();
        stream.ReadTimeout = 3000;
        // An AARQ for logical device 2 (this meter has logical device 1 only) is dropped; the same AARQ for 1 is answered.
        byte[] aarq = Meter.Tool.Dlms.Association.Request(null, 1024);
        stream.Write([.. Meter.Tool.Dlms.WrapperLink.Header(16, 2, aarq.Length), .. aarq]);
        stream.Write([.. Meter.Tool.Dlms.WrapperLink.Header(16, 1, aarq.Length), .. aarq]);
        byte[] header = new byte[8];
        stream.ReadExactly(header);
        Assert.Equal(new byte[] { 0x00, 0x01, 0x00, 0x01, 0x00, 0x10 }, header[..6]); // version 1, from wPort 1 to wPort 16
        byte[] aare = new byte[(header[6] << 8) | header[7]];
        stream.ReadExactly(aare);
        Assert.True(Meter.Tool.Dlms.Association.ReadResponse(aare).Accepted);
        Thread.Sleep(200);
        Assert.Equal(0, client.Available); // one answer only: the misaddressed AARQ got none
        // A header with version 2: the stream cannot be resynchronised, the meter closes the connection without an answer.
        stream.Write([0x00, 0x02, 0x00, 0x10, 0x00, 0x01, 0x00, 0x01, 0x60]);
        Assert.Equal(0, stream.Read(new byte[64]));
    }

    private static VirtualMeterHost BothPorts(TimeSpan? idle = null)
    {
        var host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Optical = "none", Dlms = "tcp:127.0.0.1:0", DlmsHdlc = "tcp:127.0.0.1:0", DlmsIdleTimeout = idle, Speed = 1e-9,
            Start = new DateTime(2025, 5, 14, 8, 0, 0, DateTimeKind.Utc),
        });
        host.RunInBackground();
        return host;
    }

    [Fact]
    public void One_client_at_a_time_across_both_ports_the_next_is_served_when_the_first_leaves()
    {
        using var host = BothPorts();
        var first = new Meter.Tool.Dlms.CosemClient(new Meter.Tool.Dlms.WrapperLink(new Meter.Tool.Dlms.TcpByteStream("127.0.0.1", host.DlmsPorts.Wrapper!.Port), 16, 1, 3000));
        first.Associate(null);
        // An HDLC client meanwhile: its SNRM stays unanswered while the wrapper client holds the meter.
        var waiting = new Meter.Tool.Dlms.HdlcLink(new Meter.Tool.Dlms.TcpByteStream("127.0.0.1", host.DlmsPorts.Hdlc!.Port), 16, 1, null, 300);
        Assert.Contains("no answer", Assert.Throws<Meter.Tool.Dlms.DlmsException>(() => waiting.Connect()).Message);
        first.Dispose();
        // That client gives up; a new HDLC client is served now that the wrapper client has left.
        var next = new Meter.Tool.Dlms.HdlcLink(new Meter.Tool.Dlms.TcpByteStream("127.0.0.1", host.DlmsPorts.Hdlc!.Port), 16, 1, null, 3000);
        waiting.Dispose();
        next.Connect();
        using var cosem = new Meter.Tool.Dlms.CosemClient(next);
        cosem.Associate(null);
        Assert.Equal(Meter.Tool.Dlms.AxdrTag.DoubleLongUnsigned, cosem.Get(new Meter.Tool.Dlms.CosemAttribute(3, [1, 0, 1, 8, 0, 255], 2)).Tag);
    }

    [Fact]
    public void A_silent_client_is_dropped_after_the_idle_time_out_and_its_association_ends()
    {
        using var host = BothPorts(TimeSpan.FromMilliseconds(300));
        using var client = new TcpClient("127.0.0.1", host.DlmsPorts.Wrapper!.Port);
        var stream = client.GetStream();
        stream.ReadTimeout = 5000;
        byte[] aarq = Meter.Tool.Dlms.Association.Request(null, 1024);
        stream.Write([.. Meter.Tool.Dlms.WrapperLink.Header(16, 1, aarq.Length), .. aarq]);
        byte[] header = new byte[8];
        stream.ReadExactly(header);
        stream.ReadExactly(new byte[(header[6] << 8) | header[7]]);
        Assert.Equal(0, stream.Read(new byte[8])); // closed by the meter after 300 ms of silence
        Assert.False(host.Inspect(h => h.DlmsPorts.Wrapper!.HasClient));
        using var again = new Meter.Tool.Dlms.CosemClient(new Meter.Tool.Dlms.WrapperLink(new Meter.Tool.Dlms.TcpByteStream("127.0.0.1", host.DlmsPorts.Wrapper!.Port), 16, 1, 3000));
        var refused = Assert.Throws<Meter.Tool.Dlms.DlmsException>(() => again.Get(new Meter.Tool.Dlms.CosemAttribute(3, [1, 0, 1, 8, 0, 255], 2)));
        Assert.Contains("no association", refused.Message);
    }
}
