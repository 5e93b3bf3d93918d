using System.Text;
using Meter.Obis;

namespace Meter.Optical.Tests;

/// <summary>OBIS codes, IEC 62056-61:2006 §4.</summary>
public class ObisCodeTests
{
    [Theory]
    [InlineData("1-0:1.8.0", 1, 0, 1, 8, 0, 255, "1.8.0")]
    [InlineData("1.8.0", 1, 0, 1, 8, 0, 255, "1.8.0")]
    [InlineData("1-0:1.8.0*255", 1, 0, 1, 8, 0, 255, "1.8.0")]
    [InlineData("1.8.0*12", 1, 0, 1, 8, 0, 12, "1.8.0*12")]
    [InlineData("1.8.0&12", 1, 0, 1, 8, 0, 12, "1.8.0*12")]
    [InlineData("0-0:96.1.0", 0, 0, 96, 1, 0, 255, "0-0:96.1.0")]
    [InlineData("C.1.0", 1, 0, 96, 1, 0, 255, "96.1.0")]
    [InlineData("F.F.0", 1, 0, 97, 97, 0, 255, "97.97.0")]
    [InlineData("255-255:255.255.255*254", 255, 255, 255, 255, 255, 254, "255-255:255.255.255*254")]
    public void Parses_full_and_reduced_forms(string text, int a, int b, int c, int d, int e, int f, string address)
    {
        var code = ObisCode.Parse(text);
        Assert.Equal(new ObisCode((byte)a, (byte)b, (byte)c, (byte)d, (byte)e, (byte)f), code);
        Assert.Equal(address, code.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.8")]
    [InlineData("1.8.0.")]
    [InlineData("256.8.0")]
    [InlineData("1.8.0*")]
    [InlineData("1.8.0*1x")]
    [InlineData("1-0:1.8")]
    [InlineData("1-:1.8.0")]
    [InlineData("x.8.0")]
    [InlineData("1..0")]
    [InlineData("0001.8.0")]
    [InlineData("1.8.0 ")]
    public void Rejects_malformed_addresses(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.False(ObisCode.TryParse(bytes, 0, bytes.Length, out _));
        Assert.Throws<ArgumentException>(() => ObisCode.Parse(text));
    }

    [Fact]
    public void Billing_value_codes_are_answered_by_the_object_keeping_them()
    {
        var meter = new Support.SampleMeter();
        var billing = StandardObjects.ActiveImport.WithF(7);
        Assert.Same(meter.Table.Find(StandardObjects.ActiveImport), meter.Table.Find(billing));
        // 3.8.0 keeps no billing values in the standard set.
        Assert.Null(meter.Table.Find(StandardObjects.ReactiveImport.WithF(7)));
    }
}
