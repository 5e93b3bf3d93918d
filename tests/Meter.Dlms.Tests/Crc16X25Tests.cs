using System.Text;
using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests;

/// <summary>CRC-16/X.25, the HCS and FCS of HDLC frame type 3 (IEC 62056-46 / Green Book 8.4).</summary>
public class Crc16X25Tests
{
    [Fact]
    public void Check_value_of_123456789_is_906E()
    {
        var data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0x906E, Crc16X25.Compute(data, 0, data.Length));
        Assert.Equal(0x906E, BitwiseCrc.Compute(data)); // the test's own computation agrees with the catalogue value
    }

    [Fact]
    public void Fcs_of_the_published_SNRM_frame_is_010F_sent_as_0F_01()
    {
        // 7E A0 07 03 21 93 0F 01 7E: SNRM from client 0x10 to server 1; the FCS covers A0 07 03 21 93.
        var frame = Hex.Bytes("7E A0 07 03 21 93 0F 01 7E");
        Assert.Equal(0x010F, Crc16X25.Compute(frame, 1, 5));
        Assert.Equal(0x010F, BitwiseCrc.Compute(frame.Skip(1).Take(5)));
        Assert.True(Crc16X25.Check(frame, 1, 7));
    }

    [Fact]
    public void Fcs_of_a_published_SNRM_with_a_four_byte_server_address()
    {
        // 7E A0 0A 00 02 00 23 F1 93 23 2E 7E: logical device 1, physical 17, client 0x78.
        var frame = Hex.Bytes("7E A0 0A 00 02 00 23 F1 93 23 2E 7E");
        Assert.Equal(0x2E23, Crc16X25.Compute(frame, 1, 8));
        Assert.Equal(0x2E23, BitwiseCrc.Compute(frame.Skip(1).Take(8)));
    }

    [Fact]
    public void Append_writes_lsb_first_and_check_fails_on_any_single_bit_error()
    {
        var buffer = new byte[11];
        Encoding.ASCII.GetBytes("123456789").CopyTo(buffer, 0);
        Assert.Equal(11, Crc16X25.Append(buffer, 0, 9));
        Assert.Equal(new byte[] { 0x6E, 0x90 }, buffer[9..11]);
        Assert.True(Crc16X25.Check(buffer, 0, 11));
        for (int bit = 0; bit < 11 * 8; bit++)
        {
            buffer[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Crc16X25.Check(buffer, 0, 11), $"bit {bit}");
            buffer[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }

    [Fact]
    public void Table_driven_crc_equals_bitwise_crc_on_random_data()
    {
        var random = new Random(18);
        for (int n = 0; n < 200; n++)
        {
            var data = new byte[random.Next(0, 300)];
            random.NextBytes(data);
            Assert.Equal(BitwiseCrc.Compute(data), Crc16X25.Compute(data, 0, data.Length));
        }
    }
}
