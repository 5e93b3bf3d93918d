namespace Meter.Tool.Dlms;

/// <summary>
/// HCS/FCS of HDLC frames (IEC 62056-46, Green Book 8.4; ISO/IEC 13239): CRC-16/X.25 — polynomial x^16+x^12+x^5+1
/// processed reflected (0x8408), initial value 0xFFFF, final complement; sent least significant byte first.
/// </summary>
public static class HdlcCrc
{
    /// <summary>The check value of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        int crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
        }
        return (ushort)(crc ^ 0xFFFF);
    }
}
