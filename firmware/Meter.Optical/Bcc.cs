namespace Meter.Optical
{
    /// <summary>
    /// Block check character (IEC 62056-21:2002 §6.3, ISO/IEC 1745): the exclusive OR of every
    /// character after the first SOH or STX of a message, up to and including the ETX or EOT
    /// that ends the block. 7-bit characters, so the BCC is 7 bits too.
    /// </summary>
    public static class Bcc
    {
        /// <summary>XOR of <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public static byte Compute(byte[] buffer, int offset, int count)
        {
            int bcc = 0;
            for (int i = offset; i < offset + count; i++) bcc ^= buffer[i];
            return (byte)(bcc & 0x7F);
        }
    }
}
