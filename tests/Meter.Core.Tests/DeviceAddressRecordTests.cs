using System.Numerics;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// Where <see cref="DeviceAddressRecord"/> keeps the device address in the settings record: value 127
/// and the upper halves of values 1..4, 6 bits a character, the settings there untouched.
/// </summary>
public class DeviceAddressRecordTests
{
    private const string ThirtyTwo = DeviceAddressTests.ThirtyTwo;

    [Theory]
    [InlineData("0")]
    [InlineData("Zz 09azAZ ")]
    [InlineData("9")]
    [InlineData("12345678901")]
    [InlineData(ThirtyTwo)]
    [InlineData("                                ")]
    public void The_record_gives_the_address_back_and_keeps_the_settings_beside_it(string address)
    {
        var values = new long[StorageLayout.SettingsValueCount];
        for (int i = 1; i <= 4; i++) values[i] = 100000 + i;
        DeviceAddressRecord.Store(address, values);
        Assert.True(DeviceAddressRecord.TryRead(values, out var back));
        Assert.Equal(address, back);
        for (int i = 1; i <= 4; i++) Assert.Equal(100000 + i, DeviceAddressRecord.LowerHalf(values, i));
    }

    /// <summary>
    /// The field computed independently: the address as one 192-bit number, character i's code
    /// (1..10 digits, 11..36 A-Z, 37..62 a-z, 63 space) times 2^(6i); its low 64 bits are value 127
    /// (as the 10-character format had them), the next 4 × 32 bits the upper halves of values 1..4.
    /// </summary>
    [Fact]
    public void The_address_bits_lie_where_the_record_reserves_them()
    {
        BigInteger field = 0;
        for (int i = ThirtyTwo.Length - 1; i >= 0; i--)
        {
            char c = ThirtyTwo[i];
            int code = char.IsDigit(c) ? 1 + c - '0' : char.IsUpper(c) ? 11 + c - 'A' : char.IsLower(c) ? 37 + c - 'a' : 63;
            field = (field << 6) | code;
        }
        var values = new long[StorageLayout.SettingsValueCount];
        values[1] = 1000;
        DeviceAddressRecord.Store(ThirtyTwo, values);
        Assert.Equal((long)(ulong)(field & ulong.MaxValue), values[127]);
        for (int i = 0; i < 4; i++)
        {
            long upper = (long)(uint)((field >> (64 + 32 * i)) & uint.MaxValue);
            Assert.Equal((upper << 32) + (i == 0 ? 1000L : 0L), values[1 + i]);
        }
        Assert.All(values.Where((_, i) => i is not (>= 1 and <= 4) and not 127), v => Assert.Equal(0, v));
    }

    [Fact]
    public void A_stored_field_no_address_packs_to_is_refused()
    {
        var values = new long[StorageLayout.SettingsValueCount];
        values[127] = 2L << 6; // a character after the end
        Assert.False(DeviceAddressRecord.TryRead(values, out _));
        values[127] = 1;
        values[4] = 1L << 63; // character 32's top bit after a one-character address
        Assert.False(DeviceAddressRecord.TryRead(values, out _));
        values[4] = 0;
        Assert.True(DeviceAddressRecord.TryRead(values, out var one));
        Assert.Equal("0", one);
    }
}
