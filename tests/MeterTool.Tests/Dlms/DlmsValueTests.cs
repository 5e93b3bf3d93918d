using Meter.Tool.Dlms;
using static MeterTool.Tests.Dlms.ScriptedApduLink;

namespace MeterTool.Tests.Dlms;

/// <summary>OBIS parsing, scaled values and typed writes of MeterTool's DLMS client.</summary>
public class DlmsValueTests
{
    [Theory]
    [InlineData("1-0:1.8.0", "1-0:1.8.0.255")]
    [InlineData("1.8.0", "1-0:1.8.0.255")]
    [InlineData("96.1.0", "0-0:96.1.0.255")]
    [InlineData("0-0:40.0.0*255", "0-0:40.0.0.255")]
    [InlineData("1-0:99.1.0.255", "1-0:99.1.0.255")]
    public void OBIS_codes_parse_with_the_default_groups(string text, string expected) =>
        Assert.Equal(expected, ObisCode.Format(ObisCode.Parse(text)));

    [Theory]
    [InlineData("1-0:1.8")]
    [InlineData("1-0:1.8.256")]
    [InlineData("x.8.0")]
    public void A_bad_OBIS_code_is_refused_quoting_it(string text) =>
        Assert.Contains($"\"{text}\" is not an OBIS code", Assert.Throws<ArgumentException>(() => ObisCode.Parse(text)).Message);

    [Theory]
    [InlineData(12345, -3, "12.345")]
    [InlineData(-5, -1, "-0.5")]
    [InlineData(7, 2, "700")]
    [InlineData(6555, 0, "6555")]
    public void Scaled_values_are_exact(long value, int scaler, string expected) =>
        Assert.Equal(expected, CosemUnits.Scaled(value, scaler));

    [Fact]
    public void A_write_takes_the_type_of_the_current_value()
    {
        Assert.Equal(Hex("12 01 F4"), DlmsValueText.Encode(new AxdrValue(AxdrTag.LongUnsigned, 15), "500"));
        Assert.Equal(Hex("0A 08 38 37 36 35 34 33 32 31"), DlmsValueText.Encode(new AxdrValue(AxdrTag.VisibleString, Bytes: "12345678"u8.ToArray()), "87654321"));
        // A date-time keeps the current deviation (-60) and status; the day of week follows the date (2025-01-15 is a Wednesday).
        var now = new AxdrValue(AxdrTag.OctetString, Bytes: Hex("07 E9 05 0E 03 0A 00 00 00 FF C4 00"));
        Assert.Equal(Hex("09 0C 07 E9 01 0F 03 0D 00 00 00 FF C4 00"), DlmsValueText.Encode(now, "2025-01-15 13:00:00"));
        Assert.Contains("outside LongUnsigned", Assert.Throws<ArgumentException>(() => DlmsValueText.Encode(new AxdrValue(AxdrTag.LongUnsigned, 15), "70000")).Message);
        Assert.Contains("give a whole number", Assert.Throws<ArgumentException>(() => DlmsValueText.Encode(new AxdrValue(AxdrTag.Unsigned, 1), "x")).Message);
    }
}
