using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests;

/// <summary>HDLC frame type 3 writer and byte-stream decoder (IEC 62056-46 / Green Book 8.4).</summary>
public class HdlcFrameCodecTests
{
    private static (HdlcDecodeStatus Last, List<HdlcDecodeStatus> All) Feed(HdlcFrameDecoder decoder, byte[] bytes)
    {
        var all = new List<HdlcDecodeStatus>();
        foreach (var b in bytes) all.Add(decoder.Push(b));
        return (all[^1], all);
    }

    [Fact]
    public void Writer_produces_the_published_SNRM_byte_for_byte()
    {
        var output = new byte[32];
        int n = HdlcFrameWriter.Write(output, 0, 1, -1, 1, 0x10, -1, 1, HdlcControl.Unnumbered(HdlcControl.SNRM, true), false, null!, 0, 0);
        Assert.Equal(Hex.Normal("7E A0 07 03 21 93 0F 01 7E"), Hex.Of(output, 0, n));
    }

    [Fact]
    public void Decoder_reads_the_published_SNRM()
    {
        var decoder = new HdlcFrameDecoder(128);
        var (last, all) = Feed(decoder, Hex.Bytes("7E A0 07 03 21 93 0F 01 7E"));
        Assert.Equal(HdlcDecodeStatus.FrameReady, last);
        Assert.All(all.Take(all.Count - 1), s => Assert.Equal(HdlcDecodeStatus.Pending, s));
        var f = decoder.Frame;
        Assert.Equal((1, -1, 1), (f.DestinationUpper, f.DestinationLower, f.DestinationSize));
        Assert.Equal((0x10, -1, 1), (f.SourceUpper, f.SourceLower, f.SourceSize));
        Assert.Equal(0x93, f.Control);
        Assert.Equal(HdlcControl.SNRM, HdlcControl.Kind(f.Control));
        Assert.True(HdlcControl.IsPollFinal(f.Control));
        Assert.Equal(0, f.InformationLength);
        Assert.False(f.Segmented);
    }

    [Fact]
    public void Four_byte_server_address_upper_is_the_logical_device_and_lower_the_physical_address()
    {
        var decoder = new HdlcFrameDecoder(128);
        Assert.Equal(HdlcDecodeStatus.FrameReady, Feed(decoder, Hex.Bytes("7E A0 0A 00 02 00 23 F1 93 23 2E 7E")).Last);
        Assert.Equal((1, 17, 4), (decoder.Frame.DestinationUpper, decoder.Frame.DestinationLower, decoder.Frame.DestinationSize));
        Assert.Equal(0x78, decoder.Frame.SourceUpper);

        var output = new byte[32];
        int n = HdlcFrameWriter.Write(output, 0, 1, 17, 4, 0x78, -1, 1, 0x93, false, null!, 0, 0);
        Assert.Equal("7EA00A00020023F193232E7E", Hex.Of(output, 0, n));
    }

    [Theory]
    [InlineData(1, -1, 1, "03")]
    [InlineData(1, 0x11, 2, "0223")]
    [InlineData(0x3FFF, 0x3FFF, 4, "FEFEFEFF")] // all-station broadcast, 14 bits each
    [InlineData(0x81, 0x1234, 4, "02024869")]   // upper 0x81 = 1·128 + 1, lower 0x1234 = 0x24·128 + 0x34
    public void Server_addresses_of_1_2_and_4_bytes_round_trip(int upper, int lower, int size, string addressHex)
    {
        var output = new byte[64];
        var info = new byte[] { 0xE6, 0xE6, 0x00, 0x7E, 0x7E };
        int n = HdlcFrameWriter.Write(output, 0, upper, lower, size, 0x10, -1, 1, HdlcControl.Information(3, 5, true), true, info, 0, info.Length);
        Assert.Equal(addressHex, Hex.Of(output, 3, size));
        // Independent expectation for the whole frame.
        var expected = FrameBuilder.Build(Hex.Bytes(addressHex), FrameBuilder.Client16, HdlcControl.Information(3, 5, true), info, segmented: true);
        Assert.Equal(Hex.Of(expected), Hex.Of(output, 0, n));

        var decoder = new HdlcFrameDecoder(128);
        Assert.Equal(HdlcDecodeStatus.FrameReady, Feed(decoder, output[..n]).Last);
        var f = decoder.Frame;
        Assert.Equal((upper, size == 1 ? -1 : lower, size), (f.DestinationUpper, f.DestinationLower, f.DestinationSize));
        Assert.True(f.Segmented);
        Assert.Equal(3, HdlcControl.SendSequence(f.Control));
        Assert.Equal(5, HdlcControl.ReceiveSequence(f.Control));
        Assert.Equal(info, f.Buffer[f.InformationOffset..(f.InformationOffset + f.InformationLength)]);
    }

    [Fact]
    public void Control_fields_match_the_Green_Book_values()
    {
        Assert.Equal(0x93, HdlcControl.Unnumbered(HdlcControl.SNRM, true));
        Assert.Equal(0x53, HdlcControl.Unnumbered(HdlcControl.DISC, true));
        Assert.Equal(0x73, HdlcControl.Unnumbered(HdlcControl.UA, true));
        Assert.Equal(0x1F, HdlcControl.Unnumbered(HdlcControl.DM, true));
        Assert.Equal(0x97, HdlcControl.Unnumbered(HdlcControl.FRMR, true));
        Assert.Equal(0x13, HdlcControl.Unnumbered(HdlcControl.UI, true));
        Assert.Equal(0x10, HdlcControl.Information(0, 0, true));   // first I frame of a client
        Assert.Equal(0x32, HdlcControl.Information(1, 1, true));   // N(S)=1, N(R)=1
        Assert.Equal(0x51, HdlcControl.Supervisory(HdlcControl.RR, 2, true));
        Assert.Equal(0xB5, HdlcControl.Supervisory(HdlcControl.RNR, 5, true));
        Assert.Equal(HdlcControl.RR, HdlcControl.Kind(0xF1));
        Assert.Equal(0x00, HdlcControl.Kind(0xFE));
        Assert.Equal(HdlcControl.UA, HdlcControl.Kind(0x73));
    }

    [Fact]
    public void Frames_sharing_a_flag_fill_flags_and_line_noise_are_all_found()
    {
        var a = Hex.Bytes("7E A0 07 03 21 93 0F 01 7E");
        var b = FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x53);
        var stream = new List<byte> { 0x00, 0x55, 0xA0 }; // noise before the first flag is skipped
        stream.AddRange(a);
        stream.AddRange(b.Skip(1));  // shared flag
        stream.Add(0x7E);            // fill
        stream.AddRange(a);
        var decoder = new HdlcFrameDecoder(128);
        var controls = new List<byte>();
        foreach (var x in stream)
            if (decoder.Push(x) == HdlcDecodeStatus.FrameReady) controls.Add(decoder.Frame.Control);
        Assert.Equal(new byte[] { 0x93, 0x53, 0x93 }, controls);
    }

    [Fact]
    public void Rejects_a_bad_format_type()
    {
        var frame = Hex.Bytes("7E A0 07 03 21 93 0F 01 7E");
        frame[1] = 0x80; // type 8 instead of 0xA (type 3)
        AssertRejected(frame, HdlcRejectReason.BadFormatType);
    }

    [Fact]
    public void Rejects_a_bad_fcs()
    {
        var frame = Hex.Bytes("7E A0 07 03 21 93 0F 02 7E");
        AssertRejected(frame, HdlcRejectReason.BadFcs);
    }

    [Fact]
    public void Rejects_a_bad_hcs_even_when_the_fcs_matches_the_bytes()
    {
        var info = new byte[] { 0xE6, 0xE6, 0x00, 0x01 };
        var frame = FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x10, info);
        frame[6] ^= 0xFF; // HCS low byte (7E A0 0D 03 21 10 [HCS])
        // re-seal the FCS so only the HCS is wrong
        var body = frame.Skip(1).Take(frame.Length - 4).ToArray();
        var resealed = new[] { (byte)0x7E }.Concat(BitwiseCrc.WithCrc(body)).Append((byte)0x7E).ToArray();
        AssertRejected(resealed, HdlcRejectReason.BadHcs);
        frame[6] ^= 0xFF;
        frame[^3] ^= 0x01;
        AssertRejected(frame, HdlcRejectReason.BadFcs);
    }

    [Fact]
    public void Rejects_a_frame_longer_than_its_length_field()
    {
        // Length says 7 but one more byte comes before the flag.
        AssertRejected(Hex.Bytes("7E A0 07 03 21 93 0F 01 00 7E"), HdlcRejectReason.LengthMismatch);
    }

    [Fact]
    public void Rejects_a_length_that_leaves_a_one_byte_rest_for_hcs_and_information()
    {
        // header (A0 xx 03 21 10) + 3 bytes + FCS: HCS without information cannot be.
        var header = new List<byte> { 0xA0, 0x08, 0x03, 0x21, 0x10, 0x55 };
        var frame = new[] { (byte)0x7E }.Concat(BitwiseCrc.WithCrc(header)).Append((byte)0x7E).ToArray();
        AssertRejected(frame, HdlcRejectReason.LengthMismatch);
    }

    [Fact]
    public void Rejects_a_length_field_below_the_smallest_frame()
    {
        AssertRejected(Hex.Bytes("7E A0 06 03 21 93 0F 7E"), HdlcRejectReason.FrameTooShort);
    }

    [Fact]
    public void Rejects_an_address_of_more_than_four_bytes()
    {
        var frame = FrameBuilder.Build(new byte[] { 0x00, 0x02, 0x00, 0x22, 0x23 }, FrameBuilder.Client16, 0x93);
        AssertRejected(frame, HdlcRejectReason.AddressTooLong);
    }

    [Fact]
    public void Rejects_a_three_byte_address()
    {
        var frame = FrameBuilder.Build(new byte[] { 0x02, 0x00, 0x23 }, FrameBuilder.Client16, 0x93);
        AssertRejected(frame, HdlcRejectReason.BadAddressSize);
    }

    [Fact]
    public void Rejects_an_information_field_longer_than_the_negotiated_receive_length()
    {
        var fits = FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x10, new byte[128]);
        var decoder = new HdlcFrameDecoder(128);
        Assert.Equal(HdlcDecodeStatus.FrameReady, Feed(decoder, fits).Last);
        Assert.Equal(128, decoder.Frame.InformationLength);

        var tooLong = FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x10, new byte[129]);
        AssertRejected(tooLong, HdlcRejectReason.InformationTooLong);
        // Far too long: refused from the length field already, before the rest arrives.
        var huge = FrameBuilder.Build(FrameBuilder.Server1, FrameBuilder.Client16, 0x10, new byte[500]);
        var d2 = new HdlcFrameDecoder(128);
        Assert.Equal(HdlcDecodeStatus.Pending, d2.Push(huge[0]));
        Assert.Equal(HdlcDecodeStatus.Pending, d2.Push(huge[1]));
        Assert.Equal(HdlcDecodeStatus.Rejected, d2.Push(huge[2]));
        Assert.Equal(HdlcRejectReason.InformationTooLong, d2.LastRejection);
    }

    [Fact]
    public void After_a_rejection_the_next_frame_is_found()
    {
        var decoder = new HdlcFrameDecoder(128);
        var bad = Hex.Bytes("7E A0 07 03 21 93 0F 02 7E");
        var good = Hex.Bytes("7E A0 07 03 21 93 0F 01 7E");
        Assert.Equal(HdlcDecodeStatus.Rejected, Feed(decoder, bad).Last);
        Assert.Equal(HdlcDecodeStatus.FrameReady, Feed(decoder, good.Skip(1).ToArray()).Last); // shares the closing flag
        Assert.Equal(HdlcDecodeStatus.Rejected, Feed(decoder, Hex.Bytes("7E A0 07 03 21 93 0F 01 00")).Last);
        Assert.Equal(HdlcDecodeStatus.FrameReady, Feed(decoder, good).Last);
    }

    private static void AssertRejected(byte[] frame, HdlcRejectReason reason)
    {
        var decoder = new HdlcFrameDecoder(128);
        var (_, all) = Feed(decoder, frame);
        Assert.Contains(HdlcDecodeStatus.Rejected, all);
        Assert.DoesNotContain(HdlcDecodeStatus.FrameReady, all);
        Assert.Equal(reason, decoder.LastRejection);
    }
}
