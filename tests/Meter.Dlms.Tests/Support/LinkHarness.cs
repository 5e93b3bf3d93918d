namespace Meter.Dlms.Tests.Support;

/// <summary>A server link with an echoing APDU handler, driven in virtual time by a test acting as the client
/// (client 0x10 → address byte 0x21, server logical device 1 → 0x03 unless another address is given).</summary>
internal sealed class LinkHarness : IFrameSink, IApduHandler
{
    public readonly HdlcServerLink Link;
    public readonly List<byte[]> Sent = new();
    public readonly List<byte[]> Apdus = new();
    public int LinkClosedCount;
    public long Now;
    public byte[] ServerAddress = FrameBuilder.Server1;
    public byte[] ClientAddress = FrameBuilder.Client16;

    public LinkHarness(Action<HdlcServerSettings>? configure = null)
    {
        var settings = new HdlcServerSettings { LogicalDevice = 1, PhysicalAddress = 0x11 };
        configure?.Invoke(settings);
        Link = new HdlcServerLink(settings, this, this);
    }

    public void Send(byte[] buffer, int offset, int count) => Sent.Add(buffer[offset..(offset + count)]);

    public int HandleApdu(int clientAddress, byte[] request, int offset, int count, byte[] response, int responseOffset, int responseCapacity)
    {
        var apdu = request[offset..(offset + count)];
        Apdus.Add(apdu);
        if (apdu.Length == 1 && apdu[0] == 0x00) return 0; // "no answer" request
        Array.Copy(apdu, 0, response, responseOffset, count);
        return count;
    }

    public void LinkClosed() => LinkClosedCount++;

    /// <summary>Feeds the bytes at the current virtual time and returns the frames the server sent meanwhile.</summary>
    public List<byte[]> Feed(byte[] bytes)
    {
        int before = Sent.Count;
        Link.Receive(bytes, 0, bytes.Length, Now);
        return Sent.Skip(before).ToList();
    }

    public byte[] Single(byte[] frame)
    {
        var answers = Feed(frame);
        Assert.Single(answers);
        return answers[0];
    }

    public byte[] Command(byte control, byte[]? information = null, bool segmented = false)
        => FrameBuilder.Build(ServerAddress, ClientAddress, control, information, segmented);

    public byte[] Connect(byte[]? parameters = null) => Single(Command(0x93, parameters));

    /// <summary>The fields of a frame the server sent, read by the decoder (its byte layout is tested separately).</summary>
    public static Decoded Decode(byte[] frame)
    {
        var decoder = new HdlcFrameDecoder(2000);
        HdlcDecodeStatus last = HdlcDecodeStatus.Pending;
        foreach (var b in frame) last = decoder.Push(b);
        Assert.Equal(HdlcDecodeStatus.FrameReady, last);
        var f = decoder.Frame;
        return new Decoded(f.Control, f.Segmented, f.Buffer[f.InformationOffset..(f.InformationOffset + f.InformationLength)],
            f.DestinationUpper, f.SourceUpper, f.SourceLower, f.SourceSize);
    }

    internal sealed record Decoded(byte Control, bool Segmented, byte[] Information, int Destination, int SourceUpper, int SourceLower, int SourceSize)
    {
        public int Ns => HdlcControl.SendSequence(Control);
        public int Nr => HdlcControl.ReceiveSequence(Control);
        public byte Kind => HdlcControl.Kind(Control);
    }
}
