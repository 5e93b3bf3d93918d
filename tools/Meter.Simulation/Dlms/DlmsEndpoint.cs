using System.Globalization;
using System.Net;

namespace Meter.Simulation.Dlms;

/// <summary>
/// Where a DLMS TCP port listens: <c>tcp</c> (127.0.0.1 on the default port), <c>tcp:HOST</c> (default port) or
/// <c>tcp:HOST:PORT</c> (0 = any free port); <c>none</c> = no port.
/// </summary>
public static class DlmsEndpoint
{
    /// <summary>Default port of the wrapper: 4059, the IANA-registered DLMS/COSEM port (IEC 62056-47).</summary>
    public const int WrapperDefaultPort = 4059;

    /// <summary>Default port of HDLC over TCP: 4060, our choice (no standard port exists for HDLC frames on TCP).</summary>
    public const int HdlcDefaultPort = 4060;

    /// <summary>The address and port of <paramref name="spec"/>, or null for "none".</summary>
    /// <exception cref="ArgumentException">Not one of the forms above (the message names the option and the forms).</exception>
    public static IPEndPoint? Parse(string option, string? spec, int defaultPort)
    {
        if (spec == null || spec == "none") return null;
        string usage = $"{option} '{spec}': use tcp, tcp:HOST or tcp:HOST:PORT (e.g. tcp:127.0.0.1:{defaultPort}; default host 127.0.0.1, default port {defaultPort}, port 0 = any free port) or none";
        if (spec == "tcp") return new IPEndPoint(IPAddress.Loopback, defaultPort);
        if (!spec.StartsWith("tcp:", StringComparison.Ordinal)) throw new ArgumentException(usage);
        string rest = spec[4..];
        if (Host(rest) is IPAddress hostOnly) return new IPEndPoint(hostOnly, defaultPort);
        int colon = rest.LastIndexOf(':');
        if (colon > 0 && Host(rest[..colon]) is IPAddress host
            && int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535)
            return new IPEndPoint(host, port);
        throw new ArgumentException(usage);
    }

    private static IPAddress? Host(string text)
    {
        if (text == "localhost") return IPAddress.Loopback;
        if (text.Contains(':') && !text.StartsWith('[')) return null; // an IPv6 literal needs brackets before a port
        return IPAddress.TryParse(text.Trim('[', ']'), out var address) ? address : null;
    }
}
