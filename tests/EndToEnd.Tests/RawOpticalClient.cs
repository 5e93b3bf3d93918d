using System.Net.Sockets;
using System.Text;

namespace EndToEnd.Tests;

/// <summary>
/// IEC 62056-21 bytes sent raw over the virtual meter's TCP optical port, for what MeterTool itself
/// refuses to send (values over 32 characters): frames with their BCC, reads up to a character or a frame's end.
/// </summary>
public sealed class RawOpticalClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    public RawOpticalClient(int port)
    {
        _tcp = new TcpClient("127.0.0.1", port);
        _stream = _tcp.GetStream();
        _stream.ReadTimeout = 5000;
    }

    /// <summary>"SOH body BCC" (§6.3.6; the BCC covers everything after SOH up to and with ETX).</summary>
    public static string Frame(string bodyWithEtx)
    {
        byte bcc = 0;
        foreach (char c in bodyWithEtx) bcc ^= (byte)c;
        return "\u0001" + bodyWithEtx + (char)bcc;
    }

    public void Send(string text) => _stream.Write(Encoding.ASCII.GetBytes(text));

    public string ReadUntil(char last)
    {
        var text = new StringBuilder();
        while (true)
        {
            int b = _stream.ReadByte();
            if (b < 0) throw new IOException("closed after " + text);
            text.Append((char)b);
            if (b == last) return text.ToString();
        }
    }

    /// <summary>A framed message up to ETX and its BCC.</summary>
    public string ReadFrame()
    {
        string text = ReadUntil('\u0003');
        return text + (char)_stream.ReadByte();
    }

    /// <summary>Sign-on "/?address!" (§6.3.1), its identification, the option select for programming at 9600 Bd, P0, then P1 with <paramref name="password"/>.</summary>
    public string SignOnAndLogIn(string address, string password)
    {
        Send("/?" + address + "!\r\n");
        string identification = ReadUntil('\n');
        Thread.Sleep(250);
        Send("\u0006051\r\n");
        if (!ReadFrame().StartsWith("\u0001P0")) throw new IOException("no P0 after the option select");
        Send(Frame("P1\u0002(" + password + ")\u0003"));
        if (ReadUntil('\u0006') != "\u0006") throw new IOException("password refused");
        return identification;
    }

    public void Dispose() => _tcp.Dispose();
}
