namespace Meter.OpticalClient.Protocol;

/// <summary>The baud-rate characters Z of IEC 62056-21:2002 §6.3.14 (mode B 'A'..'F', modes C/E '0'..'6').</summary>
public static class BaudRates
{
    /// <summary>Initial rate of modes A, B and C (§6.4).</summary>
    public const int Initial = 300;

    private static readonly int[] Rates = [300, 600, 1200, 2400, 4800, 9600, 19200];

    /// <summary>Rate of a mode C character '0'..'6' ('7'..'9' reserved → null).</summary>
    public static int? FromModeC(char z) => z is >= '0' and <= '6' ? Rates[z - '0'] : null;

    /// <summary>Rate of a mode B character 'A'..'F' ('G'..'I' reserved → null).</summary>
    public static int? FromModeB(char z) => z is >= 'A' and <= 'F' ? Rates[z - 'A' + 1] : null;

    /// <summary>Mode C character of a standard rate.</summary>
    public static char ToModeC(int baud)
    {
        int i = Array.IndexOf(Rates, baud);
        if (i < 0) throw new ArgumentException($"{baud} Bd is not an IEC 62056-21 rate (300, 600, 1200, 2400, 4800, 9600, 19200)");
        return (char)('0' + i);
    }

    /// <summary>True for 300·2^n up to 19200.</summary>
    public static bool IsStandard(int baud) => Array.IndexOf(Rates, baud) >= 0;

    /// <summary>The highest standard rate not above <paramref name="limit"/> and not above <paramref name="offered"/>.</summary>
    public static int Choose(int offered, int limit)
    {
        int best = Initial;
        foreach (int r in Rates)
            if (r <= offered && r <= limit) best = r;
        return best;
    }
}
