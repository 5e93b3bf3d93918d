using System.Text;

namespace Meter.OpticalClient.Protocol;

/// <summary>Kinds of answers a meter gives in programming and readout (IEC 62056-21:2002 §6.3).</summary>
public enum ReceivedKind
{
    /// <summary>Single ACK character.</summary>
    Ack,
    /// <summary>Single NAK character.</summary>
    Nak,
    /// <summary>"STX data ETX|EOT BCC" data message (or error message).</summary>
    Data,
    /// <summary>"SOH C D [STX data] ETX|EOT BCC" command message (e.g. the P0 password request).</summary>
    Command,
}

/// <summary>One message read from the meter.</summary>
/// <param name="Kind">ACK, NAK, data or command message.</param>
/// <param name="Raw">Every byte of the message, BCC included.</param>
/// <param name="Command">Command letters ("P0") of a command message, else "".</param>
/// <param name="Data">Text between STX and ETX/EOT (command without STX: "").</param>
/// <param name="IsPartial">True when the block ended with EOT (more blocks follow).</param>
/// <param name="BccValid">True when the received BCC equals the computed one (always true for ACK/NAK).</param>
public sealed record ReceivedMessage(ReceivedKind Kind, byte[] Raw, string Command, string Data, bool IsPartial, bool BccValid)
{
    /// <summary>Data sets of the data part.</summary>
    public IReadOnlyList<DataSet> DataSets => DataBlockParser.Parse(Data);

    /// <summary>The message as readable text.</summary>
    public override string ToString() => Printable.Of(Raw);

    internal static ReceivedMessage Single(byte b) =>
        new(b == ControlCharacters.Ack ? ReceivedKind.Ack : ReceivedKind.Nak, [b], "", "", false, true);

    internal static ReceivedMessage Framed(byte[] raw)
    {
        // raw = SOH|STX … ETX|EOT BCC
        int end = raw.Length - 2;
        bool partial = raw[end] == ControlCharacters.Eot;
        bool bccValid = Bcc.OfMessage(raw.AsSpan(0, raw.Length - 1)) == (raw[^1] & 0x7F);
        if (raw[0] == ControlCharacters.Stx)
            return new(ReceivedKind.Data, raw, "", Encoding.ASCII.GetString(raw, 1, end - 1), partial, bccValid);
        int stx = Array.IndexOf(raw, ControlCharacters.Stx, 1, end - 1);
        string command = Encoding.ASCII.GetString(raw, 1, (stx < 0 ? end : stx) - 1);
        string data = stx < 0 ? "" : Encoding.ASCII.GetString(raw, stx + 1, end - stx - 1);
        return new(ReceivedKind.Command, raw, command, data, partial, bccValid);
    }
}
