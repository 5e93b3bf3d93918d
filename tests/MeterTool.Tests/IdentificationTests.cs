using Meter.OpticalClient.Protocol;
using static MeterTool.Tests.Support.ScriptedMeter;

namespace MeterTool.Tests;

/// <summary>Identification "/XXXZ Ident CR LF" (IEC 62056-21:2002 §6.3.2, §6.3.14).</summary>
public class IdentificationTests
{
    [Fact]
    public void Mode_C_with_Z_5_offers_9600_and_200_ms_reaction()
    {
        var id = Identification.Parse(A("/KAM5351B\r\n"));
        Assert.Equal("KAM", id.ManufacturerId);
        Assert.Equal(ProtocolMode.C, id.Mode);
        Assert.Equal(9600, id.MaximumBaud); // '5' → 9600 (table of §6.3.14)
        Assert.Equal("351B", id.Ident);
        Assert.Equal(200, id.MinimumReactionTimeMs); // upper-case third letter
        Assert.False(id.SupportsModeE);
    }

    [Fact]
    public void Lower_case_third_letter_allows_20_ms()
    {
        Assert.Equal(20, Identification.Parse(A("/LGz4ZMD\r\n")).MinimumReactionTimeMs);
    }

    [Fact]
    public void Enhanced_identification_pairs_are_collected()
    {
        var id = Identification.Parse(A("/LGZ5\\2ZMD3104407\r\n"));
        Assert.Equal(new[] { '2' }, id.EnhancedCodes);
        Assert.True(id.SupportsModeE);
        Assert.Equal(9600, id.MaximumBaud);
    }

    [Theory]
    [InlineData("/ABCA1\r\n", ProtocolMode.B, 600)]
    [InlineData("/ABCF1\r\n", ProtocolMode.B, 19200)]
    [InlineData("/ABC01\r\n", ProtocolMode.C, 300)]
    [InlineData("/ABC61\r\n", ProtocolMode.C, 19200)]
    [InlineData("/ABC-Meter\r\n", ProtocolMode.A, 300)]
    public void Baud_character_declares_mode_and_rate(string text, ProtocolMode mode, int baud)
    {
        var id = Identification.Parse(A(text));
        Assert.Equal(mode, id.Mode);
        Assert.Equal(baud, id.MaximumBaud);
    }

    [Theory]
    [InlineData("KAM5351B\r\n", "does not start with '/'")]
    [InlineData("/KAM5351B\n", "not ended by CR LF")]
    [InlineData("/K1M5351B\r\n", "not three letters")]
    [InlineData("/KAM7351B\r\n", "reserved")]
    [InlineData("/KAMG351B\r\n", "reserved")]
    [InlineData("/KAM512345678901234567\r\n", "17 characters")]
    [InlineData("/KAM5ab\\\r\n", "without its enhanced")]
    public void Malformed_identifications_name_the_problem(string text, string why)
    {
        var e = Assert.Throws<MeterProtocolException>(() => Identification.Parse(A(text)));
        Assert.Equal(ProtocolErrorKind.MalformedIdentification, e.Kind);
        Assert.Contains(why, e.Message);
    }
}
