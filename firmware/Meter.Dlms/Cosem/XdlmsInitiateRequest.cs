namespace Meter.Dlms
{
    /// <summary>
    /// The xDLMS InitiateRequest carried in the AARQ's user-information (Green Book, xDLMS: InitiateRequest ::=
    /// SEQUENCE { dedicated-key OCTET STRING OPTIONAL, response-allowed BOOLEAN DEFAULT TRUE,
    /// proposed-quality-of-service [0] IMPLICIT Integer8 OPTIONAL, proposed-dlms-version-number Unsigned8,
    /// proposed-conformance Conformance, client-max-receive-pdu-size Unsigned16 }, A-XDR encoded).
    /// </summary>
    public sealed class XdlmsInitiateRequest
    {
        public bool DedicatedKeyPresent { get; private set; }
        public bool ResponseAllowed { get; private set; }
        public int ProposedVersion { get; private set; }
        /// <summary>24 bits, see <see cref="XdlmsConformance"/>.</summary>
        public int ProposedConformance { get; private set; }
        public int ClientMaxReceivePduSize { get; private set; }

        /// <summary>Reads it from the reader's whole input; false when malformed (wrong tag, truncated, trailing
        /// bytes).</summary>
        public bool Parse(AxdrReader reader)
        {
            DedicatedKeyPresent = false;
            ResponseAllowed = true;
            if (reader.ReadByte() != CosemApduTag.InitiateRequest) return false;
            int flag = reader.ReadByte();
            if (flag == 1)
            {
                DedicatedKeyPresent = true;
                reader.Skip(reader.ReadLength());
            }
            else if (flag != 0) return false;
            flag = reader.ReadByte(); // DEFAULT TRUE: 00 = default, 01 = the value follows
            if (flag == 1) ResponseAllowed = reader.ReadByte() != 0;
            else if (flag != 0) return false;
            flag = reader.ReadByte();
            if (flag == 1) reader.Skip(1);
            else if (flag != 0) return false;
            ProposedVersion = reader.ReadByte();
            // Conformance ::= [APPLICATION 31] IMPLICIT BIT STRING (SIZE(24)): 5F 1F, length 4, unused bits 0, 3 bytes.
            if (reader.ReadByte() != 0x5F || reader.ReadByte() != 0x1F || reader.ReadByte() != 0x04) return false;
            reader.Skip(1);
            ProposedConformance = (int)reader.ReadBigEndian(3);
            ClientMaxReceivePduSize = (int)reader.ReadBigEndian(2);
            return !reader.Failed && reader.Remaining == 0;
        }
    }
}
