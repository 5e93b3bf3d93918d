namespace Meter.Dlms
{
    /// <summary>
    /// The HDLC parameter negotiation field carried by SNRM and UA (Green Book 8.4, IEC 62056-46,
    /// ISO/IEC 13239): format identifier 0x81, group identifier 0x80, group length, then parameters
    /// (identifier, length, big-endian value): 0x05 maximum information field length transmit, 0x06 receive,
    /// 0x07 window size transmit, 0x08 receive. Each station states its own transmit/receive values; a missing
    /// parameter keeps its default (128 bytes, window 1).
    /// </summary>
    public static class HdlcParameterNegotiation
    {
        /// <summary>Format identifier of the negotiation field.</summary>
        public const byte FormatIdentifier = 0x81;
        /// <summary>Group identifier of the HDLC parameter set.</summary>
        public const byte GroupIdentifier = 0x80;
        /// <summary>Parameter identifiers.</summary>
        public const byte MaxInformationTransmitId = 0x05, MaxInformationReceiveId = 0x06, WindowTransmitId = 0x07, WindowReceiveId = 0x08;

        /// <summary>Length of the UA's negotiation field as <see cref="WriteAnswer"/> writes it with lengths up to 255.</summary>
        public const int ShortAnswerLength = 3 + 3 + 3 + 6 + 6;

        /// <summary>Reads a SNRM's information field (empty = defaults) into <paramref name="proposal"/>, the client's view.</summary>
        public static HdlcParameterError ParseProposal(byte[] buffer, int offset, int length, HdlcLinkParameters proposal)
        {
            proposal.SetDefaults();
            if (length == 0) return HdlcParameterError.None;
            if (buffer[offset] != FormatIdentifier) return HdlcParameterError.BadFormatIdentifier;
            if (length < 3) return HdlcParameterError.GroupLengthMismatch;
            if (buffer[offset + 1] != GroupIdentifier) return HdlcParameterError.BadGroupIdentifier;
            if (buffer[offset + 2] != length - 3) return HdlcParameterError.GroupLengthMismatch;
            int at = offset + 3, end = offset + length;
            while (at < end)
            {
                if (end - at < 2) return HdlcParameterError.GroupLengthMismatch;
                byte id = buffer[at];
                int valueLength = buffer[at + 1];
                at += 2;
                if (valueLength < 1 || valueLength > 4) return HdlcParameterError.BadParameterLength;
                if (end - at < valueLength) return HdlcParameterError.GroupLengthMismatch;
                long value = 0;
                for (int i = 0; i < valueLength; i++) value = (value << 8) | buffer[at + i];
                at += valueLength;
                switch (id)
                {
                    case MaxInformationTransmitId:
                    case MaxInformationReceiveId:
                        if (value < 1) return HdlcParameterError.ValueOutOfRange;
                        // Longer than an 11-bit frame can carry: the minimum below makes it the server's limit anyway.
                        int length32 = value > HdlcFrameWriter.MaxFrameLength ? HdlcFrameWriter.MaxFrameLength : (int)value;
                        if (id == MaxInformationTransmitId) proposal.MaxInformationTransmit = length32;
                        else proposal.MaxInformationReceive = length32;
                        break;
                    case WindowTransmitId:
                    case WindowReceiveId:
                        if (value < 1 || value > 7) return HdlcParameterError.ValueOutOfRange;
                        if (id == WindowTransmitId) proposal.WindowTransmit = (int)value;
                        else proposal.WindowReceive = (int)value;
                        break;
                    // Other parameters of the ISO/IEC 13239 set are not used by DLMS: skipped.
                }
            }
            return HdlcParameterError.None;
        }

        /// <summary>The server's values (its view) from the client's proposal (the client's view) and the server's
        /// limits: what the server sends is at most what the client receives, and the other way round.</summary>
        public static void Negotiate(HdlcLinkParameters clientProposal, HdlcLinkParameters serverLimits, HdlcLinkParameters server)
        {
            server.MaxInformationTransmit = Min(clientProposal.MaxInformationReceive, serverLimits.MaxInformationTransmit);
            server.MaxInformationReceive = Min(clientProposal.MaxInformationTransmit, serverLimits.MaxInformationReceive);
            server.WindowTransmit = Min(clientProposal.WindowReceive, serverLimits.WindowTransmit);
            server.WindowReceive = Min(clientProposal.WindowTransmit, serverLimits.WindowReceive);
        }

        /// <summary>Writes the UA's negotiation field with the server's values (its view); lengths take 1 byte up to
        /// 255, else 2; windows 4 bytes, as the Green Book's examples show.</summary>
        /// <returns>The index after the field.</returns>
        public static int WriteAnswer(byte[] buffer, int offset, HdlcLinkParameters server)
        {
            buffer[offset] = FormatIdentifier;
            buffer[offset + 1] = GroupIdentifier;
            int at = offset + 3;
            at = WriteParameter(buffer, at, MaxInformationTransmitId, server.MaxInformationTransmit, server.MaxInformationTransmit > 0xFF ? 2 : 1);
            at = WriteParameter(buffer, at, MaxInformationReceiveId, server.MaxInformationReceive, server.MaxInformationReceive > 0xFF ? 2 : 1);
            at = WriteParameter(buffer, at, WindowTransmitId, server.WindowTransmit, 4);
            at = WriteParameter(buffer, at, WindowReceiveId, server.WindowReceive, 4);
            buffer[offset + 2] = (byte)(at - offset - 3);
            return at;
        }

        private static int WriteParameter(byte[] buffer, int at, byte id, int value, int size)
        {
            buffer[at++] = id;
            buffer[at++] = (byte)size;
            for (int i = size - 1; i >= 0; i--) buffer[at++] = (byte)(value >> (8 * i));
            return at;
        }

        private static int Min(int a, int b) => a < b ? a : b;
    }
}
