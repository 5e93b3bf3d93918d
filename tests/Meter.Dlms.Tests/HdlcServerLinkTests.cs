using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests;

/// <summary>The server's HDLC link procedures (IEC 62056-46 / Green Book 8.4, NRM with window 1).</summary>
public class HdlcServerLinkTests
{
    private static readonly byte[] Llc = { 0xE6, 0xE6, 0x00 };

    private static byte[] Request(params byte[] apdu) => Llc.Concat(apdu).ToArray();

    [Fact]
    public void SNRM_without_parameters_is_answered_by_UA_with_the_default_values_byte_for_byte()
    {
        var h = new LinkHarness();
        var ua = h.Connect();
        // UA from server 1 to client 0x10 with 81 80 12 (05 01 80)(06 01 80)(07 04 00000001)(08 04 00000001); HCS and
        // FCS from the test's own CRC.
        var expected = FrameBuilder.Build(FrameBuilder.Client16, FrameBuilder.Server1, 0x73,
            Hex.Bytes("81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01"));
        Assert.Equal(Hex.Of(expected), Hex.Of(ua));
        Assert.Equal("7EA01E210373", Hex.Of(ua, 0, 6));
        Assert.Equal(HdlcLinkState.Connected, h.Link.State);
    }

    [Fact]
    public void UA_carries_the_negotiated_values_and_the_decoder_then_accepts_the_negotiated_length()
    {
        var h = new LinkHarness(s => { s.Limits.MaxInformationTransmit = 200; s.Limits.MaxInformationReceive = 300; });
        // Client sends up to 0x100, receives up to 0x80.
        var ua = LinkHarness.Decode(h.Connect(Hex.Bytes("81 80 14 05 02 01 00 06 02 00 80 07 04 00 00 00 01 08 04 00 00 00 01")));
        Assert.Equal(HdlcControl.UA, ua.Kind);
        Assert.Equal(Hex.Normal("81 80 13 05 01 80 06 02 01 00 07 04 00 00 00 01 08 04 00 00 00 01"), Hex.Of(ua.Information));
        Assert.Equal(256, h.Link.Negotiated.MaxInformationReceive);

        var apdu = Request(Enumerable.Range(0, 253).Select(i => (byte)i).ToArray()); // 256-byte information field
        var answers = h.Feed(h.Command(HdlcControl.Information(0, 0, true), apdu));
        Assert.Single(answers);
        Assert.Equal(253, h.Apdus.Single().Length);
        var tooLong = h.Command(HdlcControl.Information(1, 1, true), Request(new byte[254]));
        Assert.Empty(h.Feed(tooLong));
        Assert.Equal(HdlcRejectReason.InformationTooLong, h.Link.LastRejection);
    }

    [Fact]
    public void SNRM_with_malformed_parameters_is_refused_with_DM()
    {
        var h = new LinkHarness();
        var dm = LinkHarness.Decode(h.Connect(Hex.Bytes("81 80 03 07 01 09")));
        Assert.Equal(HdlcControl.DM, dm.Kind);
        Assert.Equal(HdlcParameterError.ValueOutOfRange, h.Link.LastParameterError);
        Assert.Equal(HdlcLinkState.Disconnected, h.Link.State);
    }

    [Fact]
    public void DISC_when_connected_is_answered_by_UA_and_when_disconnected_by_DM()
    {
        var h = new LinkHarness();
        Assert.Equal(Hex.Of(FrameBuilder.Build(FrameBuilder.Client16, FrameBuilder.Server1, 0x1F)), Hex.Of(h.Single(h.Command(0x53))));
        h.Connect();
        Assert.Equal(Hex.Of(FrameBuilder.Build(FrameBuilder.Client16, FrameBuilder.Server1, 0x73)), Hex.Of(h.Single(h.Command(0x53))));
        Assert.Equal(HdlcLinkState.Disconnected, h.Link.State);
        Assert.Equal(1, h.LinkClosedCount);
        // I frames in NDM get DM, and reach no handler.
        Assert.Equal(HdlcControl.DM, LinkHarness.Decode(h.Single(h.Command(0x10, Request(0x01)))).Kind);
        Assert.Empty(h.Apdus);
    }

    [Fact]
    public void Release_returns_to_NDM_without_a_frame_drops_a_partial_frame_and_closes_the_association()
    {
        var h = new LinkHarness();
        h.Connect();
        byte[] frame = h.Command(0x10, Request(0x01));
        Assert.Empty(h.Feed(frame[..5])); // half a frame
        int sent = h.Sent.Count;
        h.Link.Release();
        Assert.Equal(HdlcLinkState.Disconnected, h.Link.State);
        Assert.Equal(1, h.LinkClosedCount);
        Assert.Equal(sent, h.Sent.Count);
        // The rest of the broken frame is no frame; a new SNRM connects with fresh sequence numbers.
        Assert.Empty(h.Feed(frame[5..]));
        Assert.Equal(HdlcControl.UA, LinkHarness.Decode(h.Connect()).Kind);
        Assert.Equal(0x30, LinkHarness.Decode(h.Single(h.Command(0x10, Request(0x01)))).Control);
        Assert.Empty(h.Feed(Array.Empty<byte>()));
        h.Link.Release();
        h.Link.Release(); // already in NDM: the handler is not told twice
        Assert.Equal(2, h.LinkClosedCount);
    }

    [Fact]
    public void An_apdu_is_echoed_with_the_response_LLC_header_and_sequence_numbers_advance()
    {
        var h = new LinkHarness();
        h.Connect();
        for (int i = 0; i < 10; i++) // wraps modulo 8
        {
            var answer = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(i & 7, i & 7, true), Request(0xC0, (byte)i))));
            Assert.True(HdlcControl.IsInformation(answer.Control));
            Assert.Equal((i & 7, (i + 1) & 7), (answer.Ns, answer.Nr));
            Assert.True(HdlcControl.IsPollFinal(answer.Control));
            Assert.Equal(new byte[] { 0xE6, 0xE7, 0x00, 0xC0, (byte)i }, answer.Information);
        }
        Assert.Equal(10, h.Apdus.Count);
    }

    [Fact]
    public void Response_keeps_the_server_address_form_the_client_used()
    {
        var h = new LinkHarness { ServerAddress = new byte[] { 0x00, 0x02, 0x00, 0x23 } }; // logical 1, physical 17 = 0x11
        var ua = LinkHarness.Decode(h.Connect());
        Assert.Equal((1, 0x11, 4), (ua.SourceUpper, ua.SourceLower, ua.SourceSize));
        Assert.Equal(0x10, ua.Destination);
        // Another physical address on the same line is not us: no answer.
        var other = new LinkHarness { ServerAddress = new byte[] { 0x00, 0x02, 0x00, 0x25 } };
        Assert.Empty(other.Feed(other.Command(0x93)));
        var otherLogical = new LinkHarness { ServerAddress = new byte[] { 0x05 } };
        Assert.Empty(otherLogical.Feed(otherLogical.Command(0x93)));
    }

    [Fact]
    public void A_600_byte_apdu_goes_both_ways_in_128_byte_segments_with_window_1()
    {
        var h = new LinkHarness(s => s.MaxApduLength = 1024);
        h.Connect(); // defaults: 128 bytes, window 1
        var apdu = Enumerable.Range(0, 600).Select(i => (byte)(i * 7)).ToArray();
        var wire = Request(apdu); // 603 bytes: 4 × 128 + 91
        int ns = 0;
        for (int offset = 0; offset < wire.Length; offset += 128, ns++)
        {
            int length = Math.Min(128, wire.Length - offset);
            bool more = offset + length < wire.Length;
            var reply = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(ns, 0, true), wire[offset..(offset + length)], more)));
            if (more)
            {
                Assert.Equal(HdlcControl.RR, reply.Kind); // segment acknowledged, N(R) = next expected
                Assert.Equal(ns + 1, reply.Nr);
                Assert.Empty(h.Apdus);
            }
            else
            {
                Assert.Equal(apdu, h.Apdus.Single());
                // First segment of the echo.
                var answer = new List<byte>(reply.Information);
                Assert.True(reply.Segmented);
                Assert.Equal((0, 5), (reply.Ns, reply.Nr));
                int segments = 1;
                for (int nr = 1; ; nr++)
                {
                    var next = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Supervisory(HdlcControl.RR, nr, true)))); // RR pulls the next
                    Assert.True(HdlcControl.IsInformation(next.Control));
                    Assert.Equal((nr, 5), (next.Ns, next.Nr));
                    Assert.True(next.Information.Length <= 128);
                    answer.AddRange(next.Information);
                    segments++;
                    if (!next.Segmented) break;
                }
                Assert.Equal(5, segments);
                Assert.Equal(new byte[] { 0xE6, 0xE7, 0x00 }.Concat(apdu).ToArray(), answer.ToArray());
                // Final RR: nothing more, the server answers RR.
                var rr = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Supervisory(HdlcControl.RR, 5, true))));
                Assert.Equal((HdlcControl.RR, 5), (rr.Kind, rr.Nr));
            }
        }
    }

    [Fact]
    public void An_out_of_sequence_I_frame_is_discarded_and_answered_by_RR_with_the_expected_number()
    {
        var h = new LinkHarness();
        h.Connect();
        var rr = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(2, 0, true), Request(0x01))));
        Assert.Equal((HdlcControl.RR, 0), (rr.Kind, rr.Nr));
        Assert.Empty(h.Apdus);
        // The right one is then taken.
        var answer = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(0, 0, true), Request(0x01))));
        Assert.Equal((0, 1), (answer.Ns, answer.Nr));
        Assert.Single(h.Apdus);
    }

    [Fact]
    public void A_repeated_I_frame_gets_the_same_answer_again_without_running_the_request_twice()
    {
        var h = new LinkHarness();
        h.Connect();
        var request = h.Command(HdlcControl.Information(0, 0, true), Request(0xC0, 0x01));
        var first = h.Single(request);
        var again = h.Single(request); // the client missed our answer: same N(S), its N(R) still 0
        Assert.Equal(Hex.Of(first), Hex.Of(again));
        Assert.Single(h.Apdus);
        // RR with the old N(R) also asks for the last I frame again.
        Assert.Equal(Hex.Of(first), Hex.Of(h.Single(h.Command(HdlcControl.Supervisory(HdlcControl.RR, 0, true)))));
    }

    [Fact]
    public void An_apdu_without_an_answer_is_acknowledged_by_RR()
    {
        var h = new LinkHarness();
        h.Connect();
        var rr = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(0, 0, true), Request(0x00))));
        Assert.Equal((HdlcControl.RR, 1), (rr.Kind, rr.Nr));
        // An information field without the LLC header E6 E6 00 is not handed on.
        rr = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(1, 0, true), new byte[] { 0xE6, 0xE7, 0x00, 0x05 })));
        Assert.Equal((HdlcControl.RR, 2), (rr.Kind, rr.Nr));
        Assert.Single(h.Apdus);
    }

    [Fact]
    public void A_control_field_that_is_no_client_command_gets_FRMR_until_SNRM()
    {
        var h = new LinkHarness();
        h.Connect();
        h.Single(h.Command(HdlcControl.Information(0, 0, true), Request(0x01))); // V(S)=1, V(R)=1
        var frmr = LinkHarness.Decode(h.Single(h.Command(0x73))); // UA is a response, not a command
        Assert.Equal(HdlcControl.FRMR, frmr.Kind);
        Assert.Equal(new byte[] { 0x73, (1 << 1) | (1 << 5), 0x01 }, frmr.Information); // rejected control, V(S)/V(R), W
        Assert.Equal(HdlcLinkState.FrameRejected, h.Link.State);
        Assert.Equal(HdlcControl.FRMR, LinkHarness.Decode(h.Single(h.Command(HdlcControl.Supervisory(HdlcControl.RR, 1, true)))).Kind);
        Assert.Equal(HdlcControl.UA, LinkHarness.Decode(h.Connect()).Kind);
        Assert.Equal(HdlcLinkState.Connected, h.Link.State);
    }

    [Theory]
    [InlineData(0x09)] // REJ: not used by DLMS
    [InlineData(0x0F)] // DM as a command
    [InlineData(0xE3)] // unknown U code
    public void Unknown_or_response_control_fields_are_rejected_with_W(byte control)
    {
        var h = new LinkHarness();
        h.Connect();
        var frmr = LinkHarness.Decode(h.Single(h.Command((byte)(control | 0x10))));
        Assert.Equal(HdlcControl.FRMR, frmr.Kind);
        Assert.Equal(0x01, frmr.Information[2]);
    }

    [Fact]
    public void Invalid_N_R_and_information_in_RR_are_rejected_with_Z_and_X()
    {
        var h = new LinkHarness();
        h.Connect();
        var frmr = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(0, 3, true), Request(0x01))));
        Assert.Equal((HdlcControl.FRMR, (byte)0x08), (frmr.Kind, frmr.Information[2]));
        h.Connect();
        frmr = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Supervisory(HdlcControl.RR, 0, true), new byte[] { 1 })));
        Assert.Equal((HdlcControl.FRMR, (byte)0x02), (frmr.Kind, frmr.Information[2]));
    }

    [Fact]
    public void An_apdu_longer_than_the_buffer_is_rejected_with_Y()
    {
        var h = new LinkHarness(s => s.MaxApduLength = 200);
        h.Connect();
        h.Single(h.Command(HdlcControl.Information(0, 0, true), new byte[128], segmented: true));
        var frmr = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(1, 0, true), new byte[128], segmented: true)));
        Assert.Equal((HdlcControl.FRMR, (byte)0x04), (frmr.Kind, frmr.Information[2]));
        Assert.Empty(h.Apdus);
    }

    [Fact]
    public void Another_client_gets_DM_while_the_link_is_taken()
    {
        var h = new LinkHarness();
        h.Connect();
        h.ClientAddress = new byte[] { 0x03 }; // client 1 (management)
        var dm = LinkHarness.Decode(h.Single(h.Command(0x93)));
        Assert.Equal((HdlcControl.DM, 1), (dm.Kind, dm.Destination));
        Assert.Equal(HdlcLinkState.Connected, h.Link.State);
    }

    [Fact]
    public void Inactivity_time_out_returns_to_NDM_in_virtual_time()
    {
        var h = new LinkHarness(s => s.InactivityTimeoutMs = 120000);
        h.Now = 1000;
        h.Connect();
        h.Link.Tick(121000);
        Assert.Equal(HdlcLinkState.Connected, h.Link.State); // exactly the time-out: still connected
        h.Now = 60000 + 1000;
        h.Single(h.Command(HdlcControl.Supervisory(HdlcControl.RR, 0, true))); // a valid frame restarts the timer
        h.Link.Tick(181000);
        Assert.Equal(HdlcLinkState.Connected, h.Link.State);
        Assert.Empty(h.Sent.Skip(2));
        h.Link.Tick(181001);
        Assert.Equal(HdlcLinkState.Disconnected, h.Link.State);
        Assert.Equal(1, h.LinkClosedCount);
        Assert.Equal(2, h.Sent.Count); // silently: no frame on a time-out
        h.Now = 181002;
        Assert.Equal(HdlcControl.DM, LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(0, 0, true), Request(1)))).Kind);
    }

    [Fact]
    public void Inter_octet_time_out_drops_a_partial_frame_and_the_next_frame_is_read()
    {
        var h = new LinkHarness(s => s.InterOctetTimeoutMs = 25);
        var snrm = h.Command(0x93);
        // Gaps of exactly 25 ms are fine.
        for (int i = 0; i < snrm.Length; i++) { h.Now += 25; h.Link.Receive(snrm[i], h.Now); }
        Assert.Single(h.Sent);
        // A 26 ms gap in the middle drops the first half; the rest is skipped as noise.
        var disc = h.Command(0x53);
        h.Feed(disc[..4]);
        h.Now += 26;
        Assert.Empty(h.Feed(disc[4..]));
        Assert.Equal(HdlcRejectReason.InterCharacterTimeout, h.Link.LastRejection);
        Assert.Equal(HdlcLinkState.Connected, h.Link.State);
        h.Now += 1;
        Assert.Equal(HdlcControl.UA, LinkHarness.Decode(h.Single(disc)).Kind);
        Assert.Equal(HdlcLinkState.Disconnected, h.Link.State);
    }

    [Fact]
    public void Tick_alone_applies_the_inter_octet_time_out()
    {
        var h = new LinkHarness();
        h.Feed(h.Command(0x93)[..3]);
        h.Link.Tick(h.Now + 26);
        Assert.Equal(HdlcRejectReason.InterCharacterTimeout, h.Link.LastRejection);
        Assert.Equal(1, h.Link.RejectedFrames);
    }

    [Fact]
    public void A_new_SNRM_while_connected_resets_the_sequence_numbers_and_closes_the_association()
    {
        var h = new LinkHarness();
        h.Connect();
        h.Single(h.Command(HdlcControl.Information(0, 0, true), Request(0x01)));
        Assert.Equal(HdlcControl.UA, LinkHarness.Decode(h.Connect()).Kind);
        Assert.Equal(1, h.LinkClosedCount);
        var answer = LinkHarness.Decode(h.Single(h.Command(HdlcControl.Information(0, 0, true), Request(0x02))));
        Assert.Equal((0, 1), (answer.Ns, answer.Nr));
    }

    [Fact]
    public void Window_sizes_other_than_1_are_refused_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new LinkHarness(s => s.Limits.WindowReceive = 2));
    }

    [Theory]
    [InlineData("physical")]
    [InlineData("logical")]
    [InlineData("transmit")]
    [InlineData("receive")]
    [InlineData("timeout")]
    public void Out_of_range_settings_are_refused_at_construction(string which)
    {
        Action<HdlcServerSettings> configure = which switch
        {
            "physical" => s => s.PhysicalAddress = 0x4000,
            "logical" => s => s.LogicalDevice = -1,
            "transmit" => s => s.Limits.MaxInformationTransmit = 2031,
            "receive" => s => s.Limits.MaxInformationReceive = 0,
            _ => s => s.InterOctetTimeoutMs = -1,
        };
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinkHarness(configure));
        new LinkHarness(s => { s.PhysicalAddress = 0x3FFF; s.Limits.MaxInformationTransmit = 2030; }); // the limits themselves are fine
    }

    [Fact]
    public void Largest_information_field_fits_the_frame_with_four_byte_addresses()
    {
        var h = new LinkHarness(s => { s.PhysicalAddress = 0x3FFD; s.Limits.MaxInformationTransmit = 2030; s.Limits.MaxInformationReceive = 2030; s.MaxApduLength = 4000; });
        h.ServerAddress = new byte[] { 0x00, 0x02, 0xFE, 0xFB }; // logical 1, physical 0x3FFD
        h.Connect(Hex.Bytes("81 80 08 05 02 07 EE 06 02 07 EE"));
        Assert.Equal(2030, h.Link.Negotiated.MaxInformationTransmit);
        var apdu = new byte[2027];
        var answer = h.Single(h.Command(HdlcControl.Information(0, 0, true), Request(apdu)));
        Assert.Equal(2 + 2 + 1 + 4 + 1 + 2 + 2030 + 2, answer.Length);
        Assert.Equal(0x07, answer[1] & 0x07); // 11-bit length 2042 = 0x7FA (2047 would leave room for 4-byte client addresses)
        Assert.Equal(0xFA, answer[2]);
    }
}
