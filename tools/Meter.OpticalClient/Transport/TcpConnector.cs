using System.Net.Sockets;

namespace Meter.OpticalClient.Transport;

/// <summary>Opens a TCP connection with a time-out and a message that names the endpoint (optical port or DLMS port).</summary>
public static class TcpConnector
{
    /// <summary>A connected client with Nagle off.</summary>
    /// <exception cref="IOException">The connection failed (named in the message).</exception>
    public static TcpClient Connect(string host, int port, int connectTimeoutMs)
    {
        string endpoint = host + ":" + port;
        var client = new TcpClient { NoDelay = true };
        try
        {
            if (!client.ConnectAsync(host, port).Wait(connectTimeoutMs))
            {
                client.Dispose();
                throw new IOException($"cannot connect to {endpoint}: no answer within {connectTimeoutMs} ms");
            }
        }
        catch (AggregateException e) when (e.InnerException is SocketException se)
        {
            client.Dispose();
            throw new IOException($"cannot connect to {endpoint}: {se.Message}", se);
        }
        return client;
    }
}
