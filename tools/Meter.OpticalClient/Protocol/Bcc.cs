namespace Meter.OpticalClient.Protocol;

/// <summary>
/// Block check character (IEC 62056-21:2002 §6.3, ISO/IEC 1745): XOR of every character after
/// the first SOH or STX of a message, up to and including the ETX or EOT that ends the block.
/// </summary>
public static class Bcc
{
    /// <summary>XOR of <paramref name="bytes"/>, 7 bits (the characters are 7-bit ASCII).</summary>
    public static byte Compute(ReadOnlySpan<byte> bytes)
    {
        int bcc = 0;
        foreach (byte b in bytes) bcc ^= b;
        return (byte)(bcc & 0x7F);
    }

    /// <summary>
    /// BCC of a whole message that starts with SOH or STX and ends with ETX/EOT (BCC excluded):
    /// the leading SOH/STX is skipped, everything after it is included (an embedded STX too).
    /// </summary>
    public static byte OfMessage(ReadOnlySpan<byte> messageWithoutBcc)
    {
        if (messageWithoutBcc.Length == 0 || (messageWithoutBcc[0] != ControlCharacters.Soh && messageWithoutBcc[0] != ControlCharacters.Stx))
            throw new ArgumentException("a BCC-protected message starts with SOH or STX");
        return Compute(messageWithoutBcc[1..]);
    }
}
