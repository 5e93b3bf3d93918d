using Meter.Dlms.Tests.Support;

namespace Meter.Core.Tests;

/// <summary>The public client (SAP 16) associated with the meter's own COSEM server (<see cref="ElectricityMeter.Dlms"/>).</summary>
internal static class MeterCosemClient
{
    /// <summary>Green Book AARQ of the public client: LN, lowest level security, conformance 00 7E 1F, max PDU as given.</summary>
    public const string PublicAarqWithoutPdu = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F ";

    /// <summary>Associates and returns the APDU exchange (request → response).</summary>
    public static Func<byte[], byte[]> Associate(ElectricityMeter m, string maxPdu = "04 B0")
    {
        var response = new byte[4096];
        Func<byte[], byte[]> send = apdu => response[..m.Dlms.HandleApdu(16, apdu, 0, apdu.Length, response, 0, response.Length)];
        Assert.Equal(0x61, send(Hex.Bytes(PublicAarqWithoutPdu + maxPdu))[0]);
        return send;
    }
}
