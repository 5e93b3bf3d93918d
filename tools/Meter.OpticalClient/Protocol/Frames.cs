using System.Text;

namespace Meter.OpticalClient.Protocol;

/// <summary>Builds the messages the client sends (IEC 62056-21:2002 §6.3.1, §6.3.3, §6.3.6).</summary>
public static class Frames
{
    /// <summary>Maximum device address length in a request (§6.3.1).</summary>
    public const int MaximumAddressLength = 32;

    /// <summary>Request "/?address!CR LF" (§6.3.1); empty address = any meter.</summary>
    /// <exception cref="ArgumentException">The address is too long or holds a character outside 0-9 A-Z a-z space.</exception>
    public static byte[] Request(string address)
    {
        if (address.Length > MaximumAddressLength)
            throw new ArgumentException($"device address \"{address}\" is {address.Length} characters; IEC 62056-21 allows {MaximumAddressLength}");
        foreach (char c in address)
            if (!(char.IsAsciiLetterOrDigit(c) || c == ' '))
                throw new ArgumentException($"device address \"{address}\" holds '{c}'; only 0-9, A-Z, a-z and space are allowed");
        return Encoding.ASCII.GetBytes("/?" + address + "!\r\n");
    }

    /// <summary>Acknowledgement/option select "ACK V Z Y CR LF" (§6.3.3): V='0' normal procedure; Y='0' readout, '1' programming.</summary>
    public static byte[] OptionSelect(int baud, bool programming) =>
        [ControlCharacters.Ack, (byte)'0', (byte)BaudRates.ToModeC(baud), (byte)(programming ? '1' : '0'), ControlCharacters.Cr, ControlCharacters.Lf];

    /// <summary>
    /// Programming command "SOH C D STX data ETX BCC" (§6.3.6), e.g. ("P1", "(00000000)"),
    /// ("R1", "1.8.0()"), ("W1", "0.8.0(15)"); with <paramref name="data"/> null: "SOH C D ETX BCC" (B0).
    /// </summary>
    public static byte[] Command(string command, string? data)
    {
        if (command.Length != 2) throw new ArgumentException("command is a letter and a digit, e.g. R1");
        var bytes = new List<byte> { ControlCharacters.Soh };
        bytes.AddRange(Encoding.ASCII.GetBytes(command));
        if (data != null)
        {
            bytes.Add(ControlCharacters.Stx);
            bytes.AddRange(Encoding.ASCII.GetBytes(data));
        }
        bytes.Add(ControlCharacters.Etx);
        bytes.Add(Bcc.OfMessage(bytes.ToArray()));
        return bytes.ToArray();
    }

    /// <summary>The break message "SOH B0 ETX BCC" = 01 42 30 03 71 (§6.3.6).</summary>
    public static byte[] Break() => Command("B0", null);

    /// <summary>A single ACK (positive acknowledge of a partial block).</summary>
    public static byte[] Ack() => [ControlCharacters.Ack];

    /// <summary>A single NAK (repeat request).</summary>
    public static byte[] Nak() => [ControlCharacters.Nak];
}
