using System.CommandLine;
using Meter.Tool.Dlms;
using Meter.OpticalClient.Transport;

namespace Meter.Tool.Cli;

/// <summary>
/// The options that choose DLMS/COSEM instead of IEC 62056-21 (<c>--protocol dlms</c>): the link (the IEC 62056-47
/// wrapper on --tcp, or HDLC on --tcp or a serial --port), the client SAP (16 public, 1 management with the password
/// = P1, low level security) and the server address.
/// </summary>
public sealed class DlmsOptions
{
    /// <summary>The protocol names.</summary>
    public const string Iec62056_21 = "iec62056-21", Dlms = "dlms";

    /// <summary>--protocol.</summary>
    public Option<string> Protocol { get; } = new("--protocol") { Description = "iec62056-21 (default: the optical protocol) or dlms (DLMS/COSEM: readout, read, write, set-clock, profile, events)", Recursive = true, DefaultValueFactory = _ => Iec62056_21 };
    /// <summary>--dlms-link.</summary>
    public Option<string> Link { get; } = new("--dlms-link") { Description = "DLMS link: wrapper (IEC 62056-47, TCP only; default) or hdlc (IEC 62056-46, on --tcp or a serial --port)", Recursive = true, DefaultValueFactory = _ => "wrapper" };
    /// <summary>--client.</summary>
    public Option<int?> Client { get; } = new("--client") { Description = "DLMS client SAP: 16 public (read only, no password) or 1 management (--password, low level security); default 1 with --password, else 16", Recursive = true };
    /// <summary>--server.</summary>
    public Option<int> Server { get; } = new("--server") { Description = "DLMS server logical device (wrapper destination wPort, HDLC upper address); default 1", Recursive = true, DefaultValueFactory = _ => 1 };
    /// <summary>--physical.</summary>
    public Option<int?> Physical { get; } = new("--physical") { Description = "HDLC physical (lower) server address, 16..16381: 4-byte addressing (the virtual meter: last 4 meter-number digits + 1000); default: 1-byte address", Recursive = true };
    /// <summary>--dlms-baud.</summary>
    public Option<int> Baud { get; } = new("--dlms-baud") { Description = "Baud rate of HDLC on a serial --port (8N1); default 9600", Recursive = true, DefaultValueFactory = _ => 9600 };

    /// <summary>Adds the options to <paramref name="root"/>.</summary>
    public void AddTo(RootCommand root)
    {
        root.Add(Protocol);
        root.Add(Link);
        root.Add(Client);
        root.Add(Server);
        root.Add(Physical);
        root.Add(Baud);
    }

    /// <summary>True for --protocol dlms; a bad protocol name is an error.</summary>
    public bool IsDlms(ParseResult parse) => parse.GetValue(Protocol) switch
    {
        Iec62056_21 => false,
        Dlms => true,
        var other => throw new ArgumentException($"--protocol {other}: give iec62056-21 or dlms"),
    };

    /// <summary>
    /// Connects and associates: the link the options name, AARQ as the chosen client (the management client needs
    /// <paramref name="needsManagement"/> or --client 1 and the password).
    /// </summary>
    public CosemClient Open(ParseResult parse, GlobalOptions g, bool needsManagement)
    {
        string? password = parse.GetValue(g.Password);
        int client = parse.GetValue(Client) ?? (password != null || needsManagement ? 1 : 16);
        if (client is not (1 or 16)) throw new ArgumentException($"--client {client}: this meter has the public client 16 and the management client 1");
        if (needsManagement && password == null) throw new ArgumentException("this command writes to the meter: it needs the management client (--client 1) and --password (the meter's P1)");
        if (needsManagement && client != 1) throw new ArgumentException("this command writes to the meter: the public client 16 is read-only, use --client 1 with --password");
        if (client == 1 && password == null) throw new ArgumentException("--client 1 (management) logs in with low level security: give --password (the meter's P1)");
        if (client == 16) password = null; // the public client has no authentication
        if (password != null && (password.Length is 0 or > 32)) throw new ArgumentException($"--password: 1..32 characters for low level security, not {password.Length}");
        string link = parse.GetValue(Link)!;
        if (link is not ("wrapper" or "hdlc")) throw new ArgumentException($"--dlms-link {link}: give wrapper or hdlc");
        int server = parse.GetValue(Server);
        int timeout = parse.GetValue(g.Timeout);
        IDlmsByteStream stream = OpenStream(parse, g, link);
        IApduLink apduLink;
        try
        {
            if (link == "wrapper") apduLink = new WrapperLink(stream, client, server, timeout);
            else
            {
                var hdlc = new HdlcLink(stream, client, server, parse.GetValue(Physical), timeout);
                apduLink = hdlc;
                hdlc.Connect();
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        var cosem = new CosemClient(apduLink);
        try
        {
            cosem.Associate(password);
        }
        catch
        {
            apduLink.Dispose();
            throw;
        }
        return cosem;
    }

    private IDlmsByteStream OpenStream(ParseResult parse, GlobalOptions g, string link)
    {
        string? serial = parse.GetValue(g.Port), tcp = parse.GetValue(g.Tcp);
        if (serial != null && tcp != null) throw new ArgumentException("give either --port or --tcp, not both");
        if (serial != null)
        {
            if (link == "wrapper") throw new ArgumentException("the wrapper (IEC 62056-47) runs on TCP: on a serial --port use --dlms-link hdlc");
            return new SerialByteStream(serial, parse.GetValue(Baud));
        }
        if (tcp == null) throw new ArgumentException("no meter link: give --tcp HOST:PORT (the virtual meter's --dlms port, e.g. 127.0.0.1:4059) or --port DEVICE with --dlms-link hdlc");
        var (host, port) = TransportFactory.ParseEndpoint(tcp);
        return new TcpByteStream(host, port);
    }
}
