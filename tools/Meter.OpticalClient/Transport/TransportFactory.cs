using System.Globalization;

namespace Meter.OpticalClient.Transport;

/// <summary>Opens the transport the global options name: --port DEVICE or --tcp HOST:PORT (exactly one).</summary>
public static class TransportFactory
{
    /// <summary>Opens the link; throws <see cref="ArgumentException"/> for bad options, <see cref="IOException"/> when it cannot connect.</summary>
    public static IOpticalTransport Open(string? serialPort, string? tcp)
    {
        if (serialPort != null && tcp != null) throw new ArgumentException("give either --port or --tcp, not both");
        if (serialPort != null)
        {
            if (serialPort.Length == 0) throw new ArgumentException("--port needs a device, e.g. /dev/ttyUSB0 or COM3");
            return new SerialTransport(serialPort);
        }
        if (tcp != null)
        {
            var (host, port) = ParseEndpoint(tcp);
            return new TcpTransport(host, port);
        }
        throw new ArgumentException("no meter link: give --port /dev/ttyUSB0 (optical head) or --tcp 127.0.0.1:PORT (virtual meter)");
    }

    /// <summary>Splits "host:port" (port 1..65535).</summary>
    public static (string Host, int Port) ParseEndpoint(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
            throw new ArgumentException($"--tcp \"{text}\" is not HOST:PORT, e.g. 127.0.0.1:6100");
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
            throw new ArgumentException($"--tcp \"{text}\": port must be a number 1..65535");
        return (text[..colon], port);
    }
}
