using CsCheck;
using Meter.OpticalClient.Protocol;
using static MeterTool.Tests.Support.ScriptedMeter;

namespace MeterTool.Tests;

/// <summary>The client's messages byte for byte, with BCCs worked by hand (IEC 62056-21:2002 §6.3).</summary>
public class FramingTests
{
    [Fact]
    public void Request_is_slash_question_address_exclamation_crlf()
    {
        Assert.Equal(new byte[] { 0x2F, 0x3F, 0x21, 0x0D, 0x0A }, Frames.Request(""));
        Assert.Equal(A("/?12345678!\r\n"), Frames.Request("12345678"));
    }

    [Theory]
    [InlineData("1234/5")]
    [InlineData("abc!")]
    [InlineData("123456789012345678901234567890123")] // 33 characters; §6.3.1 allows 32
    public void Request_rejects_bad_addresses(string address) =>
        Assert.Throws<ArgumentException>(() => Frames.Request(address));

    [Fact]
    public void Option_select_readout_at_9600_is_ACK_0_5_0()
    {
        // ACK V Z Y CR LF with V='0' normal, Z='5' = 9600 Bd, Y='0' readout (§6.3.3): 06 30 35 30 0D 0A.
        Assert.Equal(new byte[] { 0x06, 0x30, 0x35, 0x30, 0x0D, 0x0A }, Frames.OptionSelect(9600, programming: false));
        // Programming at 300 Bd: Y='1', Z='0'.
        Assert.Equal(new byte[] { 0x06, 0x30, 0x30, 0x31, 0x0D, 0x0A }, Frames.OptionSelect(300, programming: true));
    }

    [Fact]
    public void Break_is_01_42_30_03_71()
    {
        // BCC = 'B' 0x42 ^ '0' 0x30 ^ ETX 0x03 = 0x72 ^ 0x03 = 0x71.
        Assert.Equal(new byte[] { 0x01, 0x42, 0x30, 0x03, 0x71 }, Frames.Break());
    }

    [Fact]
    public void Password_P1_frame_has_BCC_0x61()
    {
        // 'P' 0x50 ^ '1' 0x31 = 0x61; ^ STX 0x02 = 0x63; ^ '(' 0x28 = 0x4B; eight '0' cancel;
        // ^ ')' 0x29 = 0x62; ^ ETX 0x03 = 0x61.
        Assert.Equal(Cat([0x01], A("P1"), [0x02], A("(00000000)"), [0x03, 0x61]), Frames.Command("P1", "(00000000)"));
    }

    [Fact]
    public void Write_W1_frame_has_BCC_0x5A()
    {
        // W 0x57 ^ 1 0x31 = 0x66; ^STX = 0x64; ^'0' = 0x54; ^'.' = 0x7A; ^'8' = 0x42; ^'.' = 0x6C;
        // ^'0' = 0x5C; ^'(' = 0x74; ^'1' = 0x45; ^'5' = 0x70; ^')' = 0x59; ^ETX = 0x5A.
        Assert.Equal(Cat([0x01], A("W1"), [0x02], A("0.8.0(15)"), [0x03, 0x5A]), Frames.Command("W1", "0.8.0(15)"));
    }

    [Fact]
    public void Bcc_of_the_notes_readout_example_is_0x43()
    {
        var message = Cat([0x02], A("0.0.0(12345678)\r\n1.8.0(000123.456*kWh)\r\n!\r\n"), [0x03]);
        Assert.Equal(0x43, Bcc.OfMessage(message));
    }

    [Fact]
    public void Bcc_includes_an_embedded_STX_after_SOH()
    {
        // SOH P0 STX () ETX: 'P' 0x50 ^ '0' 0x30 = 0x60; ^STX = 0x62; ^'(' = 0x4A; ^')' = 0x63; ^ETX = 0x60.
        Assert.Equal(0x60, Bcc.OfMessage(Cat([0x01], A("P0"), [0x02], A("()"), [0x03])));
    }

    [Fact]
    public void Bcc_property_appending_the_bcc_makes_the_xor_zero()
    {
        // XOR of the block and its own BCC is zero for any 7-bit block.
        Gen.Byte[0, 127].Array[0, 200].Sample(block =>
        {
            var message = Cat([0x02], block, [0x03]);
            byte bcc = Bcc.OfMessage(message);
            return Bcc.Compute(Cat(message.AsSpan(1).ToArray(), [bcc])) == 0;
        });
    }
}
