using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests;

/// <summary>No allocation per frame after construction, and no exception from any input.</summary>
[Collection(AllocationMeasurement.Collection)]
public class RobustnessTests
{
    private sealed class QuietPeer : IFrameSink, IApduHandler
    {
        public readonly HdlcFrameDecoder Client = new(2000);
        public int LastControl = -1, LastInformationLength, Frames, Answers;
        public bool LastSegmented;

        public void Send(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
                if (Client.Push(buffer[offset + i]) == HdlcDecodeStatus.FrameReady)
                {
                    Frames++;
                    LastControl = Client.Frame.Control;
                    LastSegmented = Client.Frame.Segmented;
                    LastInformationLength = Client.Frame.InformationLength;
                }
        }

        public int HandleApdu(int clientAddress, byte[] request, int offset, int count, byte[] response, int responseOffset, int responseCapacity)
        {
            Answers++;
            Array.Copy(request, offset, response, responseOffset, count);
            return count;
        }

        public void LinkClosed() { }
    }

    [Fact]
    public void A_segmented_600_byte_exchange_allocates_nothing_after_construction()
    {
        var peer = new QuietPeer();
        var link = new HdlcServerLink(new HdlcServerSettings(), peer, peer);
        var wire = new byte[] { 0xE6, 0xE6, 0x00 }.Concat(new byte[600]).ToArray();
        // All client frames prepared before measuring.
        var frames = new List<byte[]> { FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x93) };
        int ns = 0;
        for (int offset = 0; offset < wire.Length; offset += 128, ns++)
        {
            int length = Math.Min(128, wire.Length - offset);
            frames.Add(FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, HdlcControl.Information(ns, 0, true),
                wire[offset..(offset + length)], offset + length < wire.Length));
        }
        for (int nr = 1; nr <= 5; nr++)
            frames.Add(FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, HdlcControl.Supervisory(HdlcControl.RR, nr, true)));
        frames.Add(FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x53));

        void Exchange() { foreach (var f in frames) link.Receive(f, 0, f.Length, 0); }
        Exchange(); // warm-up (JIT)
        int answersBefore = peer.Answers, framesBefore = peer.Frames;
        long before = GC.GetAllocatedBytesForCurrentThread();
        Exchange();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(1, peer.Answers - answersBefore);
        Assert.Equal(1 + 4 + 5 + 1 + 1, peer.Frames - framesBefore); // UA, 4 RR, 5 answer segments, final RR, UA to DISC
    }

    [Fact]
    public void Random_and_mutated_frames_raise_no_exception_and_the_link_recovers()
    {
        var random = new Random(4059);
        var peer = new QuietPeer();
        var link = new HdlcServerLink(new HdlcServerSettings(), peer, peer);
        var seeds = new List<byte[]>
        {
            FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x93),
            FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x93, Hex.Bytes("81 80 08 05 02 00 40 06 02 00 40")),
            FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x10, new byte[] { 0xE6, 0xE6, 0x00, 0xC0, 0x01 }),
            FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x10, new byte[100], segmented: true),
            FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x31),
            FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x53),
        };
        long now = 0;
        for (int n = 0; n < 100_000; n++)
        {
            byte[] input;
            if (n % 3 == 0)
            {
                input = new byte[random.Next(1, 40)];
                random.NextBytes(input);
            }
            else
            {
                input = (byte[])seeds[random.Next(seeds.Count)].Clone();
                for (int m = random.Next(0, 3); m > 0; m--) input[random.Next(input.Length)] = (byte)random.Next(256);
            }
            now += random.Next(0, 40);
            link.Receive(input, 0, input.Length, now);
            if (random.Next(50) == 0) link.Tick(now + random.Next(0, 200_000));
        }
        // Whatever state it was left in, a silent gap and a SNRM bring it back.
        now += 1000;
        var snrm = FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x93);
        link.Receive(snrm, 0, snrm.Length, now);
        Assert.Equal(0x73, peer.LastControl);
        Assert.Equal(HdlcLinkState.Connected, link.State);
        Assert.True(link.RejectedFrames > 1000, $"{link.RejectedFrames} rejected");
    }
}
