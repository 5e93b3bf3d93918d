using System.Text;

namespace Meter.Hal.Simulation.Lcd;

/// <summary>
/// The virtual meter's display in a terminal (host only): draws a boxed picture of the glass
/// with ANSI cursor positioning and, after the first frame, rewrites only the lines whose text
/// changed. Line 1: tariff, quadrant and phase indicators; line 2: the value with its point and
/// unit; line 3: the OBIS identification; line 4: the status words.
/// </summary>
public sealed class TerminalLcdRenderer : ILcdPanel
{
    /// <summary>Characters inside the box.</summary>
    public const int InnerWidth = 40;

    /// <summary>Content lines inside the box.</summary>
    public const int ContentLines = 4;

    private readonly TextWriter _output;
    private readonly int _top;
    private readonly int _left;
    private readonly string[] _shown = new string[ContentLines];
    private bool _boxDrawn;

    /// <summary>Draws on <paramref name="output"/> with the box's top-left corner at terminal row <paramref name="top"/>, column <paramref name="left"/> (1-based).</summary>
    public TerminalLcdRenderer(TextWriter output, int top = 1, int left = 1)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (top < 1 || left < 1) throw new ArgumentOutOfRangeException(nameof(top), "terminal rows and columns start at 1");
        _output = output;
        _top = top;
        _left = left;
    }

    /// <summary>Content lines rewritten by the last <see cref="Show"/>.</summary>
    public int LastLinesWritten { get; private set; }

    /// <inheritdoc />
    public void Show(LcdFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var lines = RenderLines(frame);
        var text = new StringBuilder();
        if (!_boxDrawn)
        {
            string border = "+" + new string('-', InnerWidth) + "+";
            MoveTo(text, _top, _left);
            text.Append(border);
            MoveTo(text, _top + ContentLines + 1, _left);
            text.Append(border);
            _boxDrawn = true;
        }
        int written = 0;
        for (int i = 0; i < ContentLines; i++)
        {
            if (_shown[i] == lines[i]) continue;
            MoveTo(text, _top + 1 + i, _left);
            text.Append('|').Append(lines[i]).Append('|');
            _shown[i] = lines[i];
            written++;
        }
        LastLinesWritten = written;
        if (text.Length > 0)
        {
            _output.Write(text.ToString());
            _output.Flush();
        }
    }

    /// <summary>The four content lines (each <see cref="InnerWidth"/> characters) for <paramref name="frame"/>.</summary>
    public static string[] RenderLines(LcdFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var indicators = new StringBuilder(" ");
        indicators.Append(frame.Tariff > 0 ? "T" + frame.Tariff : "  ").Append("  ");
        indicators.Append(frame.Quadrant > 0 ? "Q" + frame.Quadrant : "  ").Append("   ");
        indicators.Append(frame.Has(LcdSymbols.L1) ? "L1 " : "   ");
        indicators.Append(frame.Has(LcdSymbols.L2) ? "L2 " : "   ");
        indicators.Append(frame.Has(LcdSymbols.L3) ? "L3" : "  ");

        var value = new StringBuilder();
        for (int p = 0; p < LcdFrame.ValueLength; p++)
        {
            value.Append(frame.Value[p]);
            if ((frame.ValuePoints >> p & 1) != 0) value.Append('.');
        }
        string valueLine = "   " + value.ToString().PadLeft(LcdFrame.ValueLength + 1) + "  " + UnitText(frame.Units);

        var id = new StringBuilder(" ");
        for (int p = 0; p < LcdFrame.IdLength; p++)
        {
            id.Append(frame.Id[p]);
            if ((frame.IdPoints >> p & 1) != 0) id.Append('.');
        }

        var status = new StringBuilder();
        AppendWord(status, frame.Has(LcdSymbols.Error), "ERROR");
        AppendWord(status, frame.Has(LcdSymbols.Magnetic), "MAGNET");
        AppendWord(status, frame.Has(LcdSymbols.Tamper), "TAMPER");
        AppendWord(status, frame.Has(LcdSymbols.Breaker), "BREAKER");
        AppendWord(status, frame.Has(LcdSymbols.Prepayment), "PREPAY");
        AppendWord(status, frame.Has(LcdSymbols.Battery), "BATT");
        AppendWord(status, frame.Has(LcdSymbols.QualityAlarm), "QUALITY");

        return new[]
        {
            Fit(indicators.ToString()),
            Fit(valueLine),
            Fit(id.ToString().TrimEnd()),
            Fit(" " + status.ToString().TrimEnd()),
        };
    }

    /// <summary>The unit text for <see cref="LcdUnits"/> flags, e.g. "kWh", "kvarh", "V".</summary>
    public static string UnitText(int units)
    {
        var text = new StringBuilder();
        if ((units & LcdUnits.Kilo) != 0) text.Append('k');
        if ((units & LcdUnits.Mega) != 0) text.Append('M');
        if ((units & LcdUnits.Watt) != 0) text.Append('W');
        if ((units & LcdUnits.Var) != 0) text.Append("var");
        if ((units & LcdUnits.VoltAmpere) != 0) text.Append("VA");
        if ((units & LcdUnits.Volt) != 0) text.Append('V');
        if ((units & LcdUnits.Ampere) != 0) text.Append('A');
        if ((units & LcdUnits.Hertz) != 0) text.Append("Hz");
        if ((units & LcdUnits.Hour) != 0) text.Append('h');
        if ((units & LcdUnits.Percent) != 0) text.Append('%');
        if ((units & LcdUnits.CubicMetre) != 0) text.Append("m³");
        if ((units & LcdUnits.Litre) != 0) text.Append('L');
        return text.ToString();
    }

    private static void AppendWord(StringBuilder text, bool lit, string word)
    {
        if (lit) text.Append(word).Append(' ');
    }

    private static string Fit(string line) =>
        line.Length >= InnerWidth ? line[..InnerWidth] : line.PadRight(InnerWidth);

    // ANSI "cursor position": ESC [ row ; column H.
    private static void MoveTo(StringBuilder text, int row, int column) =>
        text.Append('\u001b').Append('[').Append(row).Append(';').Append(column).Append('H');
}
