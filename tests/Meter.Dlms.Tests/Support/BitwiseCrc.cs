namespace Meter.Dlms.Tests.Support;

/// <summary>
/// CRC-16/X.25 computed independently of the firmware's table: bit by bit in the non-reflected (MSB-first) form
/// with polynomial 0x1021 over bit-reversed bytes, then the result bit-reversed and inverted. Equivalent to the
/// reflected algorithm by construction, sharing no code with it.
/// </summary>
internal static class BitwiseCrc
{
    public static int Compute(IEnumerable<byte> data)
    {
        int crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc ^= Reverse8(b) << 8;
            for (int i = 0; i < 8; i++)
                crc = ((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1) & 0xFFFF;
        }
        return Reverse16(crc) ^ 0xFFFF;
    }

    /// <summary>Appends the check sequence LSB first, as on the wire.</summary>
    public static byte[] WithCrc(IEnumerable<byte> data)
    {
        var list = data.ToList();
        int crc = Compute(list);
        list.Add((byte)(crc & 0xFF));
        list.Add((byte)(crc >> 8));
        return list.ToArray();
    }

    private static int Reverse8(int b)
    {
        int r = 0;
        for (int i = 0; i < 8; i++) if ((b & (1 << i)) != 0) r |= 0x80 >> i;
        return r;
    }

    private static int Reverse16(int v)
    {
        int r = 0;
        for (int i = 0; i < 16; i++) if ((v & (1 << i)) != 0) r |= 0x8000 >> i;
        return r;
    }
}
