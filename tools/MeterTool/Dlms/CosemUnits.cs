using System.Globalization;

namespace Meter.Tool.Dlms;

/// <summary>Unit codes of scaler_unit (Blue Book, class 3 Register, "unit" enumeration; IEC 62056-62 Table 4) and scaled values.</summary>
public static class CosemUnits
{
    /// <summary>The unit's symbol; "" for 255 (count, no unit), "unit N" for codes this tool does not name.</summary>
    public static string Symbol(int code) => code switch
    {
        1 => "a", 2 => "mo", 3 => "wk", 4 => "d", 5 => "h", 6 => "min", 7 => "s", 8 => "°", 9 => "°C", 10 => "currency",
        11 => "m", 12 => "m/s", 13 => "m³", 14 => "m³", 15 => "m³/h", 16 => "m³/h", 17 => "m³/d", 18 => "m³/d", 19 => "l", 20 => "kg",
        21 => "N", 22 => "Nm", 23 => "Pa", 24 => "bar", 25 => "J", 26 => "J/h",
        27 => "W", 28 => "VA", 29 => "var", 30 => "Wh", 31 => "VAh", 32 => "varh", 33 => "A", 34 => "C", 35 => "V",
        36 => "V/m", 37 => "F", 38 => "Ω", 39 => "Ωm²/m", 40 => "Wb", 41 => "T", 42 => "A/m", 43 => "H", 44 => "Hz",
        45 => "1/(Wh)", 46 => "1/(varh)", 47 => "1/(VAh)", 48 => "V²h", 49 => "A²h", 56 => "%", 57 => "Ah",
        254 => "other", 255 => "",
        _ => $"unit {code}",
    };

    /// <summary>The value × 10^scaler as exact decimal text (e.g. 12345 with scaler -3 → "12.345").</summary>
    public static string Scaled(long value, int scaler)
    {
        if (scaler == 0) return value.ToString(CultureInfo.InvariantCulture);
        decimal result = value;
        if (scaler > 0) for (int i = 0; i < scaler; i++) result *= 10;
        else result = value / (decimal)Math.Pow(10, -scaler);
        return result.ToString(scaler < 0 ? "F" + (-scaler) : "0", CultureInfo.InvariantCulture);
    }

    /// <summary>A value with its scaler_unit structure {scaler integer, unit enum} applied: (text, unit); non-integers as they are.</summary>
    public static (string Value, string Unit) Apply(AxdrValue value, AxdrValue? scalerUnit)
    {
        if (scalerUnit is not { Tag: AxdrTag.Structure } su || su.Children.Count != 2 || !value.IsInteger)
            return (value.ToString(), "");
        int scaler = (int)su.Children[0].AsInteger("scaler");
        int unit = (int)su.Children[1].AsInteger("unit");
        return (Scaled(value.Number, scaler), Symbol(unit));
    }
}
