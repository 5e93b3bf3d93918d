namespace Meter.Tool.Quality;

/// <summary>
/// Channel codes of the analysis logger readout "P.02": the short OBIS form C.D.E of group A = 1, B = 0
/// (IEC 62056-61; as P.01 writes 1.8.0). C = 32/52/72 voltage of phase 1..3 (E = 0 rms, 124 THD,
/// n = 2..25 harmonic n in % of the fundamental), 31/51/71 current, 14 frequency, 12.7.128 unbalance u2
/// (manufacturer-specific E, firmware/Meter.Core PowerQualityObjects), 13 power factor, 1/2 active power.
/// </summary>
public static class AnalysisChannels
{
    /// <summary>Request address of the analysis logger: R1 "P.02(from;to)".</summary>
    public const string Address = MeterAddresses.AnalysisLogger;
    /// <summary>10-min aggregation (IEC 61000-4-30 §4.5.2): the only period the logger has.</summary>
    public const int PeriodMinutes = 10;
    /// <summary>Frequency, Hz.</summary>
    public const string Frequency = "14.7.0";
    /// <summary>Voltage unbalance u2, %.</summary>
    public const string Unbalance = "12.7.128";
    /// <summary>Harmonic orders logged (EN 50160 Table 1 as far as the meter measures).</summary>
    public const int FirstHarmonic = 2, LastHarmonic = 25;
    /// <summary>Value group E of THD (Blue Book harmonics table).</summary>
    public const int ThdE = 124;

    /// <summary>Voltage of phase 1..3: 32.7.0 / 52.7.0 / 72.7.0.</summary>
    public static string Voltage(int phase) => Harmonic(phase, 0);
    /// <summary>Voltage THD of phase 1..3: 32.7.124 / 52.7.124 / 72.7.124.</summary>
    public static string Thd(int phase) => Harmonic(phase, ThdE);

    /// <summary>Harmonic <paramref name="order"/> of the voltage of phase 1..3: 32.7.n (E = 0 is the rms value, 124 THD).</summary>
    public static string Harmonic(int phase, int order)
    {
        if (phase is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(phase), "phase is 1, 2 or 3");
        return $"{12 + 20 * phase}.7.{order}";
    }

    /// <summary>A name for people: "voltage L1", "THD L2", "harmonic 5 L3", "frequency", …; the code itself when unknown.</summary>
    public static string Describe(string code)
    {
        string[] parts = code.Split('.');
        if (parts.Length != 3 || !int.TryParse(parts[0], out int c) || parts[1] != "7" || !int.TryParse(parts[2], out int e)) return code;
        if (code == Frequency) return "frequency";
        if (code == Unbalance) return "unbalance u2";
        if (code == "13.7.0") return "power factor";
        if (code == "1.7.0") return "active power +P";
        if (code == "2.7.0") return "active power −P";
        if (c is 31 or 51 or 71 && e == 0) return $"current L{(c - 11) / 20}";
        if (c is 32 or 52 or 72)
        {
            int phase = (c - 12) / 20;
            if (e == 0) return $"voltage L{phase}";
            if (e == ThdE) return $"THD L{phase}";
            if (e >= FirstHarmonic && e <= LastHarmonic) return $"harmonic {e} L{phase}";
        }
        return code;
    }
}
