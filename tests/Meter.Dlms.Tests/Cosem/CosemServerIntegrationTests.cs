using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests.Cosem;

/// <summary>The application layer fed by the HDLC link and by the IEC 62056-47 wrapper; no allocation per request;
/// random and mutated APDUs.</summary>
[Collection(AllocationMeasurement.Collection)]
public class CosemServerIntegrationTests
{
    private const string Register = "00 03 01 00 01 08 00 FF";
    private const string AareAccepted = "6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F0400001A1D04000007";

    private sealed class FrameCollector : IFrameSink
    {
        public readonly List<byte[]> Frames = new();
        public void Send(byte[] buffer, int offset, int count) => Frames.Add(buffer[offset..(offset + count)]);
    }

    [Fact]
    public void Over_hdlc_the_client_address_selects_the_association_and_disc_ends_it()
    {
        var h = new CosemHarness();
        var sink = new FrameCollector();
        var link = new HdlcServerLink(new HdlcServerSettings { LogicalDevice = 1 }, h.Server, sink);
        byte[] Exchange(byte control, string? information)
        {
            var frame = FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, control,
                information == null ? null : Hex.Bytes(information));
            sink.Frames.Clear();
            link.Receive(frame, 0, frame.Length, 0);
            Assert.Single(sink.Frames);
            return LinkHarness.Decode(sink.Frames[0]).Information;
        }
        Exchange(0x93, null); // SNRM → UA
        Assert.Equal("E6E700" + AareAccepted, Hex.Of(Exchange(HdlcControl.Information(0, 0, true), "E6 E6 00 " + CosemHarness.PublicAarq)));
        Assert.Equal(16, h.Server.Association.ClientSap);
        Assert.Equal(Hex.Normal("E6 E7 00 C4 01 C1 00 06 00 01 E2 40"),
            Hex.Of(Exchange(HdlcControl.Information(1, 1, true), $"E6 E6 00 C0 01 C1 {Register} 02 00")));
        Exchange(0x53, null); // DISC → UA
        Assert.False(h.Server.Association.Active);
    }

    [Fact]
    public void Over_the_wrapper_the_source_wport_is_the_client_sap()
    {
        var h = new CosemHarness();
        var decoder = new WrapperDecoder(2048);
        var aarq = Hex.Bytes(CosemHarness.LlsAarq(CosemHarness.GoodPassword));
        var stream = Hex.Bytes($"00 01 00 01 00 01 00 {aarq.Length:X2}").Concat(aarq).ToArray();
        string answer = "";
        foreach (var b in stream)
            if (decoder.Push(b) == WrapperDecodeStatus.ApduReady)
                answer = Hex.Of(h.SendBytes(decoder.Apdu[..decoder.ApduLength], decoder.SourcePort));
        Assert.StartsWith("6136", answer);
        Assert.Equal(1, h.Server.Association.ClientSap);
        Assert.False(h.Server.Association.ReadOnly);
    }

    [Fact]
    public void Requests_allocate_nothing_after_warm_up()
    {
        var h = new CosemHarness(extraRegisters: 20);
        var requests = new[]
        {
            CosemHarness.LlsAarq(CosemHarness.GoodPassword, maxPdu: "00 40"),
            $"C0 01 C1 {Register} 02 00",
            $"C0 01 C1 {Register} 03 00",
            $"C0 03 C1 02 {Register} 02 00 00 08 00 00 01 00 00 FF 02 00",
            "C0 01 C1 00 0F 00 00 28 00 00 FF 02 00", // object list: first block
            "C0 02 C1 00 00 00 01",
            "C0 02 C1 00 00 00 02",
            "C0 02 C1 00 00 00 07",                   // aborted
            $"C1 01 C1 {Register} 02 00 06 00 00 00 2A",
            $"C1 02 C1 {Register} 02 00 00 00 00 00 01 02 06 00", // SET in two datablocks
            "C1 03 C1 FF 00 00 00 02 03 00 00 2B",
            $"C3 01 C1 {Register} 01 01 0F 00",
            $"C3 01 C1 {Register} 05 00",
            "CC 00",
            "C0 01",
            "62 00",
        }.Select(Hex.Bytes).ToArray();
        var answers = new int[requests.Length];
        void Run()
        {
            for (int i = 0; i < requests.Length; i++)
                answers[i] = h.Server.HandleApdu(1, requests[i], 0, requests[i].Length, h.Response, 0, h.Response.Length);
        }
        Run(); // warm-up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.All(answers, n => Assert.True(n > 0));
        Assert.Equal(2, h.Passwords.Checks); // one LLS check per run
    }

    [Fact]
    public void Random_and_mutated_apdus_raise_no_exception_and_never_let_the_public_client_change_anything()
    {
        var random = new Random(6205653);
        var h = new CosemHarness(extraRegisters: 5);
        var seeds = new[]
        {
            CosemHarness.PublicAarq,
            CosemHarness.LlsAarq(CosemHarness.GoodPassword),
            $"C0 01 C1 {Register} 02 00",
            $"C0 03 C1 02 {Register} 02 00 {Register} 03 00",
            "C0 01 C1 00 0F 00 00 28 00 00 FF 02 00",
            "C0 02 C1 00 00 00 01",
            $"C1 01 C1 {Register} 02 00 06 00 00 00 2A",
            "C1 01 C1 00 08 00 00 01 00 00 FF 02 00 09 0C 07 EA 0C 05 06 0D 00 00 00 FF C4 00",
            $"C3 01 C1 {Register} 01 01 0F 00",
            $"C1 01 C1 {Register} 02 01 01 01 02 02 11 01 11 02 06 00 00 00 2A",
            "62 03 80 01 00",
        }.Select(Hex.Bytes).ToArray();
        var response = new byte[200];
        for (int n = 0; n < 300_000; n++)
        {
            byte[] input;
            if (n % 4 == 0)
            {
                input = new byte[random.Next(0, 40)];
                random.NextBytes(input);
                if (input.Length > 0 && n % 8 == 0) input[0] = (byte)(0xC0 + random.Next(4));
            }
            else
            {
                input = (byte[])seeds[random.Next(seeds.Length)].Clone();
                for (int m = random.Next(0, 4); m > 0; m--) input[random.Next(input.Length)] = (byte)random.Next(256);
                if (random.Next(10) == 0) input = input[..random.Next(input.Length)];
            }
            int length = h.Server.HandleApdu(16, input, 0, input.Length, response, 0, random.Next(3, response.Length));
            Assert.InRange(length, 0, response.Length);
            if (random.Next(1000) == 0) h.Server.LinkClosed();
        }
        Assert.Equal(123456, h.Objects.EnergyValue);
        Assert.Equal(0, h.Objects.Resets);
        Assert.Equal(-1, h.Objects.LastSetAttribute);
        // And it still associates and answers.
        h.Server.LinkClosed();
        h.AssociatePublic();
        Assert.Equal(Hex.Normal("C4 01 C1 00 06 00 01 E2 40"), h.Send($"C0 01 C1 {Register} 02 00"));
    }
}
