using Meter.Tool;
using Meter.Tool.Calibration;
using Meter.OpticalClient.Protocol;

namespace MeterTool.Tests;

/// <summary>ADE7880 calibration arithmetic against hand-worked numbers (data sheet Rev. C).</summary>
public class CalibrationTests
{
    [Fact]
    public void Voltage_gain_for_229_2_V_read_at_230_0_V_reference()
    {
        // (230.0 / 229.2 − 1) × 2^23 = 0.8 / 229.2 × 8 388 608 = 6 710 886.4 / 229.2 = 29 279.609… → 29 280.
        var c = Ade7880Calibration.Gain("AVGAIN", 0, 229.2m, 230.0m);
        Assert.Equal(29280, c.NewValue);
        Assert.Contains("29279.61", c.Arithmetic);
    }

    [Fact]
    public void Gain_builds_on_the_old_register()
    {
        // Old gain −83 886 (factor 1 − 83886/8388608 = 1 − 0.0099999905 = 0.9900000095): the meter
        // reads 4.95 A at 5.00 A. New factor = 0.9900000095 × 5.00/4.95 = 0.9900000095 × 1.0101010101
        // = 1.0000000096; (1.0000000096 − 1) × 2^23 = 0.08 → 0: the old register was the whole error.
        var c = Ade7880Calibration.Gain("AIGAIN", -83886, 4.95m, 5.00m);
        Assert.Equal(0, c.NewValue);
        // Same reading with the old register 0: (5.00/4.95 − 1) × 2^23 = 0.0101010101 × 8388608 = 84733.41 → 84733.
        Assert.Equal(84733, Ade7880Calibration.Gain("AIGAIN", 0, 4.95m, 5.00m).NewValue);
    }

    [Fact]
    public void Gain_outside_24_bits_is_refused()
    {
        // A reading of half the reference needs factor 2 → 2^23, one past the 24-bit maximum.
        Assert.Throws<ArgumentException>(() => Ade7880Calibration.Gain("AVGAIN", 0, 115m, 230m));
    }

    [Fact]
    public void Power_gain_accounts_for_the_voltage_and_current_gain_changes()
    {
        // P read 1140 W; U gain ×1.002, I gain ×1.003 → P after = 1140 × 1.002 × 1.003 = 1142.28 × 1.003
        // = 1145.70684 W; reference 1150 W: (1150 / 1145.70684 − 1) × 2^23 = 0.00374717 × 8388608 = 31433.55 → 31434.
        var c = Ade7880Calibration.PowerGain("APGAIN", 0, 1140m, 1.002m, 1.003m, 1150m);
        Assert.Equal(31434, c.NewValue);
    }

    [Fact]
    public void Phase_lead_of_one_degree_gives_APHCAL_57_as_in_the_data_sheet()
    {
        // Data sheet Rev. C p. 38: x = −1° (current leads) at 50 Hz → 1 / 0.0176 = 56.8 → 57.
        // Build the meter's reading: PF 0.5 reference (60°), the meter sees 59° → P = 230 × 5 × cos 59°.
        decimal p = (decimal)(230.0 * 5.0 * Math.Cos(59.0 * Math.PI / 180));
        var c = Ade7880Calibration.Phase("APHCAL", 0, p, 230m, 5m, 0.5m, 50);
        Assert.Equal(57, c.NewValue);
        Assert.Contains("current leads", c.Arithmetic);
    }

    [Fact]
    public void Phase_lag_adds_512()
    {
        // Meter sees 60.5° at PF 0.5: x = +0.5° → 0.5 / 0.0176 = 28.4 → 28 → 28 + 512 = 540 (eq. 9).
        decimal p = (decimal)(230.0 * 5.0 * Math.Cos(60.5 * Math.PI / 180));
        Assert.Equal(540, Ade7880Calibration.Phase("APHCAL", 0, p, 230m, 5m, 0.5m, 50).NewValue);
        // At 60 Hz the step is 0.0211°: 0.5 / 0.0211 = 23.7 → 24 → 536.
        Assert.Equal(536, Ade7880Calibration.Phase("APHCAL", 0, p, 230m, 5m, 0.5m, 60).NewValue);
    }

    [Fact]
    public void Phase_residual_adds_to_the_old_register()
    {
        // Old APHCAL 57 = 57 steps of lead (−57); residual −0.1° → −5.68 steps; total −62.68 → −63 → 63.
        decimal p = (decimal)(230.0 * 5.0 * Math.Cos(59.9 * Math.PI / 180));
        Assert.Equal(63, Ade7880Calibration.Phase("APHCAL", 57, p, 230m, 5m, 0.5m, 50).NewValue);
        Assert.Equal(-57, Ade7880Calibration.PhaseStepsOf(57));
        Assert.Equal(28, Ade7880Calibration.PhaseStepsOf(540));
    }

    [Fact]
    public void Rms_offset_acts_on_the_square()
    {
        // k = 1000 LSB/A; reference 0.050 A (50 LSB), meter 0.052 A (52 LSB):
        // Δ = (50² − 52²) / 128 = (2500 − 2704) / 128 = −1.59375 → −2.
        Assert.Equal(-2, Ade7880Calibration.RmsOffset("AIRMSOS", 0, 0.052m, 0.050m, 1000m).NewValue);
    }

    [Fact]
    public void Workflow_calibrates_a_mis_gained_meter_to_within_0_1_percent()
    {
        // A meter model independent of the calculation: its chip reads 0.4 % low on voltage,
        // 1.2 % high on current and has a further −0.5 % power error; every reading is
        // true × chip error × (1 + register / 2^23).
        var meter = new ModelMeter(voltageError: 0.996m, currentError: 1.012m, powerError: 0.995m);
        var reference = new ReferenceValues(230.0m, 5.0m, 1m, 50);
        var workflow = new CalibrationWorkflow(meter);

        var before = CalibrationWorkflow.Verify(reference, workflow.ReadPhase(1), 0.1m);
        Assert.All(before, line => Assert.False(line.WithinTolerance));

        var corrections = workflow.ComputeGains(1, reference, workflow.ReadPhase(1));
        workflow.Apply(1, corrections);

        var after = CalibrationWorkflow.Verify(reference, workflow.ReadPhase(1), 0.1m);
        Assert.All(after, line => Assert.True(line.WithinTolerance, $"{line.Quantity}: {line.ErrorPercent} %"));
        Assert.Equal(3, meter.Writes);
    }

    [Fact]
    public void Workflow_phase_step_removes_a_current_transformer_lag()
    {
        // Model: the CT delays the current by 0.3° (lag); the meter's angle is
        // 60° + 0.3° − xPHCAL steps × 0.0176° (lag steps positive). At PF 0.5, 230 V, 5 A:
        // P = 1150 × cos 60.3° = 569.78 W instead of 575 W (−0.91 %).
        // Expected APHCAL: 0.3 / 0.0176 = 17.05 → 17 → 17 + 512 = 529; residual 0.3 − 17 × 0.0176 = 0.0008°.
        var meter = new PhaseModelMeter(lagDegrees: 0.3);
        var reference = new ReferenceValues(230m, 5m, 0.5m, 50);
        var workflow = new CalibrationWorkflow(meter);
        var correction = workflow.ComputePhase(1, reference, workflow.ReadPhase(1));
        Assert.Equal(529, correction.NewValue);
        workflow.Apply(1, [correction]);
        var p = CalibrationWorkflow.Verify(reference, workflow.ReadPhase(1), 0.1m).Single(l => l.Quantity == "P (W)");
        Assert.True(p.WithinTolerance, $"{p.ErrorPercent} %");
    }

    /// <summary>A phase-1 meter whose only error is a current-channel lag, compensated by xPHCAL.</summary>
    private sealed class PhaseModelMeter(double lagDegrees) : IMeterSession
    {
        private long _phcal;

        public IReadOnlyList<DataSet> Read(string address, string parameter = "")
        {
            double angle = 60.0 + lagDegrees - Ade7880Calibration.PhaseStepsOf(_phcal) * 0.0176;
            string value =
                address == MeterAddresses.PhaseCalibration(1) ? _phcal.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : address == MeterAddresses.Voltage(1) ? "230.000*V"
                : address == MeterAddresses.Current(1) ? "5.0000*A"
                : address == MeterAddresses.ActivePower(1) ? (1150.0 * Math.Cos(angle * Math.PI / 180)).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "*W"
                : throw new InvalidOperationException(address);
            return DataBlockParser.Parse(address + "(" + value + ")");
        }

        public void Write(string address, string value)
        {
            Assert.Equal(MeterAddresses.PhaseCalibration(1), address);
            _phcal = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A meter with chip errors on phase 1, answering R1/W1 with a rounding of its display (0.1 V, 0.001 A, 0.1 W).</summary>
    private sealed class ModelMeter(decimal voltageError, decimal currentError, decimal powerError) : IMeterSession
    {
        private readonly Dictionary<string, long> _registers = new()
        {
            [MeterAddresses.VoltageGain(1)] = 0,
            [MeterAddresses.CurrentGain(1)] = 0,
            [MeterAddresses.PowerGain(1)] = 0,
        };

        public int Writes { get; private set; }

        public IReadOnlyList<DataSet> Read(string address, string parameter = "")
        {
            decimal G(string a) => 1m + (decimal)_registers[a] / (1 << 23);
            decimal u = 230.0m * voltageError * G(MeterAddresses.VoltageGain(1));
            decimal i = 5.0m * currentError * G(MeterAddresses.CurrentGain(1));
            decimal p = 1150m * voltageError * currentError * powerError * G(MeterAddresses.VoltageGain(1)) * G(MeterAddresses.CurrentGain(1)) * G(MeterAddresses.PowerGain(1));
            string value;
            if (_registers.TryGetValue(address, out long reg)) value = reg.ToString(System.Globalization.CultureInfo.InvariantCulture);
            else if (address == MeterAddresses.Voltage(1)) value = Math.Round(u, 1) + "*V";
            else if (address == MeterAddresses.Current(1)) value = Math.Round(i, 3) + "*A";
            else if (address == MeterAddresses.ActivePower(1)) value = Math.Round(p / 1000m, 4) + "*kW";
            else throw new MeterProtocolException(ProtocolErrorKind.MeterError, "R1", "unknown", "ER05");
            return DataBlockParser.Parse(address + "(" + value + ")");
        }

        public void Write(string address, string value)
        {
            _registers[address] = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            Writes++;
        }
    }
}
