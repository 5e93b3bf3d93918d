namespace Meter.Simulation.Dlms;

/// <summary>
/// The HDLC physical (lower) server address from the meter number's low digits (issue 18): the last four digits
/// plus 1000, which is the serial-number formula common DLMS clients offer by default (Gurux "SN % 10000 + 1000"),
/// so a client can compute it from the nameplate. 1000..10999 needs the 4-byte server address (Green Book 8.4:
/// lower address 0x10..0x3FFD); a client may also use the 1-byte address (logical device only), which the link accepts.
/// </summary>
public static class DlmsPhysicalAddress
{
    /// <summary>Added to the low four digits.</summary>
    public const int Base = 1000;

    /// <summary>The physical address for <paramref name="meterNumber"/>; a number without digits gives <see cref="Base"/>.</summary>
    public static int FromMeterNumber(string meterNumber)
    {
        int value = 0, digits = 0;
        for (int i = meterNumber.Length - 1; i >= 0 && digits < 4; i--)
        {
            char c = meterNumber[i];
            if (c < '0' || c > '9') break; // only the trailing digits count
            value += (c - '0') * (int)Math.Pow(10, digits++);
        }
        return Base + value;
    }
}
