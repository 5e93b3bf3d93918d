namespace Meter.Dlms
{
    /// <summary>
    /// The fields of an AARQ the server uses (Green Book, ACSE: AARQ-apdu ::= [APPLICATION 0] IMPLICIT SEQUENCE,
    /// BER encoded). Reused for every AARQ: <see cref="Parse"/> overwrites all fields; offsets point into the
    /// request buffer, valid during the call only.
    /// </summary>
    public sealed class AarqRequest
    {
        /// <summary>Longest calling-AP-title kept (a system title has 8 bytes).</summary>
        public const int MaxApTitleLength = 16;

        /// <summary>application-context-name's last arc (1 = LN no ciphering); -1 when absent or not a DLMS UA
        /// context.</summary>
        public int ApplicationContext { get; private set; }
        /// <summary>sender-acse-requirements has the authentication bit (bit 0).</summary>
        public bool AuthenticationRequested { get; private set; }
        /// <summary>mechanism-name's last arc (0 lowest, 1 LLS, 2.. HLS); -1 absent; -2 not a DLMS UA mechanism.</summary>
        public int Mechanism { get; private set; }
        /// <summary>calling-authentication-value (charstring): offset in the request, -1 when absent.</summary>
        public int PasswordOffset { get; private set; }
        /// <summary>Its length.</summary>
        public int PasswordLength { get; private set; }
        /// <summary>calling-AP-title (the client's system title, used by HLS): copied here.</summary>
        public readonly byte[] CallingApTitle = new byte[MaxApTitleLength];
        /// <summary>Its length (0 when absent).</summary>
        public int CallingApTitleLength { get; private set; }
        /// <summary>user-information's xDLMS APDU (the InitiateRequest): offset, -1 when absent.</summary>
        public int UserInformationOffset { get; private set; }
        /// <summary>Its length.</summary>
        public int UserInformationLength { get; private set; }

        /// <summary>Reads the AARQ at the reader's position; false when the BER is malformed.</summary>
        public bool Parse(AxdrReader reader)
        {
            ApplicationContext = -1;
            AuthenticationRequested = false;
            Mechanism = -1;
            PasswordOffset = -1;
            PasswordLength = 0;
            CallingApTitleLength = 0;
            UserInformationOffset = -1;
            UserInformationLength = 0;
            if (reader.ReadByte() != CosemApduTag.Aarq) return false;
            int length = reader.ReadLength();
            if (length < 0 || length != reader.Remaining) return false;
            while (reader.Remaining > 0)
            {
                int tag = reader.ReadByte();
                int fieldLength = reader.ReadLength();
                if (reader.Failed || fieldLength > reader.Remaining) return false;
                int end = reader.Position + fieldLength;
                if (!ParseField(reader, tag, fieldLength)) return false;
                if (reader.Position != end) return false; // the inner encoding disagrees with the field's length
            }
            return !reader.Failed;
        }

        private bool ParseField(AxdrReader reader, int tag, int length)
        {
            switch (tag)
            {
                case 0xA1: // application-context-name [1] EXPLICIT OBJECT IDENTIFIER
                    if (reader.ReadByte() != 0x06) return false;
                    ApplicationContext = ReadDlmsOid(reader, reader.ReadLength(), AcseConstants.ContextArc);
                    return !reader.Failed;
                case 0xA6: // calling-AP-title [6] EXPLICIT OCTET STRING
                {
                    if (reader.ReadByte() != 0x04) return false;
                    int titleLength = reader.ReadLength();
                    if (titleLength < 0 || titleLength > MaxApTitleLength || titleLength > reader.Remaining) return false;
                    System.Array.Copy(reader.Buffer, reader.Position, CallingApTitle, 0, titleLength);
                    CallingApTitleLength = titleLength;
                    reader.Skip(titleLength);
                    return true;
                }
                case 0x8A: // sender-acse-requirements [10] IMPLICIT BIT STRING { authentication (0) }
                    if (length < 1) return false;
                    reader.Skip(1); // unused bits
                    AuthenticationRequested = length > 1 && (reader.Buffer[reader.Position] & 0x80) != 0;
                    reader.Skip(length - 1);
                    return true;
                case 0x8B: // mechanism-name [11] IMPLICIT OBJECT IDENTIFIER
                    Mechanism = ReadDlmsOid(reader, length, AcseConstants.MechanismArc);
                    return !reader.Failed;
                case 0xAC: // calling-authentication-value [12] EXPLICIT, charstring [0] IMPLICIT GraphicString
                {
                    if (reader.ReadByte() != 0x80) return false; // other choices (bitstring, external) are not LLS
                    int passwordLength = reader.ReadLength();
                    if (passwordLength < 0 || passwordLength > reader.Remaining) return false;
                    PasswordOffset = reader.Position;
                    PasswordLength = passwordLength;
                    reader.Skip(passwordLength);
                    return true;
                }
                case 0xBE: // user-information [30] EXPLICIT Association-information (OCTET STRING)
                {
                    if (reader.ReadByte() != 0x04) return false;
                    int informationLength = reader.ReadLength();
                    if (informationLength < 0 || informationLength > reader.Remaining) return false;
                    UserInformationOffset = reader.Position;
                    UserInformationLength = informationLength;
                    reader.Skip(informationLength);
                    return true;
                }
                default: // protocol-version, called-*, calling-AE-*, implementation-information: not used
                    reader.Skip(length);
                    return true;
            }
        }

        // The last arc of 2.16.756.5.8.<arc>.<id>; -2 for any other identifier.
        private static int ReadDlmsOid(AxdrReader reader, int length, int arc)
        {
            if (length < 0 || length > reader.Remaining) { reader.Fail(AxdrError.Truncated); return -2; }
            byte[] prefix = AcseConstants.DlmsUaOidPrefix;
            bool match = length == prefix.Length + 2;
            for (int i = 0; match && i < prefix.Length; i++) match = reader.Buffer[reader.Position + i] == prefix[i];
            match = match && reader.Buffer[reader.Position + prefix.Length] == arc;
            int id = match ? reader.Buffer[reader.Position + prefix.Length + 1] : -2;
            if (id >= 0x80) id = -2; // a multi-byte arc: no DLMS UA name has one
            reader.Skip(length);
            return id;
        }
    }
}
