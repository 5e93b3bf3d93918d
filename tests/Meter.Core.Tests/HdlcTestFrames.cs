using Meter.Dlms;

namespace Meter.Core.Tests;

/// <summary>
/// A DLMS client's HDLC frames as byte-exact literals (HCS/FCS CRC-16/X.25 computed outside the firmware) and the answers
/// the meter's HDLC server must give: client SAP 16 (one-byte address 0x21) to the management logical device 1 (one-byte
/// server address 0x03), the server's default limits (128-byte information fields, window 1).
/// </summary>
internal static class HdlcTestFrames
{
    public static readonly byte[] Snrm = Hex("7E A0 07 03 21 93 0F 01 7E");
    public static readonly byte[] Ua = Hex("7E A0 1E 21 03 73 C3 7A 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E");
    /// <summary>I frame N(S) 0 N(R) 0: the public client's AARQ (LN, no security) behind the LLC header E6 E6 00.</summary>
    public static readonly byte[] Aarq = Hex("7E A0 2B 03 21 10 FB AF E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0 CA EA 7E");
    /// <summary>The AARQ's APDU alone.</summary>
    public static readonly byte[] AarqApdu = Hex("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0");
    /// <summary>I frame N(S) 1 N(R) 1: Get-Request-Normal of 1-0:1.8.0 (class 3) attribute 2.</summary>
    public static readonly byte[] Get = Hex("7E A0 19 03 21 32 6F D8 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 32 68 7E");
    public static readonly byte[] Disc = Hex("7E A0 07 03 21 53 03 C7 7E");
    public static readonly byte[] UaToDisc = Hex("7E A0 07 21 03 73 01 40 7E");

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    /// <summary>The information field of the one frame in <paramref name="bytes"/>, after checking its control field.</summary>
    public static byte[] Information(byte[] bytes, byte control)
    {
        var decoder = new HdlcFrameDecoder(2000);
        HdlcDecodeStatus status = HdlcDecodeStatus.Pending;
        foreach (byte b in bytes) status = decoder.Push(b);
        Assert.Equal(HdlcDecodeStatus.FrameReady, status);
        HdlcFrame f = decoder.Frame;
        Assert.Equal(control, f.Control);
        return f.Buffer[f.InformationOffset..(f.InformationOffset + f.InformationLength)];
    }

    /// <summary>Checks an AARE (I frame N(S) 0 N(R) 1) accepting the association.</summary>
    public static void AssertAareAccepted(byte[] bytes)
    {
        byte[] aare = Information(bytes, 0x30);
        Assert.Equal(Hex("E6 E7 00 61"), aare[..4]);
        Assert.Contains("A203020100", Convert.ToHexString(aare)); // association-result accepted (0)
    }

    /// <summary>The Wh value of the Get-Response-Normal (I frame N(S) 1 N(R) 2) to <see cref="Get"/>.</summary>
    public static long EnergyOf(byte[] bytes)
    {
        byte[] get = Information(bytes, 0x52);
        Assert.Equal(Hex("E6 E7 00 C4 01 C1 00 06"), get[..8]); // data, double-long-unsigned
        Assert.Equal(12, get.Length);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(get.AsSpan(8));
    }
}
