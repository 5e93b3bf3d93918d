using Meter.Tool.Dlms;

namespace MeterTool.Tests.Dlms;

/// <summary>MeterTool's HDLC frames (IEC 62056-46, Green Book 8.4) byte for byte.</summary>
public class DlmsHdlcFrameTests
{
    [Fact]
    public void Crc16_X25_of_the_check_string_is_0x906E()
    {
        // CRC-16/X.25 catalogue check value: "123456789" → 0x906E.
        Assert.Equal(0x906E, HdlcCrc.Compute("123456789"u8));
    }

    [Fact]
    public void SNRM_from_the_public_client_to_server_1_is_the_published_frame()
    {
        // The frame quoted in DLMS literature: 7E A0 07 03 21 93 0F 01 7E (client 16 → 0x21, server 1 → 0x03, FCS 0x010F LSB first).
        var frame = new HdlcFrame(HdlcFrame.ServerAddress(1, null), HdlcFrame.ClientAddress(16), HdlcFrame.Snrm, false, []);
        Assert.Equal(ScriptedApduLink.Hex("7E A0 07 03 21 93 0F 01 7E"), frame.Write());
    }

    [Fact]
    public void The_four_byte_server_address_carries_logical_and_physical_in_14_bits_each()
    {
        // Logical 1, physical 6678 = 0x1A16: upper 00 02; lower (0x1A16 >> 7 = 0x34) << 1 = 0x68, (0x16 << 1) | 1 = 0x2D.
        Assert.Equal(new byte[] { 0x00, 0x02, 0x68, 0x2D }, HdlcFrame.ServerAddress(1, 6678));
    }

    [Fact]
    public void An_I_frame_round_trips_with_HCS_and_FCS_and_a_flipped_bit_is_refused()
    {
        var frame = new HdlcFrame(HdlcFrame.ClientAddress(16), HdlcFrame.ServerAddress(1, 6678), HdlcFrame.InformationControl(2, 3), true, [0xE6, 0xE7, 0x00, 0xC4, 0x01]);
        byte[] bytes = frame.Write();
        Assert.Equal(0xA8, bytes[1] & 0xF8); // type 3 with the segmentation bit
        byte[] body = bytes[1..^1];
        var parsed = HdlcFrame.TryParse(body, out string? error);
        Assert.Null(error);
        Assert.Equal(frame.Information, parsed!.Information);
        Assert.Equal(0x74, parsed.Control); // N(R) 3 → 0x60, P → 0x10, N(S) 2 → 0x04
        Assert.True(parsed.Segmented);
        body[^4] ^= 0x01;
        Assert.Null(HdlcFrame.TryParse(body, out error));
        Assert.Equal("bad FCS", error);
    }
}
