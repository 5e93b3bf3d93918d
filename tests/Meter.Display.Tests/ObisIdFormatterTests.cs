using Meter.Display;
using Meter.Hal;
using Meter.Obis;

namespace Meter.Display.Tests;

public class ObisIdFormatterTests
{
    [Theory]
    // code, ID characters, points (bit i = point after position i)
    [InlineData("1.8.0", "180    ", 0b11)]            // 1.8.0
    [InlineData("1-0:32.7.0", "3270   ", 0b110)]      // 32.7.0
    [InlineData("1.8.0*12", "18012  ", 0b111)]        // 1.8.0.12 (billing period 12)
    [InlineData("0-0:96.1.0", "C10    ", 0b11)]       // C.1.0 (IEC 62056-61 §4.4 letter for 96)
    [InlineData("0-0:97.97.0", "FF0    ", 0b11)]      // F.F.0 (error register)
    [InlineData("0-0:96.97.1", "CF1    ", 0b11)]      // C.F.1
    [InlineData("1.97.0", "1970   ", 0b101)]          // 1.97.0: no letter in D after a numeric C
    [InlineData("1.128.255", "1128255", 0b1001)]     // 1.128.255: points after positions 0 and 3
    public void Writes_reduced_id_with_points(string code, string characters, int points)
    {
        var frame = new LcdFrame();
        ObisIdFormatter.Write(ObisCode.Parse(code), frame);
        Assert.Equal(characters, FrameText.Id(frame));
        Assert.Equal(points, frame.IdPoints);
    }

    [Fact]
    public void Codes_longer_than_seven_positions_are_rejected()
    {
        var code = ObisCode.Parse("1-0:128.128.128*100"); // 3 + 3 + 3 + 3 = 12 positions
        Assert.Equal(12, ObisIdFormatter.PositionsNeeded(code));
        Assert.False(ObisIdFormatter.Fits(code));
        Assert.Throws<ArgumentException>(() => ObisIdFormatter.Write(code, new LcdFrame()));
    }

    [Fact]
    public void Error_id_is_F_F()
    {
        var frame = new LcdFrame();
        ObisIdFormatter.WriteErrorId(frame);
        Assert.Equal("FF     ", FrameText.Id(frame));
        Assert.Equal(1, frame.IdPoints);
    }
}
