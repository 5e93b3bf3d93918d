using System.Security.Cryptography;
using System.Text;

namespace Meter.Tool.Prepayment;

/// <summary>
/// The utility side of the meter's credit tokens (firmware/Meter.Core README "Prepayment tokens"), written apart from the
/// firmware with .NET's HMAC-SHA256: 16 bytes = CRC-32 of the meter number, low 16 bits (2) | sequence (3) | amount Wh (3) |
/// HMAC-SHA256(secret, bytes 0 … 7 + meter number ASCII) truncated to 8 bytes; sent as 32 hexadecimal characters.
/// </summary>
public static class CreditToken
{
    /// <summary>Largest sequence and amount (24 bits).</summary>
    public const long MaximumField = 0xFFFFFF;

    /// <summary>The token as 32 hexadecimal characters.</summary>
    public static string Create(byte[] secret, string meterNumber, long sequence, long amountWh)
    {
        if (secret.Length != 16) throw new ArgumentException("secret: 16 bytes (32 hexadecimal characters) expected");
        if (string.IsNullOrEmpty(meterNumber) || meterNumber.Length > 16 || meterNumber.Any(c => c > 127))
            throw new ArgumentException($"meter number \"{meterNumber}\": 1 … 16 ASCII characters expected");
        if (sequence < 1 || sequence > MaximumField) throw new ArgumentException($"sequence {sequence}: 1 … {MaximumField} expected");
        if (amountWh < 1 || amountWh > MaximumField) throw new ArgumentException($"amount {amountWh} Wh: 1 … {MaximumField} Wh expected");
        byte[] number = Encoding.ASCII.GetBytes(meterNumber);
        var token = new byte[16];
        Put(token, 0, 2, Crc32(number) & 0xFFFF);
        Put(token, 2, 3, sequence);
        Put(token, 5, 3, amountWh);
        byte[] mac = HMACSHA256.HashData(secret, token.Take(8).Concat(number).ToArray());
        Array.Copy(mac, 0, token, 8, 8);
        return Convert.ToHexString(token);
    }

    /// <summary>A secret from 32 hexadecimal characters (a file's content may carry white space around them).</summary>
    public static byte[] ParseSecret(string text)
    {
        text = text.Trim();
        if (text.Length != 32 || !text.All(Uri.IsHexDigit)) throw new ArgumentException("secret: 32 hexadecimal characters (16 bytes) expected");
        byte[] secret = Convert.FromHexString(text);
        if (secret.All(b => b == 0)) throw new ArgumentException("secret: all zero means \"no secret\" to the meter; choose another");
        return secret;
    }

    private static void Put(byte[] b, int offset, int count, long value)
    {
        for (int i = count - 1; i >= 0; i--, value >>= 8) b[offset + i] = (byte)value;
    }

    // CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bit by bit.
    private static long Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte d in data)
        {
            crc ^= d;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
