using System.Text;

namespace Meter.Tool.Dlms;

/// <summary>
/// Builds the AARQ and reads the AARE (Green Book ACSE, BER encoded) for LN referencing without ciphering: the public
/// client (lowest level security) or a client with low level security (LLS, a password).
/// </summary>
public static class Association
{
    /// <summary>application-context-name: Logical_Name_Referencing_No_Ciphering (2.16.756.5.8.1.1).</summary>
    public static readonly byte[] LnNoCiphering = [0x60, 0x85, 0x74, 0x05, 0x08, 0x01, 0x01];
    /// <summary>mechanism-name: COSEM_lowest_level_security... low_level_security (2.16.756.5.8.2.1).</summary>
    public static readonly byte[] LowLevelSecurity = [0x60, 0x85, 0x74, 0x05, 0x08, 0x02, 0x01];

    /// <summary>The conformance this client proposes: block transfer with get and set, multiple references, get, set, selective access, action.</summary>
    public const int Conformance = 0x001A1D;

    /// <summary>The AARQ; <paramref name="password"/> null for no authentication.</summary>
    public static byte[] Request(string? password, int maxReceivePdu)
    {
        var body = new List<byte> { 0xA1, 0x09, 0x06, 0x07 };
        body.AddRange(LnNoCiphering);
        if (password != null)
        {
            byte[] secret = Encoding.ASCII.GetBytes(password);
            body.AddRange([0x8A, 0x02, 0x07, 0x80]); // sender-acse-requirements: authentication
            body.AddRange([0x8B, 0x07]);
            body.AddRange(LowLevelSecurity);
            body.AddRange([0xAC, (byte)(secret.Length + 2), 0x80, (byte)secret.Length]); // calling-authentication-value: charstring
            body.AddRange(secret);
        }
        // user-information: octet string holding the xDLMS InitiateRequest (tag 01; no dedicated key, response-allowed
        // default, no quality of service; version 6; conformance [APPLICATION 31] 24 bits; client-max-receive-pdu-size).
        byte[] initiate = [0x01, 0x00, 0x00, 0x00, 0x06, 0x5F, 0x1F, 0x04, 0x00,
            (byte)(Conformance >> 16), unchecked((byte)(Conformance >> 8)), unchecked((byte)Conformance), (byte)(maxReceivePdu >> 8), (byte)maxReceivePdu];
        body.AddRange([0xBE, (byte)(initiate.Length + 2), 0x04, (byte)initiate.Length]);
        body.AddRange(initiate);
        return [0x60, (byte)body.Count, .. body];
    }

    /// <summary>What the AARE says: accepted (with the server's max PDU and conformance) or why not.</summary>
    public sealed record Response(bool Accepted, string Reason, int ServerMaxPdu, int NegotiatedConformance);

    /// <summary>Reads an AARE; an APDU that is no AARE is an error.</summary>
    public static Response ReadResponse(byte[] apdu)
    {
        if (apdu.Length >= 3 && apdu[0] == 0xD8) throw new DlmsException(DataAccessResults.Exception(apdu[1], apdu[2]));
        if (apdu.Length < 2 || apdu[0] != 0x61) throw new DlmsException($"association: expected an AARE (61), the meter sent {Convert.ToHexString(apdu.AsSpan(0, Math.Min(8, apdu.Length)))}");
        int result = -1, diagnostic = 0, maxPdu = 0, conformance = 0;
        string? initiateError = null;
        foreach (var (tag, content) in Elements(apdu, 2))
        {
            if (tag == 0xA2) result = LastInteger(content);
            else if (tag == 0xA3) diagnostic = LastInteger(content);
            else if (tag == 0xBE && content.Length > 2 && content[0] == 0x04)
            {
                byte[] user = content[2..];
                if (user.Length >= 14 && user[0] == 0x08) // InitiateResponse
                {
                    conformance = (user[7] << 16) | (user[8] << 8) | user[9];
                    maxPdu = (user[10] << 8) | user[11];
                }
                else if (user.Length >= 4 && user[0] == 0x0E) // ConfirmedServiceError, initiateError
                    initiateError = user[^1] switch
                    {
                        0 => "initiate error: other (0)", 1 => "initiate error: DLMS version too low (1)", 2 => "initiate error: incompatible conformance (2)",
                        3 => "initiate error: PDU size too short (3)", _ => $"initiate error {user[^1]}",
                    };
            }
        }
        if (result == 0 && initiateError == null) return new Response(true, "accepted", maxPdu, conformance);
        // The ACSE diagnostic is the more specific reason (e.g. a wrong password); an initiate error explains a
        // rejection without one (xDLMS ConfirmedServiceError in the user-information).
        string reason = diagnostic > 1 || initiateError == null ? DataAccessResults.AcseDiagnostic(diagnostic) : initiateError;
        if (result == 0) reason = initiateError!;
        return new Response(false, reason, maxPdu, conformance);
    }

    // The BER elements of the AARE: tag, length (short form, or 81 xx), content.
    private static IEnumerable<(byte Tag, byte[] Content)> Elements(byte[] apdu, int at)
    {
        while (at + 1 < apdu.Length)
        {
            byte tag = apdu[at++];
            int length = apdu[at++];
            if (length == 0x81 && at < apdu.Length) length = apdu[at++];
            if (at + length > apdu.Length) throw new DlmsException("association: the AARE is truncated");
            yield return (tag, apdu[at..(at + length)]);
            at += length;
        }
    }

    // result ::= A2 03 02 01 rr; diagnostic ::= A3 05 A1 03 02 01 dd: the last byte is the value.
    private static int LastInteger(byte[] content) => content.Length > 0 ? content[^1] : -1;
}
