namespace Meter.Dlms
{
    /// <summary>
    /// Writes the AARE (Green Book, ACSE: AARE-apdu ::= [APPLICATION 1] IMPLICIT SEQUENCE, BER) with the xDLMS
    /// InitiateResponse or ConfirmedServiceError in its user-information, and the RLRE.
    /// </summary>
    public static class AareWriter
    {
        /// <summary>No user-information, an InitiateResponse, or a ConfirmedServiceError (initiateError).</summary>
        public const int UserInformationNone = 0, UserInformationInitiateResponse = 1, UserInformationError = 2;

        private const int InitiateResponseLength = 14; // 08 00 06 5F 1F 04 00 c c c m m 00 07
        private const int ConfirmedServiceErrorLength = 4; // 0E 01 06 code

        /// <summary>Writes an AARE.</summary>
        /// <param name="mechanism">Mechanism to name in responder-acse-requirements/mechanism-name (LLS), or -1.</param>
        /// <param name="userInformation">One of the UserInformation* kinds.</param>
        /// <param name="value">Negotiated conformance (InitiateResponse) or the initiate error code.</param>
        public static void Write(AxdrWriter writer, int result, int diagnostic, int mechanism, int userInformation,
            int value, int serverMaxPdu)
        {
            int informationLength = userInformation == UserInformationInitiateResponse ? InitiateResponseLength
                : userInformation == UserInformationError ? ConfirmedServiceErrorLength : 0;
            int oidLength = AcseConstants.DlmsUaOidPrefix.Length + 2;
            int length = (4 + oidLength) + 5 + 7;
            if (mechanism >= 0) length += 4 + 2 + oidLength;
            if (informationLength > 0) length += 4 + informationLength;
            writer.WriteByte(CosemApduTag.Aare);
            writer.WriteLength(length);
            writer.WriteByte(0xA1); // application-context-name
            writer.WriteByte(2 + oidLength);
            writer.WriteByte(0x06);
            WriteOid(writer, AcseConstants.ContextArc, AcseConstants.ContextLnNoCiphering);
            writer.WriteByte(0xA2); writer.WriteByte(3); // result [2] EXPLICIT INTEGER
            writer.WriteByte(0x02); writer.WriteByte(1); writer.WriteByte(result);
            writer.WriteByte(0xA3); writer.WriteByte(5); // result-source-diagnostic [3], acse-service-user [1]
            writer.WriteByte(0xA1); writer.WriteByte(3);
            writer.WriteByte(0x02); writer.WriteByte(1); writer.WriteByte(diagnostic);
            if (mechanism >= 0)
            {
                writer.WriteByte(0x88); writer.WriteByte(2); // responder-acse-requirements: authentication
                writer.WriteByte(0x07); writer.WriteByte(0x80);
                writer.WriteByte(0x89); // mechanism-name [9] IMPLICIT OBJECT IDENTIFIER
                WriteOid(writer, AcseConstants.MechanismArc, mechanism);
            }
            if (informationLength == 0) return;
            writer.WriteByte(0xBE); writer.WriteByte(2 + informationLength); // user-information
            writer.WriteByte(0x04); writer.WriteByte(informationLength);
            if (userInformation == UserInformationInitiateResponse)
            {
                // InitiateResponse ::= SEQUENCE { negotiated-quality-of-service [0] OPTIONAL (absent),
                // negotiated-dlms-version-number, negotiated-conformance, server-max-receive-pdu-size, vaa-name }
                writer.WriteByte(CosemApduTag.InitiateResponse);
                writer.WriteByte(0x00);
                writer.WriteByte(AcseConstants.DlmsVersion);
                writer.WriteByte(0x5F); writer.WriteByte(0x1F); writer.WriteByte(0x04); writer.WriteByte(0x00);
                writer.WriteBigEndian(value, 3);
                writer.WriteBigEndian(serverMaxPdu, 2);
                writer.WriteBigEndian(AcseConstants.VaaNameLn, 2);
            }
            else
            {
                // ConfirmedServiceError ::= CHOICE { initiateError [1] ServiceError }, ServiceError initiate [6]
                writer.WriteByte(CosemApduTag.ConfirmedServiceError);
                writer.WriteByte(0x01);
                writer.WriteByte(0x06);
                writer.WriteByte(value);
            }
        }

        /// <summary>RLRE with reason normal (0) (Green Book, ACSE: RLRE-apdu ::= [APPLICATION 3]).</summary>
        public static void WriteRelease(AxdrWriter writer)
        {
            writer.WriteByte(CosemApduTag.Rlre);
            writer.WriteByte(3);
            writer.WriteByte(0x80); writer.WriteByte(1); writer.WriteByte(0x00);
        }

        // Length byte, then 2.16.756.5.8.<arc>.<id>.
        private static void WriteOid(AxdrWriter writer, int arc, int id)
        {
            byte[] prefix = AcseConstants.DlmsUaOidPrefix;
            writer.WriteByte(prefix.Length + 2);
            writer.WriteBytes(prefix, 0, prefix.Length);
            writer.WriteByte(arc);
            writer.WriteByte(id);
        }
    }
}
