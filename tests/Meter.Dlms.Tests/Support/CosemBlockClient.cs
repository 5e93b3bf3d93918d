namespace Meter.Dlms.Tests.Support;

/// <summary>
/// A test client's side of GET (IEC 62056-5-3): Get-Request-Normal with an optional selective access, then
/// Get-Request-Next for each block until the last, the raw data joined; and a plain A-XDR Data parser whose tree
/// (long for integers and enums, byte[] for strings, object[] for arrays and structures) the tests compare.
/// Shared with Meter.Core.Tests (linked file).
/// </summary>
internal static class CosemBlockClient
{
    /// <summary>The Data of attribute <paramref name="attribute"/> (encoded), following blocks; a refusal throws
    /// with its data-access-result. <paramref name="blocks"/> = data blocks received (0 = one normal answer).</summary>
    public static byte[] Get(Func<byte[], byte[]> send, int classId, byte[] name, int attribute, byte[]? access, out int blocks)
    {
        var request = new List<byte> { 0xC0, 0x01, 0xC1, (byte)(classId >> 8), (byte)classId };
        request.AddRange(name);
        request.Add((byte)attribute);
        if (access == null) request.Add(0);
        else { request.Add(1); request.AddRange(access); }
        byte[] answer = send(request.ToArray());
        blocks = 0;
        if (answer[0] != 0xC4) throw new InvalidOperationException("not a GET response: " + Convert.ToHexString(answer));
        if (answer[1] == 0x01)
        {
            if (answer[3] != 0) throw new DataAccessException(answer[4]);
            return answer[4..];
        }
        var data = new List<byte>();
        while (true)
        {
            Assert.Equal(0x02, answer[1]); // Get-Response-With-Datablock
            bool last = answer[3] != 0;
            long number = (long)answer[4] << 24 | (long)answer[5] << 16 | (long)answer[6] << 8 | answer[7];
            Assert.Equal(blocks + 1, number);
            if (answer[8] != 0) throw new DataAccessException(answer[9]);
            int at = 9;
            int length = ReadLength(answer, ref at);
            Assert.Equal(answer.Length, at + length);
            data.AddRange(answer[at..]);
            blocks++;
            if (last) return data.ToArray();
            answer = send([0xC0, 0x02, 0xC1, (byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number]);
        }
    }

    /// <summary>Parses one Data; all of <paramref name="data"/> must be used.</summary>
    public static object Parse(byte[] data)
    {
        int at = 0;
        object value = Parse(data, ref at);
        Assert.Equal(data.Length, at);
        return value;
    }

    private static object Parse(byte[] d, ref int at)
    {
        int tag = d[at++];
        switch (tag)
        {
            case 0: return "null";
            case 1:
            case 2:
                int count = ReadLength(d, ref at);
                var items = new object[count];
                for (int i = 0; i < count; i++) items[i] = Parse(d, ref at);
                return items;
            case 9:
            case 10:
                int length = ReadLength(d, ref at);
                at += length;
                return d[(at - length)..at];
            case 5: at += 4; return (long)(int)Big(d, at - 4, 4);
            case 6: at += 4; return Big(d, at - 4, 4);
            case 15: return (long)(sbyte)d[at++];
            case 16: at += 2; return (long)(short)Big(d, at - 2, 2);
            case 17: case 22: return (long)d[at++];
            case 18: at += 2; return Big(d, at - 2, 2);
            case 20: at += 8; return Big(d, at - 8, 8);
            default: throw new InvalidOperationException($"tag {tag} not parsed");
        }
    }

    private static long Big(byte[] d, int at, int size)
    {
        long v = 0;
        for (int i = 0; i < size; i++) v = v << 8 | d[at + i];
        return v;
    }

    private static int ReadLength(byte[] d, ref int at)
    {
        int first = d[at++];
        if (first < 0x80) return first;
        int n = first & 0x7F, v = 0;
        for (int i = 0; i < n; i++) v = v << 8 | d[at++];
        return v;
    }

    /// <summary>A COSEM date-time octet string's fields as "yyyy-MM-dd HH:mm:ss dow D dev V st S".</summary>
    public static string DateTime(object value)
    {
        var b = (byte[])value;
        Assert.Equal(12, b.Length);
        return $"{b[0] << 8 | b[1]:0000}-{b[2]:00}-{b[3]:00} {b[5]:00}:{b[6]:00}:{b[7]:00} dow {b[4]} dev {(short)(b[9] << 8 | b[10])} st {b[11]:X2}";
    }

    /// <summary>A date-time octet string (A-XDR) with deviation <paramref name="deviation"/> (-32768 = not specified).</summary>
    public static string DateTimeHex(int year, int month, int day, int hour, int minute, int second, int deviation = -32768)
        => $"09 0C {year:X4} {month:X2} {day:X2} FF {hour:X2} {minute:X2} {second:X2} 00 {(ushort)(short)deviation:X4} 00";
}

/// <summary>A GET refused with a data-access-result.</summary>
internal sealed class DataAccessException(int result) : Exception($"data-access-result {result}")
{
    public int Result { get; } = result;
}
