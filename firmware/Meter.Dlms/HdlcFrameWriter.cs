namespace Meter.Dlms
{
    /// <summary>
    /// Encodes HDLC frames type 3 (IEC 62056-46 / Green Book 8.4):
    /// flag 7E | format A/S/length | destination | source | control | [HCS | information] | FCS | flag 7E.
    /// The length counts the bytes between the flags; the HCS (over format..control) is present only with an
    /// information field; the FCS covers format..information.
    /// </summary>
    public static class HdlcFrameWriter
    {
        /// <summary>The opening and closing flag (Green Book 8.4).</summary>
        public const byte Flag = 0x7E;

        /// <summary>Largest value of the 11-bit length field.</summary>
        public const int MaxFrameLength = 0x7FF;

        /// <summary>Bytes a frame adds around its information field at most: 2 flags, format, 4 + 4 address bytes,
        /// control, HCS, FCS.</summary>
        public const int MaxOverhead = 2 + 2 + 4 + 4 + 1 + 2 + 2;

        /// <summary>Writes one frame at <paramref name="offset"/>.</summary>
        /// <returns>Number of bytes written, flags included.</returns>
        public static int Write(byte[] output, int offset,
            int destinationUpper, int destinationLower, int destinationSize,
            int sourceUpper, int sourceLower, int sourceSize,
            byte control, bool segmented, byte[] information, int informationOffset, int informationLength)
        {
            int headerLength = 2 + destinationSize + sourceSize + 1;
            int frameLength = informationLength > 0 ? headerLength + 2 + informationLength + 2 : headerLength + 2;
            if (frameLength > MaxFrameLength)
                throw new System.ArgumentOutOfRangeException(nameof(informationLength), "HDLC frame longer than the 11-bit length field");
            int start = offset + 1;
            output[offset] = Flag;
            // Format field (Green Book 8.4): type 1010, segmentation bit S, 11-bit frame length.
            output[start] = (byte)(0xA0 | (segmented ? 0x08 : 0) | (frameLength >> 8));
            output[start + 1] = (byte)(frameLength & 0xFF);
            int at = HdlcAddress.Write(output, start + 2, destinationUpper, destinationLower, destinationSize);
            at = HdlcAddress.Write(output, at, sourceUpper, sourceLower, sourceSize);
            output[at++] = control;
            if (informationLength > 0)
            {
                at = Crc16X25.Append(output, start, at - start); // HCS
                System.Array.Copy(information, informationOffset, output, at, informationLength);
                at += informationLength;
            }
            at = Crc16X25.Append(output, start, at - start); // FCS
            output[at++] = Flag;
            return at - offset;
        }
    }
}
