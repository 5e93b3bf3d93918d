using System.Text;

namespace Meter.Optical.Tests;

/// <summary>IEC 62056-21:2002 §6.3 / ISO 1745 block check character.</summary>
public class BccTests
{
    private static byte Bcc(string afterSohOrStx)
    {
        var bytes = Encoding.ASCII.GetBytes(afterSohOrStx);
        return Meter.Optical.Bcc.Compute(bytes, 0, bytes.Length);
    }

    [Fact]
    public void Break_frame_has_the_well_known_bcc_0x71()
    {
        // SOH B 0 ETX BCC: 'B' 0x42 ^ '0' 0x30 = 0x72; ^ ETX 0x03 = 0x71 ('q').
        Assert.Equal(0x71, Bcc("B0\u0003"));
    }

    [Fact]
    public void Password_frame_bcc_includes_the_embedded_stx()
    {
        // 'P' 0x50 ^ '1' 0x31 = 0x61; ^ STX 0x02 = 0x63; ^ '(' 0x28 = 0x4B;
        // eight '0' (0x30) cancel pairwise → 0x4B; ^ ')' 0x29 = 0x62; ^ ETX 0x03 = 0x61.
        Assert.Equal(0x61, Bcc("P1\u0002(00000000)\u0003"));
    }

    [Fact]
    public void Readout_bcc_covers_data_up_to_and_including_etx()
    {
        // Example of the notes: STX "0.0.0(12345678)\r\n1.8.0(000123.456*kWh)\r\n!\r\n" ETX → 0x43.
        Assert.Equal(0x43, Bcc("0.0.0(12345678)\r\n1.8.0(000123.456*kWh)\r\n!\r\n\u0003"));
    }

    [Fact]
    public void Bcc_is_seven_bits()
    {
        Assert.Equal(0x7F, Meter.Optical.Bcc.Compute(new byte[] { 0xFF }, 0, 1));
    }
}
