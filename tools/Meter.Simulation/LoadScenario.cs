using System.Globalization;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Simulation;

/// <summary>
/// What the simulated chip's terminals see over time: a named scenario (constant or with a
/// repeating pattern) or a CSV file of 15-minute means per phase (the format of
/// tools/VirtualMeter/scenarios/*.csv: start_utc, p_l1_w..p_l3_w, q_l1_var..q_l3_var).
/// </summary>
public abstract class LoadScenario
{
    /// <summary>Names accepted by <see cref="Named"/>.</summary>
    public static readonly string[] Names = ["balanced", "unbalanced", "export", "inductive", "capacitive", "harmonics", "unbalanced-voltage", "frequency-drift", "sag-swell", "outage", "reference"];

    /// <summary>Scenarios that exercise power quality (issue 20): the virtual meter switches quality measurement on for them.</summary>
    public static readonly string[] QualityNames = ["harmonics", "unbalanced-voltage", "frequency-drift"];

    /// <summary>Largest voltage THD <see cref="Named"/> takes, %.</summary>
    public const double MaximumThdPercent = 30;

    /// <summary>Nominal phase voltage, V.</summary>
    public const double NominalVoltage = 230.0;

    /// <summary>One line describing the scenario.</summary>
    public abstract string Description { get; }

    /// <summary>The loads at virtual UTC second <paramref name="utcSeconds"/>, written into <paramref name="loads"/> (3 phases); returns false when unchanged since the last call.</summary>
    public abstract bool LoadsAt(long utcSeconds, PhaseLoad[] loads);

    /// <summary>First UTC second the scenario has data for (files), else null.</summary>
    public virtual DateTime? NaturalStart => null;

    /// <summary>
    /// The named scenario; currents are given as fractions of <paramref name="fullScaleCurrent"/> (A) so every preset gets a sensible load.
    /// <paramref name="phases"/> only words the description (a single-phase meter uses phase 1's load).
    /// <paramref name="thdPercent"/>: the voltage THD of "harmonics" (null: its 3rd 3 % and 5th 2 %, THD 3.61 %).
    /// </summary>
    public static LoadScenario Named(string name, double fullScaleCurrent, int phases = 3, double? thdPercent = null)
    {
        if (thdPercent != null && name != "harmonics") throw new ArgumentException("--thd applies to --load harmonics only");
        if (thdPercent is double t && !(t >= 0 && t <= MaximumThdPercent)) throw new ArgumentException($"--thd {F(t)}: give 0 … {F(MaximumThdPercent)} %");
        string each = phases == 3 ? "3 × " : "";
        // Base current: 40 % of the full scale, at most 10 A (a household on the direct meters, near In on the CT meter).
        double i = Math.Min(10.0, 0.4 * fullScaleCurrent);
        PhaseLoad P(double current, double angle) => new(NominalVoltage, current, angle);
        return name switch
        {
            "balanced" => new ConstantScenario("balanced: " + each + F(i) + " A at PF 0.95 inductive", [P(i, 18.19), P(i, 18.19), P(i, 18.19)]),
            "unbalanced" => new ConstantScenario("unbalanced: " + F(i / 2) + " A / " + F(i) + " A / " + F(i / 5) + " A at 10°, 25°, 0°", [P(i / 2, 10), P(i, 25), P(i / 5, 0)]),
            "export" => new ConstantScenario("export (PV): " + each + F(i * 0.8) + " A fed back at PF 1", [P(i * 0.8, 180), P(i * 0.8, 180), P(i * 0.8, 180)]),
            "inductive" => new ConstantScenario("inductive: " + each + F(i) + " A at PF 0.5 lagging (60°)", [P(i, 60), P(i, 60), P(i, 60)]),
            "capacitive" => new ConstantScenario("capacitive: " + each + F(i) + " A at PF 0.5 leading (−60°)", [P(i, -60), P(i, -60), P(i, -60)]),
            "harmonics" when thdPercent is double thd => new ConstantScenario("harmonics: " + each + F(i) + " A at 10°, voltage THD " + F(thd)
                + " % (3rd, 5th, 7th at 50 %, 70.7 %, 50 % of it), 3rd (30 %) and 5th (20 %) current harmonics", Enumerable.Range(0, 3)
                .Select(_ => P(i, 10) with { Harmonics = VoltageHarmonics(thd, i) }).ToArray()),
            "harmonics" => new ConstantScenario("harmonics: " + each + F(i) + " A at 10° with 3rd (30 %) and 5th (20 %) current harmonics", Enumerable.Range(0, 3)
                .Select(_ => P(i, 10) with { Harmonics = [new Harmonic(3, 6.9, 0.3 * i, 30), new Harmonic(5, 4.6, 0.2 * i, 60)] }).ToArray()),
            // L3 15 V low: V2 = 15/3 = 5 V, V1 = 675/3 = 225 V, u2 = 2.22 % (above EN 50160's 2 %; 215 V is no dip).
            "unbalanced-voltage" => new ConstantScenario("unbalanced voltage: 230 / 230 / 215 V (u2 2.22 %), " + each + F(i) + " A at PF 0.95",
                [P(i, 18.19), P(i, 18.19), new PhaseLoad(215, i, 18.19)]),
            "frequency-drift" => new FrequencyDriftScenario(i),
            "sag-swell" => new SagSwellScenario(i),
            "outage" => new OutageScenario(i),
            // Calibration rig: 230 V, 40 % of full-scale current, PF 1 on every phase (MeterTool calibrate --step gain).
            "reference" => new ConstantScenario("reference (calibration rig): " + each + "230 V, " + F(Math.Round(0.4 * fullScaleCurrent)) + " A, PF 1",
                [P(Math.Round(0.4 * fullScaleCurrent), 0), P(Math.Round(0.4 * fullScaleCurrent), 0), P(Math.Round(0.4 * fullScaleCurrent), 0)]),
            _ => throw new ArgumentException($"unknown load scenario '{name}'; known: {string.Join(", ", Names)}"),
        };
    }

    private protected static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    // Voltage harmonics whose THD is thd % of a fundamental of voltage V: 3rd, 5th, 7th at 1/2, 1/√2, 1/2 of it (squares 1/4 + 1/2 + 1/4 = 1),
    // with the current harmonics of "harmonics".
    private protected static Harmonic[] VoltageHarmonics(double thd, double current, double voltage = NominalVoltage)
    {
        double u = voltage * thd / 100;
        return [new Harmonic(3, u / 2, 0.3 * current, 30), new Harmonic(5, u / Math.Sqrt(2), 0.2 * current, 60), new Harmonic(7, u / 2, 0, 0)];
    }

    /// <summary>
    /// Frequency 50 + 0.6·sin(2π t / 1 h) Hz, stepped every 10 s (the IEC 61000-4-30 §5.1 frequency interval): 1/3 of the
    /// time outside 49.5 … 50.5 Hz, so an EN 50160 week fails the ±1 % / 99.5 % criterion.
    /// </summary>
    private sealed class FrequencyDriftScenario(double current) : LoadScenario
    {
        private long _last = -1;
        public override string Description => "frequency drift: " + F(current) + " A per phase; 50 ± 0.6 Hz over an hour (10-s steps)";
        public override bool LoadsAt(long utcSeconds, PhaseLoad[] target)
        {
            long step = utcSeconds / 10;
            if (step == _last) return false;
            _last = step;
            double hz = 50 + 0.6 * Math.Sin(2 * Math.PI * (step * 10 % 3600) / 3600.0);
            for (int p = 0; p < 3; p++) target[p] = new PhaseLoad(NominalVoltage, current, 18.19, hz);
            return true;
        }
    }

    private sealed class ConstantScenario(string description, PhaseLoad[] loads) : LoadScenario
    {
        private bool _applied;
        public override string Description => description;
        public override bool LoadsAt(long utcSeconds, PhaseLoad[] target)
        {
            if (_applied) return false;
            Array.Copy(loads, target, 3);
            _applied = true;
            return true;
        }
    }

    /// <summary>
    /// Every minute: 2 s sag to 70 % at second 10, 2 s swell to 115 % at second 40 (IEC 61000-4-30 event examples; a swell must
    /// exceed 110 % of Udin, §5.4.3.1, so 115 % is one the meter's VoltageQualityMonitor counts).
    /// </summary>
    private sealed class SagSwellScenario(double current) : LoadScenario
    {
        private int _last = -1;
        public override string Description => "sag/swell: " + F(current) + " A per phase; each minute a 2 s sag to 70 % at :10 and a 2 s swell to 115 % at :40";
        public override bool LoadsAt(long utcSeconds, PhaseLoad[] target)
        {
            long s = utcSeconds % 60;
            int state = s is >= 10 and < 12 ? 1 : s is >= 40 and < 42 ? 2 : 0;
            if (state == _last) return false;
            _last = state;
            double factor = state == 1 ? 0.7 : state == 2 ? 1.15 : 1.0;
            for (int p = 0; p < 3; p++) target[p] = new PhaseLoad(NominalVoltage * factor, current * factor, 18.19);
            return true;
        }
    }

    /// <summary>Every two minutes all phases are dead for 20 s (the meter itself keeps running, as on an auxiliary supply).</summary>
    private sealed class OutageScenario(double current) : LoadScenario
    {
        private int _last = -1;
        public override string Description => "outage: " + F(current) + " A per phase; every 2 minutes the mains is off for 20 s";
        public override bool LoadsAt(long utcSeconds, PhaseLoad[] target)
        {
            int state = utcSeconds % 120 < 20 ? 1 : 0;
            if (state == _last) return false;
            _last = state;
            for (int p = 0; p < 3; p++) target[p] = state == 1 ? PhaseLoad.Off() : new PhaseLoad(NominalVoltage, current, 18.19);
            return true;
        }
    }
}
