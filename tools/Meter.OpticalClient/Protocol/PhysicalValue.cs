using System.Globalization;

namespace Meter.OpticalClient.Protocol;

/// <summary>Turns a data value "1.146*kW" into a number in the base unit (1146 W).</summary>
public static class PhysicalValue
{
    /// <summary>
    /// Value of <paramref name="value"/> in <paramref name="baseUnit"/> ("W", "V", "A", "var", "Hz", "Wh" …):
    /// the unit may be the base unit, or it with a k/M/m prefix, or empty (taken as the base unit).
    /// </summary>
    /// <exception cref="FormatException">Not a number, or a different unit (named).</exception>
    public static decimal ToBaseUnit(DataValue value, string baseUnit)
    {
        if (!decimal.TryParse(value.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number))
            throw new FormatException($"\"{value.Value}\" is not a number");
        string unit = value.Unit;
        if (unit.Length == 0 || unit == baseUnit) return number;
        if (unit.Length == baseUnit.Length + 1 && unit.EndsWith(baseUnit, StringComparison.Ordinal))
        {
            switch (unit[0])
            {
                case 'k': return number * 1000m;
                case 'M': return number * 1_000_000m;
                case 'm': return number / 1000m;
            }
        }
        throw new FormatException($"unit \"{unit}\" is not {baseUnit} (or k/M/m{baseUnit})");
    }
}
