using System.Globalization;
using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Calibration;

/// <summary>The meter's instantaneous readings of one phase.</summary>
public sealed record PhaseReading(decimal Voltage, decimal Current, decimal ActivePower);

/// <summary>Reading error of one quantity against the reference, in percent.</summary>
public sealed record VerificationLine(string Quantity, decimal Reference, decimal Measured, decimal ErrorPercent, bool WithinTolerance);

/// <summary>
/// Bench calibration of one phase against a test rig: read the meter's U, I, P and its
/// calibration registers, compute new register values (gain at PF = 1, phase at PF ≈ 0.5
/// inductive, rms offsets at low load), write them, verify the readings.
/// </summary>
public sealed class CalibrationWorkflow
{
    private readonly IMeterSession _meter;

    /// <summary>Works through <paramref name="meter"/> (an open programming session).</summary>
    public CalibrationWorkflow(IMeterSession meter) => _meter = meter;

    /// <summary>Reads U (V), I (A) and P (W) of <paramref name="phase"/> (1..3).</summary>
    public PhaseReading ReadPhase(int phase) => new(
        ReadNumber(MeterAddresses.Voltage(phase), "V"),
        ReadNumber(MeterAddresses.Current(phase), "A"),
        ReadNumber(MeterAddresses.ActivePower(phase), "W"));

    /// <summary>Reads an integer register (calibration values are raw integers).</summary>
    public long ReadRegister(string address)
    {
        var sets = _meter.Read(address);
        if (sets.Count == 0 || !long.TryParse(sets[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, "R1 " + address,
                $"R1 {address}: expected an integer register value, received {(sets.Count == 0 ? "nothing" : sets[0].ToString())}");
        return value;
    }

    /// <summary>
    /// Gain step (reference at PF = 1): xVGAIN and xIGAIN from the voltage and current
    /// readings, then xPGAIN for what the power still misses after those two.
    /// </summary>
    public IReadOnlyList<Correction> ComputeGains(int phase, ReferenceValues reference, PhaseReading reading)
    {
        string p = PhaseLetter(phase);
        var voltage = Ade7880Calibration.Gain(p + "VGAIN", ReadRegister(MeterAddresses.VoltageGain(phase)), reading.Voltage, reference.Voltage);
        var current = Ade7880Calibration.Gain(p + "IGAIN", ReadRegister(MeterAddresses.CurrentGain(phase)), reading.Current, reference.Current);
        var power = Ade7880Calibration.PowerGain(p + "PGAIN", ReadRegister(MeterAddresses.PowerGain(phase)), reading.ActivePower,
            Ade7880Calibration.GainFactor(voltage.OldValue, voltage.NewValue),
            Ade7880Calibration.GainFactor(current.OldValue, current.NewValue),
            reference.ActivePower);
        return [voltage, current, power];
    }

    /// <summary>Phase step (reference at an inductive PF, normally 0.5): xPHCAL.</summary>
    public Correction ComputePhase(int phase, ReferenceValues reference, PhaseReading reading) =>
        Ade7880Calibration.Phase(PhaseLetter(phase) + "PHCAL", ReadRegister(MeterAddresses.PhaseCalibration(phase)),
            reading.ActivePower, reference.Voltage, reference.Current, reference.PowerFactor, reference.FrequencyHz);

    /// <summary>Offset step (reference at low voltage/current): xVRMSOS and xIRMSOS, given the rms register scales.</summary>
    public IReadOnlyList<Correction> ComputeRmsOffsets(int phase, ReferenceValues reference, PhaseReading reading,
        decimal voltageLsbPerVolt, decimal currentLsbPerAmpere)
    {
        string p = PhaseLetter(phase);
        return
        [
            Ade7880Calibration.RmsOffset(p + "VRMSOS", ReadRegister(MeterAddresses.VoltageRmsOffset(phase)), reading.Voltage, reference.Voltage, voltageLsbPerVolt),
            Ade7880Calibration.RmsOffset(p + "IRMSOS", ReadRegister(MeterAddresses.CurrentRmsOffset(phase)), reading.Current, reference.Current, currentLsbPerAmpere),
        ];
    }

    /// <summary>Writes each correction to its register (W1).</summary>
    public void Apply(int phase, IEnumerable<Correction> corrections)
    {
        foreach (var c in corrections)
            _meter.Write(AddressOf(phase, c.Register), c.NewValue.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Compares a fresh reading with the reference; each line within <paramref name="tolerancePercent"/>?</summary>
    public static IReadOnlyList<VerificationLine> Verify(ReferenceValues reference, PhaseReading reading, decimal tolerancePercent)
    {
        VerificationLine Line(string name, decimal r, decimal m)
        {
            decimal error = (m - r) / r * 100m;
            return new VerificationLine(name, r, m, Math.Round(error, 4), Math.Abs(error) <= tolerancePercent);
        }
        return [Line("U (V)", reference.Voltage, reading.Voltage), Line("I (A)", reference.Current, reading.Current), Line("P (W)", reference.ActivePower, reading.ActivePower)];
    }

    /// <summary>Register address of a correction by its name ("AVGAIN" → xVGAIN of phase 1).</summary>
    public static string AddressOf(int phase, string register) => register[1..] switch
    {
        "VGAIN" => MeterAddresses.VoltageGain(phase),
        "IGAIN" => MeterAddresses.CurrentGain(phase),
        "PGAIN" => MeterAddresses.PowerGain(phase),
        "PHCAL" => MeterAddresses.PhaseCalibration(phase),
        "VRMSOS" => MeterAddresses.VoltageRmsOffset(phase),
        "IRMSOS" => MeterAddresses.CurrentRmsOffset(phase),
        _ => throw new ArgumentException($"unknown calibration register {register}"),
    };

    /// <summary>Phase 1..3 as the data sheet's letter A..C.</summary>
    public static string PhaseLetter(int phase) => phase switch
    {
        1 => "A",
        2 => "B",
        3 => "C",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), "phase is 1, 2 or 3"),
    };

    private decimal ReadNumber(string address, string unit)
    {
        var sets = _meter.Read(address);
        if (sets.Count == 0 || sets[0].Values.Count == 0)
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, "R1 " + address, $"R1 {address}: no value in the answer");
        try
        {
            return PhysicalValue.ToBaseUnit(sets[0].Values[0], unit);
        }
        catch (FormatException e)
        {
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, "R1 " + address, $"R1 {address}: {e.Message}");
        }
    }
}
