using CsCheck;
using Meter.OpticalClient.Protocol;

namespace MeterTool.Tests;

/// <summary>Data sets "address(value*unit)(value2)" (IEC 62056-21:2002 §6.3.16..6.3.20).</summary>
public class DataSetTests
{
    [Fact]
    public void Lines_with_units_billing_suffixes_and_extra_values()
    {
        var sets = DataBlockParser.Parse(
            "0.0.0(12345678)\r\n1.8.0(000123.456*kWh)\r\n1.8.0*12(000100.000*kWh)\r\n1.8.0&11(000090.000*kWh)\r\n"
            + "1.6.0(12.345*kW)(24-05-01 10:15)\r\n!\r\n");
        Assert.Equal(5, sets.Count);
        Assert.Equal(("0.0.0", "12345678", ""), (sets[0].Address, sets[0].Value, sets[0].Unit));
        Assert.Equal(("1.8.0", "000123.456", "kWh"), (sets[1].Address, sets[1].Value, sets[1].Unit));
        Assert.Equal(("1.8.0", (int?)12), (sets[2].BaseAddress, sets[2].BillingPeriod));
        Assert.Equal(("1.8.0", (int?)11), (sets[3].BaseAddress, sets[3].BillingPeriod));
        Assert.Null(sets[1].BillingPeriod);
        Assert.Equal(2, sets[4].Values.Count);
        Assert.Equal("24-05-01 10:15", sets[4].Values[1].Value);
    }

    [Fact]
    public void Several_sets_on_one_line()
    {
        var sets = DataBlockParser.Parse("1.8.1(1.0*kWh)1.8.2(2.0*kWh)\r\n");
        Assert.Equal(new[] { "1.8.1", "1.8.2" }, sets.Select(s => s.Address));
        Assert.Equal(new[] { "1.0", "2.0" }, sets.Select(s => s.Value));
    }

    [Fact]
    public void Address_less_ER_set_is_an_error_message()
    {
        var set = Assert.Single(DataBlockParser.Parse("(ER05)"));
        Assert.True(set.IsErrorMessage);
        Assert.False(DataBlockParser.Parse("(12.3)")[0].IsErrorMessage);
    }

    [Fact]
    public void Empty_readout_is_legal()
    {
        Assert.Empty(DataBlockParser.Parse("!\r\n"));
    }

    [Theory]
    [InlineData("1.8.0 123\r\n")]
    [InlineData("1.8.0(123\r\n")]
    [InlineData("1.8.0((1))\r\n")]
    public void Malformed_lines_are_refused(string block)
    {
        var e = Assert.Throws<MeterProtocolException>(() => DataBlockParser.Parse(block));
        Assert.Equal(ProtocolErrorKind.MalformedFrame, e.Kind);
    }

    [Theory]
    [InlineData("1.146", "kW", "W", 1146)]
    [InlineData("229.2", "V", "V", 229.2)]
    [InlineData("4.98", "", "A", 4.98)]
    [InlineData("5000", "mA", "A", 5)]
    public void Physical_values_convert_to_the_base_unit(string value, string unit, string baseUnit, double expected) =>
        Assert.Equal((decimal)expected, PhysicalValue.ToBaseUnit(new DataValue(value, unit), baseUnit));

    [Fact]
    public void Physical_value_with_the_wrong_unit_is_refused() =>
        Assert.Throws<FormatException>(() => PhysicalValue.ToBaseUnit(new DataValue("1", "kvar"), "W"));
}

/// <summary>Property: any well-formed data block parses back to the sets it was written from.</summary>
public class DataSetRoundTripTests
{
    [Fact]
    public void Formatted_sets_parse_back_unchanged()
    {
        // Address ≤ 16 characters without "( ) / !"; value ≤ 32 without "( ) * / !"; unit ≤ 16 (§6.3.17..20).
        var addressChar = CsCheck.Gen.Char["0123456789.:-*&ABCFPabc"];
        var valueChar = CsCheck.Gen.Char["0123456789.-: ABERabc"];
        var unitChar = CsCheck.Gen.Char["kWhVvarAHz"];
        var value = CsCheck.Gen.Select(valueChar.Array[0, 32], unitChar.Array[0, 16],
            (v, u) => new Meter.OpticalClient.Protocol.DataValue(new string(v), new string(u)));
        var set = CsCheck.Gen.Select(addressChar.Array[1, 16], value.Array[1, 3],
            (a, vs) => new Meter.OpticalClient.Protocol.DataSet(new string(a), vs));
        set.Array[0, 10].Sample(sets =>
        {
            string block = string.Concat(sets.Select(s => s.Address + string.Concat(s.Values.Select(v => "(" + (v.Unit.Length == 0 ? v.Value : v.Value + "*" + v.Unit) + ")")) + "\r\n")) + "!\r\n";
            var parsed = Meter.OpticalClient.Protocol.DataBlockParser.Parse(block);
            return parsed.Count == sets.Length
                && parsed.Zip(sets).All(p => p.First.Address == p.Second.Address
                    && p.First.Values.Select(v => (v.Value, v.Unit)).SequenceEqual(p.Second.Values.Select(v => (v.Value, v.Unit))));
        }, iter: 2000);
    }
}
