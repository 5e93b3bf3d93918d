namespace Meter.Dlms.Tests.Support;

/// <summary>
/// Builds HDLC frames type 3 in the test from their fields, with HCS/FCS from <see cref="BitwiseCrc"/>, so that
/// expectations do not come from the firmware's own writer. Addresses are given as the bytes on the wire.
/// </summary>
internal static class FrameBuilder
{
    public static byte[] Build(byte[] destination, byte[] source, byte control, byte[]? information = null, bool segmented = false)
    {
        information ??= Array.Empty<byte>();
        int headerLength = 2 + destination.Length + source.Length + 1;
        int length = information.Length > 0 ? headerLength + 2 + information.Length + 2 : headerLength + 2;
        var header = new List<byte> { (byte)(0xA0 | (segmented ? 0x08 : 0) | (length >> 8)), (byte)length };
        header.AddRange(destination);
        header.AddRange(source);
        header.Add(control);
        var body = information.Length > 0 ? BitwiseCrc.WithCrc(header).Concat(information).ToList() : header;
        var frame = new List<byte> { 0x7E };
        frame.AddRange(BitwiseCrc.WithCrc(body));
        frame.Add(0x7E);
        return frame.ToArray();
    }

    /// <summary>One-byte client address 0x10 (public client) → 0x21; one-byte server address 1 → 0x03.</summary>
    public static readonly byte[] Server1 = { 0x03 };
    public static readonly byte[] Client16 = { 0x21 };
}
