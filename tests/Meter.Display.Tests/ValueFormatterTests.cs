using System.Numerics;
using CsCheck;
using Meter.Display;
using Meter.Hal;
using Meter.Obis;

namespace Meter.Display.Tests;

public class ValueFormatterTests
{
    private const int kWh = LcdUnits.Kilo | LcdUnits.Watt | LcdUnits.Hour;

    private static LcdFrame Format(long value, int scaler, ObisUnit unit, DisplayDecimals decimals, int ctPrimary = 0, int ctSecondary = 0)
    {
        var format = new DisplayFormat { Decimals = decimals };
        if (ctPrimary > 0) format.SetCtRatio(ctPrimary, ctSecondary);
        var frame = new LcdFrame();
        ValueFormatter.WriteValue(value, scaler, unit, format, frame);
        return frame;
    }

    private static int PointAfter(int position) => 1 << position;

    // 1 234 567 890 Wh = 1 234 567.890 kWh, shown truncated in each setting.
    [Theory]
    [InlineData(DisplayDecimals.Digits7Decimals0, "  1234567", 0)]          // 7 digits: 1234567
    [InlineData(DisplayDecimals.Digits6Decimals1, "  2345678", 1 << 7)]     // 1234567.8 rolls over to 6 integer digits: 234567.8
    [InlineData(DisplayDecimals.Digits7Decimals2, "123456789", 1 << 6)]     // 1234567.89
    [InlineData(DisplayDecimals.Digits6Decimals3, "234567890", 1 << 5)]     // 1234567.890 → 234567.890
    public void Energy_is_truncated_and_rolled_over_per_decimals_setting(DisplayDecimals decimals, string expected, int points)
    {
        var frame = Format(1_234_567_890, 0, ObisUnit.WattHour, decimals);
        Assert.Equal(expected, FrameText.Value(frame));
        Assert.Equal(points, frame.ValuePoints);
        Assert.Equal(kWh, frame.Units);
    }

    [Fact]
    public void Small_energy_keeps_the_zero_before_the_point()
    {
        // 5 Wh = 0.005 kWh: 6.3 shows "0.005"; 7.0 shows "0"; 6.1 shows "0.0".
        var f63 = Format(5, 0, ObisUnit.WattHour, DisplayDecimals.Digits6Decimals3);
        Assert.Equal("     0005", FrameText.Value(f63));
        Assert.Equal(PointAfter(5), f63.ValuePoints);
        Assert.Equal("        0", FrameText.Value(Format(5, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals0)));
        Assert.Equal("       00", FrameText.Value(Format(5, 0, ObisUnit.WattHour, DisplayDecimals.Digits6Decimals1)));
    }

    [Fact]
    public void Energy_rolls_over_at_ten_million_kWh_in_7_0()
    {
        // 9 999 999 999 Wh = 9 999 999.999 kWh → 9999999; one more kWh → 10 000 000 → 0000000.
        Assert.Equal("  9999999", FrameText.Value(Format(9_999_999_999, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals0)));
        Assert.Equal("        0", FrameText.Value(Format(10_000_000_000, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals0)));
        // 10 000 001 500 Wh = 10 000 001.5 kWh → 1 in 7.0, 000001.5 in 6.1 (6 integer digits).
        Assert.Equal("        1", FrameText.Value(Format(10_000_001_500, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals0)));
        Assert.Equal("       15", FrameText.Value(Format(10_000_001_500, 0, ObisUnit.WattHour, DisplayDecimals.Digits6Decimals1)));
    }

    [Fact]
    public void Negative_energy_puts_the_sign_before_the_first_digit()
    {
        // −1 234 567 890 Wh: 7.0 → −1234567 (8 positions used).
        Assert.Equal(" -1234567", FrameText.Value(Format(-1_234_567_890, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals0)));
        // 7.2 would need 9 digits + sign: the magnitude rolls over to 8 digits, 1234567.89 → 234567.89.
        var f72 = Format(-1_234_567_890, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals2);
        Assert.Equal("-23456789", FrameText.Value(f72));
        Assert.Equal(PointAfter(6), f72.ValuePoints);
        // −0.5 kWh in 6.1: "-0.5".
        var f61 = Format(-500, 0, ObisUnit.WattHour, DisplayDecimals.Digits6Decimals1);
        Assert.Equal("      -05", FrameText.Value(f61));
        Assert.Equal(PointAfter(7), f61.ValuePoints);
        // −0.4 Wh truncates to 0 kWh: no minus sign on a zero.
        Assert.Equal("        0", FrameText.Value(Format(-4, -1, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals0)));
    }

    [Fact]
    public void Scaler_is_applied_before_the_decimals()
    {
        // 12 345 × 0.1 Wh = 1 234.5 Wh = 1.2345 kWh → 6.3 shows 1.234.
        var frame = Format(12_345, -1, ObisUnit.WattHour, DisplayDecimals.Digits6Decimals3);
        Assert.Equal("     1234", FrameText.Value(frame));
        Assert.Equal(PointAfter(5), frame.ValuePoints);
        // 1 234 × 100 varh = 123.4 kvarh → 7.2 shows 123.40.
        var varh = Format(1_234, 2, ObisUnit.VarHour, DisplayDecimals.Digits7Decimals2);
        Assert.Equal("    12340", FrameText.Value(varh));
        Assert.Equal(LcdUnits.Kilo | LcdUnits.Var | LcdUnits.Hour, varh.Units);
    }

    [Fact]
    public void Primary_energy_multiplies_by_the_ct_ratio()
    {
        // CT 3000/5 = ×600. Secondary 1 234 567 Wh × 600 = 740 740 200 Wh = 740 740.2 kWh.
        Assert.Equal("   740740", FrameText.Value(Format(1_234_567, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals0, 3000, 5)));
        var f61 = Format(1_234_567, 0, ObisUnit.WattHour, DisplayDecimals.Digits6Decimals1, 3000, 5);
        Assert.Equal("  7407402", FrameText.Value(f61));
        // 20 000 000 Wh × 600 = 12 000 000 kWh → rolls over in 7.0 to 2000000.
        Assert.Equal("  2000000", FrameText.Value(Format(20_000_000, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals0, 3000, 5)));
        // CT 150/5 = ×30 with an odd remainder: 1 001 Wh × 30 = 30 030 Wh = 30.030 kWh → 6.3 "30.030".
        Assert.Equal("    30030", FrameText.Value(Format(1_001, 0, ObisUnit.WattHour, DisplayDecimals.Digits6Decimals3, 150, 5)));
        // CT 7/5 = ×1.4 (not an integer): 1 000 001 Wh × 7 / 5 = 1 400 001.4 Wh = 1400.0014 kWh → 6.3 "1400.001".
        Assert.Equal("  1400001", FrameText.Value(Format(1_000_001, 0, ObisUnit.WattHour, DisplayDecimals.Digits6Decimals3, 7, 5)));
    }

    [Fact]
    public void Ct_ratio_does_not_touch_other_quantities()
    {
        // 2301 × 0.1 V = 230.1 V whatever the CT ratio.
        var frame = Format(2_301, -1, ObisUnit.Volt, DisplayDecimals.Digits7Decimals0, 3000, 5);
        Assert.Equal("     2301", FrameText.Value(frame));
        Assert.Equal(PointAfter(7), frame.ValuePoints);
        Assert.Equal(LcdUnits.Volt, frame.Units);
    }

    [Fact]
    public void Percent_cubic_metres_and_litres_light_their_unit_symbols()
    {
        // THD 3.47 % (scaler −2), a pulse-input register of 12.345 m³ (scaler −3) and of 250 L: the value as it is, its own unit.
        var thd = Format(347, -2, ObisUnit.Percent, DisplayDecimals.Digits7Decimals0);
        Assert.Equal("      347", FrameText.Value(thd));
        Assert.Equal(PointAfter(6), thd.ValuePoints);
        Assert.Equal(LcdUnits.Percent, thd.Units);
        var gas = Format(12_345, -3, ObisUnit.CubicMetre, DisplayDecimals.Digits7Decimals0);
        Assert.Equal("    12345", FrameText.Value(gas));
        Assert.Equal(LcdUnits.CubicMetre, gas.Units);
        Assert.Equal(LcdUnits.Litre, Format(250, 0, ObisUnit.Litre, DisplayDecimals.Digits7Decimals0).Units);
    }

    [Fact]
    public void Power_is_shown_in_kilo_units_with_three_decimals()
    {
        // −1 500 W = −1.500 kW.
        var power = Format(-1_500, 0, ObisUnit.Watt, DisplayDecimals.Digits6Decimals3);
        Assert.Equal("    -1500", FrameText.Value(power));
        Assert.Equal(PointAfter(5), power.ValuePoints);
        Assert.Equal(LcdUnits.Kilo | LcdUnits.Watt, power.Units);
        // 12 × 1000 var (scaler 3) = 12.000 kvar.
        var reactive = Format(12, 3, ObisUnit.Var, DisplayDecimals.Digits7Decimals0);
        Assert.Equal("    12000", FrameText.Value(reactive));
        Assert.Equal(LcdUnits.Kilo | LcdUnits.Var, reactive.Units);
        // 2 305 × 0.1 VA = 230.5 VA = 0.230 kVA (truncated).
        Assert.Equal("     0230", FrameText.Value(Format(2_305, -1, ObisUnit.VoltAmpere, DisplayDecimals.Digits7Decimals0)));
    }

    [Fact]
    public void Other_quantities_show_their_scaler_decimals()
    {
        // 49 987 × 0.001 Hz = 49.987 Hz.
        var hz = Format(49_987, -3, ObisUnit.Hertz, DisplayDecimals.Digits7Decimals0);
        Assert.Equal("    49987", FrameText.Value(hz));
        Assert.Equal(PointAfter(5), hz.ValuePoints);
        Assert.Equal(LcdUnits.Hertz, hz.Units);
        // −512 × 0.01 A = −5.12 A.
        var current = Format(-512, -2, ObisUnit.Ampere, DisplayDecimals.Digits7Decimals0);
        Assert.Equal("     -512", FrameText.Value(current));
        Assert.Equal(PointAfter(6), current.ValuePoints);
        // 3 × 100 s (scaler 2) = 300 s, no decimals.
        var seconds = Format(3, 2, ObisUnit.Second, DisplayDecimals.Digits7Decimals0);
        Assert.Equal("      300", FrameText.Value(seconds));
        Assert.Equal(0, seconds.ValuePoints);
        // A count has no unit.
        Assert.Equal(LcdUnits.None, Format(7, 0, ObisUnit.Count, DisplayDecimals.Digits7Decimals0).Units);
    }

    [Fact]
    public void Other_quantities_that_do_not_fit_show_dashes_instead_of_rolling_over()
    {
        // 1 000 000 000 W = 1 000 000.000 kW: 10 digits.
        Assert.Equal("---------", FrameText.Value(Format(1_000_000_000, 0, ObisUnit.Watt, DisplayDecimals.Digits7Decimals0)));
        Assert.Equal("999999999", FrameText.Value(Format(999_999_999, 0, ObisUnit.Watt, DisplayDecimals.Digits7Decimals0)));
        // Negative needs a position for the sign: −99 999.999 kW fits, −100 000.000 kW does not.
        Assert.Equal("-99999999", FrameText.Value(Format(-99_999_999, 0, ObisUnit.Watt, DisplayDecimals.Digits7Decimals0)));
        Assert.Equal("---------", FrameText.Value(Format(-100_000_000, 0, ObisUnit.Watt, DisplayDecimals.Digits7Decimals0)));
        Assert.Equal("---------", FrameText.Value(Format(long.MinValue, 0, ObisUnit.Volt, DisplayDecimals.Digits7Decimals0)));
        Assert.Equal("---------", FrameText.Value(Format(1_000_000_000, 0, ObisUnit.Volt, DisplayDecimals.Digits7Decimals0)));
    }

    [Fact]
    public void Extreme_energy_values_do_not_overflow()
    {
        // long.MaxValue = 9 223 372 036 854 775 807 Wh; 7.2 shows floor(v / 10) = 922 337 203 685 477 580 hundredths of kWh, lowest 9 digits 685477580.
        Assert.Equal("685477580", FrameText.Value(Format(long.MaxValue, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals2)));
        // long.MinValue = −9 223 372 036 854 775 808 Wh; with the sign 8 digits remain: 85477580.
        Assert.Equal("-85477580", FrameText.Value(Format(long.MinValue, 0, ObisUnit.WattHour, DisplayDecimals.Digits7Decimals2)));
    }

    [Fact]
    public void Error_code_screen()
    {
        var frame = new LcdFrame();
        ValueFormatter.WriteErrorCode(12, frame);
        Assert.Equal("Err    12", FrameText.Value(frame));
        Assert.Equal(LcdUnits.None, frame.Units);
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueFormatter.WriteErrorCode(-1, frame));
    }

    [Fact]
    public void Status_code_screen_is_hexadecimal_with_at_least_two_digits()
    {
        var frame = new LcdFrame();
        ValueFormatter.WriteStatusCode(0x01, frame); // clock not valid
        Assert.Equal("       01", FrameText.Value(frame));
        Assert.Equal(0, frame.ValuePoints);
        Assert.Equal(LcdUnits.None, frame.Units);
        ValueFormatter.WriteStatusCode(0x05, frame); // clock not valid + pulse overrun
        Assert.Equal("       05", FrameText.Value(frame));
        // 0xBD1C: digits B, D, 1, C drawn as the 7-segment letters b, d, C.
        ValueFormatter.WriteStatusCode(0xBD1C, frame);
        Assert.Equal("     bd1C", FrameText.Value(frame));
        // int.MaxValue = 0x7FFFFFFF: 8 hex digits fill positions 1..8.
        ValueFormatter.WriteStatusCode(int.MaxValue, frame);
        Assert.Equal(" 7FFFFFFF", FrameText.Value(frame));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueFormatter.WriteStatusCode(-1, frame));
    }

    // The last value before the roll-over and the first after it, per setting (energy in Wh):
    // 7.0: 9 999 999.999 kWh → 9999999; 10 000 000.000 kWh → 0.
    // 6.1:   999 999.99 kWh → 999999.9;  1 000 000.0 kWh → 0.0.
    // 7.2: 9 999 999.999 kWh → 9999999.99; 10 000 000.00 kWh → 0.00.
    // 6.3:   999 999.999 kWh → 999999.999; 1 000 000.000 kWh → 0.000.
    [Theory]
    [InlineData(DisplayDecimals.Digits7Decimals0, 9_999_999_999L, "  9999999", 10_000_000_000L, "        0", 0)]
    [InlineData(DisplayDecimals.Digits6Decimals1, 999_999_990L, "  9999999", 1_000_000_000L, "       00", 1 << 7)]
    [InlineData(DisplayDecimals.Digits7Decimals2, 9_999_999_999L, "999999999", 10_000_000_000L, "      000", 1 << 6)]
    [InlineData(DisplayDecimals.Digits6Decimals3, 999_999_999L, "999999999", 1_000_000_000L, "     0000", 1 << 5)]
    public void Each_setting_rolls_over_to_zero_after_its_last_value(DisplayDecimals decimals, long lastWh, string last, long nextWh, string next, int points)
    {
        var before = Format(lastWh, 0, ObisUnit.WattHour, decimals);
        Assert.Equal(last, FrameText.Value(before));
        Assert.Equal(points, before.ValuePoints);
        var after = Format(nextWh, 0, ObisUnit.WattHour, decimals);
        Assert.Equal(next, FrameText.Value(after));
        Assert.Equal(points, after.ValuePoints);
    }

    // −123 456 789 Wh = −123 456.789 kWh, truncated toward zero, sign before the first digit.
    // 7.0 → −123456; 6.1 → −123456.7; 7.2 → −123456.78; 6.3 needs 9 digits + sign: the magnitude
    // keeps its lowest 8 digits, 23456.789.
    [Theory]
    [InlineData(DisplayDecimals.Digits7Decimals0, "  -123456", 0)]
    [InlineData(DisplayDecimals.Digits6Decimals1, " -1234567", 1 << 7)]
    [InlineData(DisplayDecimals.Digits7Decimals2, "-12345678", 1 << 6)]
    [InlineData(DisplayDecimals.Digits6Decimals3, "-23456789", 1 << 5)]
    public void Negative_energy_in_each_setting(DisplayDecimals decimals, string expected, int points)
    {
        var frame = Format(-123_456_789, 0, ObisUnit.WattHour, decimals);
        Assert.Equal(expected, FrameText.Value(frame));
        Assert.Equal(points, frame.ValuePoints);
        Assert.Equal(kWh, frame.Units);
    }

    [Fact]
    public void Bad_settings_are_rejected()
    {
        var format = new DisplayFormat();
        Assert.Throws<ArgumentOutOfRangeException>(() => format.Decimals = (DisplayDecimals)5);
        Assert.Throws<ArgumentOutOfRangeException>(() => format.SetCtRatio(3000, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => format.SetCtRatio(4, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DisplayFormat.DecimalsFromCode(0));
        Assert.Equal(DisplayDecimals.Digits6Decimals3, DisplayFormat.DecimalsFromCode(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueFormatter.WriteValue(1, 10, ObisUnit.WattHour, format, new LcdFrame()));
    }

    /// <summary>
    /// Any energy value, scaler, setting and CT ratio: the field equals the text computed
    /// independently with BigInteger: floor(|v| × 10^(s−3+d) × p / q) mod 10^k, k = digits
    /// (8 at most when negative), right-aligned with a leading zero before the point.
    /// </summary>
    [Fact]
    public void Energy_matches_a_big_integer_model()
    {
        var gen = Gen.Select(Gen.Long, Gen.Int[-4, 4], Gen.Int[1, 4], Gen.Int[0, 3]);
        int[][] ratios = [[1, 1], [3000, 5], [7, 5], [100, 1]];
        gen.Sample((value, scaler, code, ratioIndex) =>
        {
            var decimals = (DisplayDecimals)code;
            var ratio = ratios[ratioIndex];
            var frame = Format(value, scaler, ObisUnit.WattHour, decimals, ratio[0] == 1 ? 0 : ratio[0], ratio[1]);
            Assert.Equal(ExpectedEnergy(value, scaler, decimals, ratio[0], ratio[1]), FrameText.Value(frame));
        }, iter: 20_000);
    }

    private static string ExpectedEnergy(long value, int scaler, DisplayDecimals decimals, int primary, int secondary)
    {
        int d = decimals switch { DisplayDecimals.Digits6Decimals1 => 1, DisplayDecimals.Digits7Decimals2 => 2, DisplayDecimals.Digits6Decimals3 => 3, _ => 0 };
        int integer = decimals is DisplayDecimals.Digits6Decimals1 or DisplayDecimals.Digits6Decimals3 ? 6 : 7;
        int k = integer + d;
        if (value < 0) k = Math.Min(k, 8);
        BigInteger magnitude = BigInteger.Abs(value) * primary;
        int e = scaler - 3 + d;
        magnitude = e >= 0 ? magnitude * BigInteger.Pow(10, e) / secondary : magnitude / (secondary * BigInteger.Pow(10, -e));
        magnitude %= BigInteger.Pow(10, k);
        string digits = magnitude.ToString().PadLeft(d + 1, '0');
        if (value < 0 && magnitude != 0) digits = "-" + digits;
        return digits.PadLeft(9);
    }
}
