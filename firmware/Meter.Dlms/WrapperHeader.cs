namespace Meter.Dlms
{
    /// <summary>
    /// The IEC 62056-47 wrapper (Green Book, TCP-UDP based communication profile: the wrapper sub-layer): every APDU
    /// on TCP or UDP carries an 8-byte header, all fields big-endian: version 0x0001, source wPort, destination wPort,
    /// length of the APDU that follows.
    /// </summary>
    public static class WrapperHeader
    {
        /// <summary>Header length in bytes.</summary>
        public const int Length = 8;
        /// <summary>The only wrapper version defined.</summary>
        public const int Version = 0x0001;
        /// <summary>The IANA-registered DLMS/COSEM port (TCP and UDP).</summary>
        public const int DefaultTcpPort = 4059;

        /// <summary>Client wPorts reserved by IEC 62056-47: the client management process and the public client.</summary>
        public const int ClientManagement = 0x0001, PublicClient = 0x0010;
        /// <summary>Server wPorts reserved by IEC 62056-47: the management logical device and all stations.</summary>
        public const int ManagementLogicalDevice = 0x0001, AllStations = 0x007F;

        /// <summary>Writes the header for an APDU of <paramref name="apduLength"/> bytes.</summary>
        /// <returns>The index after the header.</returns>
        public static int Write(byte[] buffer, int offset, int sourcePort, int destinationPort, int apduLength)
        {
            if (sourcePort < 0 || sourcePort > 0xFFFF) throw new System.ArgumentOutOfRangeException(nameof(sourcePort), "wPort 0..65535");
            if (destinationPort < 0 || destinationPort > 0xFFFF) throw new System.ArgumentOutOfRangeException(nameof(destinationPort), "wPort 0..65535");
            if (apduLength < 0 || apduLength > 0xFFFF) throw new System.ArgumentOutOfRangeException(nameof(apduLength), "APDU length 0..65535");
            WriteUInt16(buffer, offset, Version);
            WriteUInt16(buffer, offset + 2, sourcePort);
            WriteUInt16(buffer, offset + 4, destinationPort);
            WriteUInt16(buffer, offset + 6, apduLength);
            return offset + Length;
        }

        /// <summary>A big-endian 16-bit field.</summary>
        public static int ReadUInt16(byte[] buffer, int offset) => (buffer[offset] << 8) | buffer[offset + 1];

        private static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 8);
            buffer[offset + 1] = (byte)value;
        }
    }
}
