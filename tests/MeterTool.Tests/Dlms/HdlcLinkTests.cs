using Meter.Tool.Dlms;
using static MeterTool.Tests.Dlms.ScriptedApduLink;

namespace MeterTool.Tests.Dlms;

/// <summary>MeterTool's HDLC client link (Green Book 8.4: SNRM/UA negotiation, segmentation both ways with RR, DISC) against scripted server frames.</summary>
public class HdlcLinkTests
{
    private static readonly byte[] Client = HdlcFrame.ClientAddress(16), Server = HdlcFrame.ServerAddress(1, null);

    /// <summary>Bytes the "meter" sends, in order, and what the client wrote.</summary>
    private sealed class ScriptedStream(IEnumerable<byte> script) : IDlmsByteStream
    {
        private readonly Queue<byte> _in = new(script);
        public List<byte> Written { get; } = [];
        public string Description => "script";
        public void Write(ReadOnlySpan<byte> bytes) => Written.AddRange(bytes.ToArray());
        public int ReadByte(int timeoutMs) => _in.Count > 0 ? _in.Dequeue() : -1;
        public void Dispose() { }
    }

    private static byte[] FromMeter(byte control, bool segmented, byte[] information) =>
        new HdlcFrame(Client, Server, control, segmented, information).Write();

    /// <summary>The control fields of the frames the client wrote, with 0x100 added where the segmentation bit is set.</summary>
    private static List<int> Controls(List<byte> written)
    {
        var controls = new List<int>();
        for (int at = 0; at < written.Count;)
        {
            int length = ((written[at + 1] & 0x07) << 8) | written[at + 2];
            controls.Add(written[at + 1 + 2 + Server.Length + Client.Length] | ((written[at + 1] & 0x08) << 5));
            at += length + 2;
        }
        return controls;
    }

    [Fact]
    public void A_long_request_goes_in_segments_and_a_segmented_answer_is_fetched_with_RR()
    {
        byte[] apdu = [0xC0, 0x01, .. Enumerable.Repeat((byte)0xAA, 98)];     // 100 bytes + LLC 3 = 103 > 64
        byte[] answer = [0xE6, 0xE7, 0x00, 0xC4, 0x01, 0xC1, 0x00, 0x09, 0x50, .. Enumerable.Repeat((byte)0x55, 80)];
        var stream = new ScriptedStream([
            // UA: the server transmits up to 128 and receives up to 64 bytes; windows 1.
            .. FromMeter(HdlcFrame.Ua, false, Hex("81 80 0C 05 01 80 06 01 40 07 01 01 08 01 01")),
            .. FromMeter(0x31, false, []),                       // RR, N(R) 1: the first segment arrived
            .. FromMeter(0x50, true, answer[..60]),              // I N(S) 0 N(R) 2, more to come
            .. FromMeter(0x52, false, answer[60..]),             // I N(S) 1 N(R) 2, last
            .. FromMeter(HdlcFrame.Ua, false, []),               // UA to the DISC
        ]);
        var link = new HdlcLink(stream, 16, 1, null, 100);
        link.Connect();
        Assert.Equal(64, link.MaxTransmit);
        Assert.Equal(128, link.MaxReceive);
        Assert.Equal(answer[3..], link.Exchange(apdu));
        link.Dispose();
        // SNRM; I N(S) 0 N(R) 0 with the S bit; I N(S) 1 N(R) 0; RR N(R) 1 (one I frame received) fetching the second answer segment; DISC.
        Assert.Equal([0x93, 0x110, 0x12, 0x31, 0x53], Controls(stream.Written));
    }

    [Fact]
    public void DM_to_the_SNRM_and_FRMR_to_a_request_are_named()
    {
        var refused = new HdlcLink(new ScriptedStream(FromMeter(HdlcFrame.Dm, false, [])), 16, 1, null, 100);
        Assert.Contains("answered SNRM with DM", Assert.Throws<DlmsException>(() => refused.Connect()).Message);

        var stream = new ScriptedStream([.. FromMeter(HdlcFrame.Ua, false, []), .. FromMeter(HdlcFrame.Frmr, false, [0x10, 0x00, 0x01])]);
        var link = new HdlcLink(stream, 16, 1, null, 100);
        link.Connect();
        Assert.Contains("FRMR: the meter rejected our frame", Assert.Throws<DlmsException>(() => link.Exchange([0xC0])).Message);
    }

    [Fact]
    public void Silence_is_a_time_out_naming_what_was_awaited()
    {
        var link = new HdlcLink(new ScriptedStream([]), 16, 1, null, 100);
        Assert.Equal("HDLC: no answer from script to the SNRM within 100 ms", Assert.Throws<DlmsException>(() => link.Connect()).Message);
    }
}
