using System.CommandLine;
using Meter.OpticalClient.Protocol;
using Meter.OpticalClient.Transport;

namespace Meter.Tool.Cli;

/// <summary>The options every command takes (recursive on the root command).</summary>
public sealed class GlobalOptions
{
    /// <summary>--port: serial device of the optical head.</summary>
    public Option<string?> Port { get; } = new("--port") { Description = "Serial device of the optical head, e.g. /dev/ttyUSB0 or COM3", Recursive = true };
    /// <summary>--tcp: host:port of the virtual meter's optical port.</summary>
    public Option<string?> Tcp { get; } = new("--tcp") { Description = "HOST:PORT of the virtual meter's optical port", Recursive = true };
    /// <summary>--address: device address for "/?address!".</summary>
    public Option<string> Address { get; } = new("--address") { Description = "Device address sent in the request (empty = any meter)", Recursive = true, DefaultValueFactory = _ => "" };
    /// <summary>--password: P1 password.</summary>
    public Option<string?> Password { get; } = new("--password") { Description = "Programming password (P1), e.g. 00000000", Recursive = true };
    /// <summary>--baud-max: cap for the mode C rate.</summary>
    public Option<int> BaudMax { get; } = new("--baud-max") { Description = "Highest baud rate to select (300..19200; default 19200, IEC 62056-21 §6.3.14 baud character 6)", Recursive = true, DefaultValueFactory = _ => 19200 };
    /// <summary>--mode: IEC 62056-21 protocol mode A, B or C (default: what the meter's identification declares).</summary>
    public Option<string?> Mode { get; } = new("--mode") { Description = "Protocol mode: A (300 Bd, no option select), B (baud switch without acknowledgement; a mode B meter), C (acknowledgement / option select); default: the meter's", Recursive = true };
    /// <summary>--timeout: response timeout, ms.</summary>
    public Option<int> Timeout { get; } = new("--timeout") { Description = "Response timeout in ms (IEC 62056-21 tr max is 1500)", Recursive = true, DefaultValueFactory = _ => 2000 };

    /// <summary>--protocol and the DLMS/COSEM link options.</summary>
    public DlmsOptions Dlms { get; } = new();

    /// <summary>Adds the options to <paramref name="root"/>.</summary>
    public void AddTo(RootCommand root)
    {
        Dlms.AddTo(root);
        root.Add(Port);
        root.Add(Tcp);
        root.Add(Address);
        root.Add(Password);
        root.Add(BaudMax);
        root.Add(Mode);
        root.Add(Timeout);
    }

    /// <summary>Opens the link and a client with the timing options; <paramref name="rigMeter"/>: HOST:PORT of a simulated rig's meter instead of --port/--tcp.</summary>
    public (IOpticalTransport Transport, Iec62056Client Client) Connect(ParseResult parse, string? rigMeter = null)
    {
        if (rigMeter != null && (parse.GetValue(Port) != null || parse.GetValue(Tcp) != null))
            throw new ArgumentException("with --rig simulated the meter is the rig's own: leave out --port and --tcp");
        if (Dlms.IsDlms(parse))
            throw new ArgumentException("this command speaks IEC 62056-21 only; --protocol dlms works with readout, read, write, set-clock, profile and events");
        int baudMax = parse.GetValue(BaudMax);
        if (!BaudRates.IsStandard(baudMax)) throw new ArgumentException($"--baud-max {baudMax}: must be 300, 600, 1200, 2400, 4800, 9600 or 19200");
        var timings = new ClientTimings { ResponseTimeoutMs = parse.GetValue(Timeout) };
        timings.Validate();
        _ = Frames.Request(parse.GetValue(Address) ?? ""); // validates the address before connecting
        if (parse.GetValue(Password) is string password) CheckPassword(password); // before connecting too
        ProtocolMode? mode = ParseMode(parse.GetValue(Mode));
        var transport = TransportFactory.Open(parse.GetValue(Port), rigMeter ?? parse.GetValue(Tcp));
        return (transport, new Iec62056Client(transport, timings) { Mode = mode });
    }

    /// <summary>
    /// A P1 password is a data-set value (IEC 62056-21:2002 §6.3.14: at most 32 characters, none
    /// of the framing characters ( ) * / !); the message quotes what was typed and says what is wrong.
    /// </summary>
    private static void CheckPassword(string password)
    {
        if (password.Length == 0) throw new ArgumentException("--password \"\": a password has 1..32 characters (the meter's, e.g. 00000000)");
        if (password.Length > 32) throw new ArgumentException($"--password \"{password}\" is {password.Length} characters long; a password has 1..32");
        int bad = password.IndexOfAny(['(', ')', '*', '/', '!']);
        if (bad >= 0) throw new ArgumentException($"--password \"{password}\": '{password[bad]}' cannot be in a password (none of ( ) * / !)");
        int control = password.ToList().FindIndex(c => c < 0x20 || c > 0x7E);
        if (control >= 0) throw new ArgumentException($"--password \"{password}\": character {control + 1} is not printable ASCII");
    }

    private static ProtocolMode? ParseMode(string? text) => text?.ToUpperInvariant() switch
    {
        null => null,
        "A" => ProtocolMode.A,
        "B" => ProtocolMode.B,
        "C" => ProtocolMode.C,
        _ => throw new ArgumentException($"--mode {text}: must be A, B or C (IEC 62056-21 §6.4.1 … §6.4.3)"),
    };

    /// <summary>Opens a programming session (needs --password).</summary>
    public ProgrammingSession OpenSession(ParseResult parse, Iec62056Client client)
    {
        string password = parse.GetValue(Password) ?? throw new ArgumentException("this command programs the meter: give --password");
        CheckPassword(password);
        return new ProgrammingSession(client, parse.GetValue(Address) ?? "", parse.GetValue(BaudMax), password);
    }
}
