using CsCheck;
using Meter.Hal.Device;

namespace Meter.Device.Tests;

public class EvenParity7Tests
{
    [Theory]
    // character, binary, ones → parity bit → frame byte
    [InlineData(0x2F, 0xAF)] // '/' 010 1111: 5 ones (odd) → bit 7 set → 0xAF
    [InlineData(0x3F, 0x3F)] // '?' 011 1111: 6 ones (even) → 0x3F
    [InlineData(0x21, 0x21)] // '!' 010 0001: 2 ones → 0x21
    [InlineData(0x0D, 0x8D)] // CR  000 1101: 3 ones → 0x8D
    [InlineData(0x0A, 0x0A)] // LF  000 1010: 2 ones → 0x0A
    [InlineData(0x06, 0x06)] // ACK 000 0110: 2 ones → 0x06
    [InlineData(0x15, 0x95)] // NAK 001 0101: 3 ones → 0x95
    [InlineData(0x00, 0x00)]
    [InlineData(0x7F, 0xFF)] // 7 ones → 0xFF
    public void Frame_byte_carries_even_parity_in_bit_7(int character, int frame)
    {
        Assert.Equal((byte)frame, EvenParity7.Encode(character));
        Assert.True(EvenParity7.TryDecode((byte)frame, out var back));
        Assert.Equal((byte)character, back);
    }

    [Fact]
    public void Every_character_round_trips_and_every_single_bit_error_is_detected()
    {
        Gen.Int[0, 0x7F].Select(Gen.Int[0, 7]).Sample((c, bit) =>
        {
            byte frame = EvenParity7.Encode(c);
            int ones = System.Numerics.BitOperations.PopCount(frame);
            bool roundTrips = EvenParity7.TryDecode(frame, out var back) && back == c && ones % 2 == 0;
            bool flipCaught = !EvenParity7.TryDecode((byte)(frame ^ (1 << bit)), out _);
            return roundTrips && flipCaught;
        }, iter: 2000);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0x80)]
    public void Eight_bit_characters_are_refused(int character)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EvenParity7.Encode(character));
    }
}
