namespace Meter.Dlms
{
    /// <summary>
    /// The LLC sub-layer header in front of every APDU in an HDLC I frame (IEC 62056-46 LLC sub-layer,
    /// Green Book 8.4.5.4): destination LSAP 0xE6, source LSAP 0xE6 on commands (client to server) or 0xE7 on
    /// responses, LLC quality 0x00.
    /// </summary>
    public static class LlcHeader
    {
        /// <summary>Header length in bytes.</summary>
        public const int Length = 3;
        /// <summary>Destination LSAP (and source LSAP of a command).</summary>
        public const byte Lsap = 0xE6;
        /// <summary>Source LSAP of a response.</summary>
        public const byte ResponseSourceLsap = 0xE7;
        /// <summary>LLC quality, always 0.</summary>
        public const byte Quality = 0x00;

        /// <summary>True when buffer[offset..] starts with the command header E6 E6 00.</summary>
        public static bool IsCommand(byte[] buffer, int offset, int count)
            => count >= Length && buffer[offset] == Lsap && buffer[offset + 1] == Lsap && buffer[offset + 2] == Quality;

        /// <summary>Writes the response header E6 E7 00.</summary>
        /// <returns>The index after it.</returns>
        public static int WriteResponse(byte[] buffer, int offset)
        {
            buffer[offset] = Lsap;
            buffer[offset + 1] = ResponseSourceLsap;
            buffer[offset + 2] = Quality;
            return offset + Length;
        }
    }
}
