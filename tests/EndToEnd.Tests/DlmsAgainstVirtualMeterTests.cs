using System.Globalization;
using System.Net.Sockets;
using Meter.Metrology;
using Meter.Simulation;
using Meter.Tool.Dlms;

namespace EndToEnd.Tests;

/// <summary>
/// The virtual meter's DLMS/COSEM ports (--dlms wrapper, --dlms-hdlc) against MeterTool's own DLMS client, an
/// implementation written independently of the firmware's Meter.Dlms: both links, both clients, both passwords, the
/// A+ register against the load, and MeterTool's `read` over DLMS against the same `read` over IEC 62056-21.
/// </summary>
[Collection("console")]
public sealed class DlmsAgainstVirtualMeterTests : IDisposable
{
    private const string Password = "00000000";
    // The HDLC physical address of meter number 12345678: its last four digits + 1000.
    private const int Physical = 6678;
    private readonly VirtualMeterHost _host;

    public DlmsAgainstVirtualMeterTests()
    {
        _host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Optical = "tcp:127.0.0.1:0",
            Dlms = "tcp:127.0.0.1:0",
            DlmsHdlc = "tcp:127.0.0.1:0",
            // One hour as fast as possible, then time almost stands still while the ports are served: the registers
            // do not move between the reads a test compares.
            Speed = 1e-9,
            Start = new DateTime(2025, 5, 14, 8, 0, 0, DateTimeKind.Utc),
            MeterNumber = "12345678",
            Password = Password,
        });
        _host.RunFor(TimeSpan.FromHours(1));
        _host.RunInBackground();
    }

    public void Dispose() => _host.Dispose();

    private long ActiveImportWh() =>
        _host.Inspect(h => h.Meter.Metering.Accumulator.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0));

    private CosemClient Connect(string link, int client, int? physical = null)
    {
        IDlmsByteStream stream = new TcpByteStream("127.0.0.1", link == "wrapper" ? _host.DlmsPorts.Wrapper!.Port : _host.DlmsPorts.Hdlc!.Port);
        if (link == "wrapper") return new CosemClient(new WrapperLink(stream, client, 1, 5000));
        var hdlc = new HdlcLink(stream, client, 1, physical, 5000);
        hdlc.Connect();
        return new CosemClient(hdlc);
    }

    private static readonly byte[] ActiveImportTotal = [1, 0, 1, 8, 0, 255];

    [Theory]
    [InlineData("wrapper", 16, null)]
    [InlineData("wrapper", 1, Password)]
    [InlineData("hdlc", 16, null)]
    [InlineData("hdlc", 1, Password)]
    public void Both_clients_on_both_links_read_A_plus_in_Wh_as_the_load_gives_it_with_scaler_0_unit_Wh(string link, int client, string? password)
    {
        using var cosem = Connect(link, client, link == "hdlc" ? Physical : null);
        cosem.Associate(password);
        Assert.True(cosem.ServerMaxPdu >= 128, $"server max PDU {cosem.ServerMaxPdu}");
        var value = cosem.Get(new CosemAttribute(3, ActiveImportTotal, 2));
        // Balanced load: 3 × 230 V × 10 A × cos 18.19° = 6555.1 W for one hour → 6555 Wh (whole Wh counted).
        Assert.True(value.IsInteger, value.Tag.ToString());
        Assert.InRange(value.Number, 6550, 6556);
        Assert.Equal(ActiveImportWh(), value.Number);
        var scalerUnit = cosem.Get(new CosemAttribute(3, ActiveImportTotal, 3));
        Assert.Equal(AxdrTag.Structure, scalerUnit.Tag);
        Assert.Equal(0, scalerUnit.Children[0].Number);  // scaler 10^0
        Assert.Equal(30, scalerUnit.Children[1].Number); // unit 30 = Wh (Blue Book unit list)
    }

    [Theory]
    [InlineData("wrapper")]
    [InlineData("hdlc")]
    public void The_management_client_with_a_wrong_password_is_refused_with_authentication_failure(string link)
    {
        using var cosem = Connect(link, 1);
        var e = Assert.Throws<DlmsException>(() => cosem.Associate("11111111"));
        Assert.Equal("association refused: authentication failure (13): wrong password", e.Message);
        // Without an association the meter serves nothing: GET is answered by an ExceptionResponse.
        var refused = Assert.Throws<DlmsException>(() => cosem.Get(new CosemAttribute(3, ActiveImportTotal, 2)));
        Assert.Contains("ExceptionResponse: service not allowed (no association)", refused.Message);
    }

    [Fact]
    public void A_dropped_connection_ends_the_association()
    {
        // Associate as the management client and leave without a release (the socket just closes).
        var raw = new TcpClient("127.0.0.1", _host.DlmsPorts.Wrapper!.Port) { NoDelay = true };
        var stream = raw.GetStream();
        byte[] aarq = Association.Request(Password, 1024);
        stream.Write([.. WrapperLink.Header(1, 1, aarq.Length), .. aarq]);
        byte[] aare = ReadWrapped(stream);
        Assert.True(Association.ReadResponse(aare).Accepted);
        raw.Dispose();

        // The next connection's GET without an AARQ: had the association survived, it would be served.
        using var cosem = Connect("wrapper", 1);
        var refused = Assert.Throws<DlmsException>(() => cosem.Get(new CosemAttribute(3, ActiveImportTotal, 2)));
        Assert.Contains("no association", refused.Message);
    }

    private static byte[] ReadWrapped(NetworkStream stream)
    {
        stream.ReadTimeout = 5000;
        byte[] header = new byte[8];
        stream.ReadExactly(header);
        byte[] apdu = new byte[(header[6] << 8) | header[7]];
        stream.ReadExactly(apdu);
        return apdu;
    }

    [Theory]
    [InlineData("wrapper")]
    [InlineData("hdlc")]
    public void MeterTool_read_over_DLMS_prints_the_value_the_optical_read_prints(string link)
    {
        var (code, optical, error) = Tool("read", "1-0:1.8.0", "--password", Password, "--tcp", $"127.0.0.1:{_host.TcpPort}");
        Assert.True(code == 0, error + optical);
        // "1-0:1.8.0(000006.555*kWh)" or "1.8.0(…)": kWh with 3 decimals.
        string kwh = optical[(optical.IndexOf('(') + 1)..optical.IndexOf('*')];
        long opticalWh = (long)(decimal.Parse(kwh, CultureInfo.InvariantCulture) * 1000);

        int port = link == "wrapper" ? _host.DlmsPorts.Wrapper!.Port : _host.DlmsPorts.Hdlc!.Port;
        string[] dlms = ["read", "1-0:1.8.0", "--protocol", "dlms", "--dlms-link", link, "--tcp", $"127.0.0.1:{port}"];
        if (link == "hdlc") dlms = [.. dlms, "--physical", Physical.ToString(CultureInfo.InvariantCulture)];
        var (dlmsCode, output, dlmsError) = Tool(dlms);
        Assert.True(dlmsCode == 0, dlmsError + output);
        Assert.Equal($"1-0:1.8.0.255 {opticalWh} Wh", output.Trim());
        Assert.Equal(ActiveImportWh(), opticalWh);
    }

    [Fact]
    public void MeterTool_readout_over_HDLC_and_over_the_wrapper_gives_the_same_objects_and_values()
    {
        // The object list comes in GET blocks; over HDLC each answer longer than 128 bytes comes in segments fetched
        // with RR, and the GET-with-list requests of 8 registers (about 170 bytes) go to the meter in segments too.
        var (code, wrapped, error) = Tool("readout", "--csv", "--protocol", "dlms", "--tcp", $"127.0.0.1:{_host.DlmsPorts.Wrapper!.Port}");
        Assert.True(code == 0, error + wrapped);
        var (hdlcCode, framed, hdlcError) = Tool("readout", "--csv", "--protocol", "dlms", "--dlms-link", "hdlc", "--client", "1", "--password", Password,
            "--tcp", $"127.0.0.1:{_host.DlmsPorts.Hdlc!.Port}");
        Assert.True(hdlcCode == 0, hdlcError + framed);
        Assert.Equal(wrapped, framed);
        string[] lines = wrapped.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("address,value,unit,class", lines[0]);
        Assert.Contains("0-0:96.1.0.255,12345678,,1", lines);
        Assert.Contains($"1-0:1.8.0.255,{ActiveImportWh()},Wh,3", lines);
        Assert.True(lines.Length > 20, wrapped);
    }

    private string[] DlmsLink(string link)
    {
        int port = link == "wrapper" ? _host.DlmsPorts.Wrapper!.Port : _host.DlmsPorts.Hdlc!.Port;
        string[] args = ["--protocol", "dlms", "--dlms-link", link, "--tcp", $"127.0.0.1:{port}"];
        return link == "hdlc" ? [.. args, "--physical", Physical.ToString(CultureInfo.InvariantCulture)] : args;
    }

    private static string[] CsvRows(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();

    // DLMS date-time as MeterTool prints it: "2025-05-14 10:15:00 S UTC+02:00" (local time, then the flags).
    private static string LocalMinute(string dlmsTime) => dlmsTime[..16];

    [Theory]
    [InlineData("wrapper")]
    [InlineData("hdlc")]
    public void MeterTool_profile_over_DLMS_gives_the_intervals_of_the_optical_P01_for_the_same_range(string link)
    {
        string dir = Path.Combine(Path.GetTempPath(), "e2e-dlms-profile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string opticalCsv = Path.Combine(dir, "optical.csv"), dlmsCsv = Path.Combine(dir, "dlms.csv");
            // The whole optical profile (P.01 gives each interval's advance in kWh/kvarh, 3 decimals), the DLMS one for
            // 10:15..10:45 local (CEST): the profile generic captures the registers 1-0:C.8.0 attribute 2 (Wh, varh)
            // at each interval's end, so a register is the sum of the optical advances up to that interval (the
            // meter starts from 0).
            var (code, output, error) = Tool("profile", "--csv", opticalCsv, "--billing-csv", Path.Combine(dir, "b.csv"),
                "--password", Password, "--tcp", $"127.0.0.1:{_host.TcpPort}");
            Assert.True(code == 0, error + output);
            (code, output, error) = Tool(["profile", "--from", "2025-05-14 10:15", "--to", "2025-05-14 10:45", "--csv", dlmsCsv, .. DlmsLink(link)]);
            Assert.True(code == 0, error + output);
            Assert.Equal("time,1-0:1.8.0.255 attr 2 [Wh],1-0:2.8.0.255 attr 2 [Wh],1-0:3.8.0.255 attr 2 [varh],1-0:4.8.0.255 attr 2 [varh]",
                File.ReadLines(dlmsCsv).First());
            string[] optical = CsvRows(File.ReadAllText(opticalCsv)); // time,status,1.8.0,2.8.0,3.8.0,4.8.0,note
            string[] dlms = CsvRows(File.ReadAllText(dlmsCsv));
            Assert.Equal(["2025-05-14 10:15", "2025-05-14 10:30", "2025-05-14 10:45"], dlms.Select(r => LocalMinute(r.Split(',')[0])));
            var sums = new long[4];
            int compared = 0;
            foreach (string row in optical)
            {
                string[] f = row.Split(',');
                for (int c = 0; c < 4; c++) sums[c] += (long)(decimal.Parse(f[2 + c], CultureInfo.InvariantCulture) * 1000);
                string? match = dlms.FirstOrDefault(d => LocalMinute(d) == f[0]);
                if (match == null) continue;
                Assert.Equal(sums, match.Split(',')[1..].Select(v => long.Parse(v, CultureInfo.InvariantCulture)));
                compared++;
            }
            Assert.Equal(3, compared);
            Assert.True(sums[0] > 4000, string.Join(",", sums)); // three quarter hours of the balanced load, 1.639 kWh each
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("wrapper")]
    [InlineData("hdlc")]
    public void MeterTool_events_over_DLMS_give_the_entries_of_the_optical_P98_for_the_same_range(string link)
    {
        string[] range = ["--from", "2025-05-14 10:00", "--to", "2025-05-14 10:59"];
        var (code, output, error) = Tool(["events", "--csv", .. range, "--password", Password, "--tcp", $"127.0.0.1:{_host.TcpPort}"]);
        Assert.True(code == 0, error + output);
        string[] optical = CsvRows(output); // time,summer,kind,event,detail,description,old,new
        (code, output, error) = Tool(["events", "--csv", .. range, .. DlmsLink(link)]);
        Assert.True(code == 0, error + output);
        Assert.Equal("time,0-0:96.11.0.255 attr 2,0-0:96.11.128.255 attr 2,0-0:96.11.129.255 attr 2,0-0:96.11.130.255 attr 2",
            output.Split('\n')[0]);
        string[] dlms = CsvRows(output); // time, event code, detail, old, new
        // The factory clock setting and the power-up at 10:00 local, at least.
        Assert.True(optical.Length >= 2, string.Join("\n", optical));
        Assert.Equal(optical.Select(r =>
        {
            string[] f = r.Split(',');
            return $"{f[0]},{f[2]},{f[4]},{f[6]},{f[7]}";
        }), dlms.Select(r =>
        {
            string[] f = r.Split(',');
            return $"{f[0][..19]},{f[1]},{f[2]},{f[3]},{f[4]}";
        }));
    }

    private static (int Code, string Out, string Error) Tool(params string[] args) => VirtualMeterCommandLineTests.Tool(args);
}
