namespace Meter.Tool.Dlms;

/// <summary>
/// One HDLC frame of format type 3 (Green Book 8.4): flag 7E, format field (A, S bit, 11-bit length), destination
/// and source addresses (extension bit 0 = more bytes follow), control, HCS when there is information, information,
/// FCS, flag. Built by <see cref="Write"/> and parsed by <see cref="TryParse"/> on the client side.
/// </summary>
public sealed record HdlcFrame(byte[] Destination, byte[] Source, byte Control, bool Segmented, byte[] Information)
{
    /// <summary>The opening and closing flag.</summary>
    public const byte Flag = 0x7E;

    /// <summary>Control field values (ISO/IEC 13239; poll/final bit 0x10 included where the client always sets it).</summary>
    public const byte Snrm = 0x93, Disc = 0x53, Ua = 0x73, Dm = 0x1F, Frmr = 0x97;

    /// <summary>A client address (1 byte: SAP shifted left, extension bit set).</summary>
    public static byte[] ClientAddress(int sap) => [(byte)((sap << 1) | 1)];

    /// <summary>A server address: 1 byte (logical device only) when <paramref name="physical"/> is null, else 4 bytes (14 bits each: upper = logical, lower = physical).</summary>
    public static byte[] ServerAddress(int logical, int? physical)
    {
        if (physical is not int lower) return [(byte)((logical << 1) | 1)];
        return [(byte)((logical >> 7) << 1), (byte)((logical & 0x7F) << 1), (byte)((lower >> 7) << 1), (byte)(((lower & 0x7F) << 1) | 1)];
    }

    /// <summary>I frame control: N(R), poll, N(S).</summary>
    public static byte InformationControl(int sendSequence, int receiveSequence) => (byte)((receiveSequence << 5) | 0x10 | (sendSequence << 1));

    /// <summary>RR with poll and N(R).</summary>
    public static byte ReceiveReady(int receiveSequence) => (byte)((receiveSequence << 5) | 0x11);

    /// <summary>The frame with flags, HCS and FCS.</summary>
    public byte[] Write()
    {
        int headerLength = 2 + Destination.Length + Source.Length + 1;
        int length = headerLength + (Information.Length > 0 ? 2 + Information.Length : 0) + 2;
        if (length > 0x7FF) throw new DlmsException($"HDLC: a frame of {length} bytes does not fit the 11-bit length field");
        var frame = new List<byte>(length + 2) { Flag, (byte)(0xA0 | (Segmented ? 0x08 : 0) | (length >> 8)), (byte)length };
        frame.AddRange(Destination);
        frame.AddRange(Source);
        frame.Add(Control);
        if (Information.Length > 0)
        {
            AddCheck(frame, HdlcCrc.Compute(frame.ToArray().AsSpan(1)));
            frame.AddRange(Information);
        }
        AddCheck(frame, HdlcCrc.Compute(frame.ToArray().AsSpan(1)));
        frame.Add(Flag);
        return [.. frame];
    }

    private static void AddCheck(List<byte> frame, ushort check)
    {
        frame.Add((byte)check);
        frame.Add((byte)(check >> 8));
    }

    /// <summary>Parses the bytes between the flags (format field to FCS); null with <paramref name="error"/> when they are not a valid frame.</summary>
    public static HdlcFrame? TryParse(byte[] body, out string? error)
    {
        error = null;
        if (body.Length < 7 || (body[0] & 0xF0) != 0xA0) { error = "not a type 3 frame"; return null; }
        int length = ((body[0] & 0x07) << 8) | body[1];
        if (length != body.Length) { error = $"length field {length}, {body.Length} bytes received"; return null; }
        if (HdlcCrc.Compute(body.AsSpan(0, body.Length - 2)) != (body[^2] | (body[^1] << 8))) { error = "bad FCS"; return null; }
        int at = 2;
        byte[]? destination = Address(body, ref at), source = Address(body, ref at);
        if (destination == null || source == null || at >= body.Length - 2) { error = "bad address field"; return null; }
        byte control = body[at++];
        byte[] information = [];
        int rest = body.Length - 2 - at;
        if (rest > 0)
        {
            if (rest < 2 || HdlcCrc.Compute(body.AsSpan(0, at)) != (body[at] | (body[at + 1] << 8))) { error = "bad HCS"; return null; }
            information = body.AsSpan(at + 2, rest - 2).ToArray();
        }
        return new HdlcFrame(destination, source, control, (body[0] & 0x08) != 0, information);
    }

    private static byte[]? Address(byte[] body, ref int at)
    {
        int start = at;
        while (at < body.Length - 2 && at - start < 4)
            if ((body[at++] & 1) != 0) return body.AsSpan(start, at - start).ToArray();
        return null;
    }
}
