using Meter.Hal;
using Meter.Hal.Simulation.Lcd;

namespace Meter.Display.Tests;

public class TerminalLcdRendererTests
{
    private const string Esc = "\u001b";

    private static LcdFrame Frame()
    {
        var frame = new LcdFrame();
        FrameText.SetValue(frame, "   123456");
        frame.ValuePoints = 1 << 7;
        frame.Units = LcdUnits.Kilo | LcdUnits.Watt | LcdUnits.Hour;
        FrameText.SetId(frame, "180    ");
        frame.IdPoints = 0b11;
        frame.Tariff = 1;
        frame.Quadrant = 2;
        frame.Symbols = LcdSymbols.L2 | LcdSymbols.Tamper;
        return frame;
    }

    [Fact]
    public void Lines_show_indicators_value_id_and_status()
    {
        var lines = TerminalLcdRenderer.RenderLines(Frame());
        Assert.Equal(" T1  Q2      L2   ".PadRight(40), lines[0]);
        Assert.Equal("   " + "   12345.6" + "  kWh".PadRight(27), lines[1]); // 3-column margin, 10-column value field (9 positions + point), 2 spaces, unit
        Assert.Equal(" 1.8.0".PadRight(40), lines[2]);
        Assert.Equal(" TAMPER".PadRight(40), lines[3]);
    }

    [Fact]
    public void Later_units_and_the_quality_alarm_have_their_text()
    {
        Assert.Equal("%", TerminalLcdRenderer.UnitText(LcdUnits.Percent));
        Assert.Equal("m³", TerminalLcdRenderer.UnitText(LcdUnits.CubicMetre));
        Assert.Equal("L", TerminalLcdRenderer.UnitText(LcdUnits.Litre));
        var frame = Frame();
        frame.Symbols = LcdSymbols.QualityAlarm;
        Assert.Equal(" QUALITY".PadRight(40), TerminalLcdRenderer.RenderLines(frame)[3]);
    }

    [Fact]
    public void Draws_the_box_once_then_rewrites_only_changed_lines()
    {
        var output = new StringWriter();
        var renderer = new TerminalLcdRenderer(output, top: 2, left: 5);
        var frame = Frame();
        renderer.Show(frame);
        string border = "+" + new string('-', 40) + "+";
        var lines = TerminalLcdRenderer.RenderLines(frame);
        string expected = $"{Esc}[2;5H{border}{Esc}[7;5H{border}"
            + $"{Esc}[3;5H|{lines[0]}|{Esc}[4;5H|{lines[1]}|{Esc}[5;5H|{lines[2]}|{Esc}[6;5H|{lines[3]}|";
        Assert.Equal(expected, output.ToString());

        output.GetStringBuilder().Clear();
        renderer.Show(frame);
        Assert.Equal("", output.ToString());
        Assert.Equal(0, renderer.LastLinesWritten);

        frame.Value[8] = '7';
        renderer.Show(frame);
        Assert.Equal($"{Esc}[4;5H|" + "      12345.7  kWh".PadRight(40) + "|", output.ToString());
        Assert.Equal(1, renderer.LastLinesWritten);
    }
}
