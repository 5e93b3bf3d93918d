namespace Meter.Dlms.Tests.Support;

/// <summary>A <see cref="CosemServer"/> over <see cref="TestCosemObjects"/>, fed APDUs directly as a link would.</summary>
internal sealed class CosemHarness
{
    public readonly TestCosemObjects Objects;
    public readonly TestPasswords Passwords = new();
    public readonly CosemServer Server;
    public readonly byte[] Response = new byte[2048];

    // AARQs built from the Green Book's layout: application-context-name LN no ciphering, then (LLS)
    // sender-acse-requirements, mechanism-name, calling-authentication-value, then user-information with
    // InitiateRequest: no dedicated key, response-allowed default, no QoS, version 6, conformance, max PDU.
    public const string PublicAarq = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0";

    public static string LlsAarq(string passwordHex, string conformance = "00 7E 1F", string maxPdu = "04 B0")
    {
        int passwordLength = Hex.Bytes(passwordHex).Length;
        string body = "A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 "
            + $"AC {passwordLength + 2:X2} 80 {passwordLength:X2} {passwordHex} "
            + $"BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 {conformance} {maxPdu}";
        return $"60 {Hex.Bytes(body).Length:X2} {body}";
    }

    public static readonly string GoodPassword = "31 32 33 34 35 36 37 38";

    public CosemHarness(int extraRegisters = 0, CosemServerSettings? settings = null)
    {
        Objects = new TestCosemObjects(extraRegisters);
        Server = new CosemServer(Objects, Passwords, settings ?? new CosemServerSettings());
    }

    /// <summary>Sends an APDU from client <paramref name="sap"/>; the answer in hex (empty for none).</summary>
    public string Send(string apduHex, int sap = 16)
    {
        var apdu = Hex.Bytes(apduHex);
        int n = Server.HandleApdu(sap, apdu, 0, apdu.Length, Response, 0, Response.Length);
        return Hex.Of(Response, 0, n);
    }

    public byte[] SendBytes(byte[] apdu, int sap)
    {
        int n = Server.HandleApdu(sap, apdu, 0, apdu.Length, Response, 0, Response.Length);
        return Response[..n];
    }

    public void AssociatePublic() => Assert.StartsWith("6129", Send(PublicAarq));

    public void AssociateManagement() => Assert.StartsWith("6136", Send(LlsAarq(GoodPassword), 1));
}
