using System.Globalization;

namespace Meter.Tool.Calibration;

/// <summary>One computed correction, with the arithmetic that produced it.</summary>
/// <param name="Register">Register name, e.g. "AVGAIN".</param>
/// <param name="OldValue">Value in the meter before.</param>
/// <param name="NewValue">Value to write.</param>
/// <param name="Arithmetic">The calculation, written out for the operator.</param>
public sealed record Correction(string Register, long OldValue, long NewValue, string Arithmetic);

/// <summary>
/// Calibration arithmetic for the ADE7880 (data sheet Rev. C). Exact decimal arithmetic for
/// the gains; the phase uses the arc cosine of the power ratio.
/// </summary>
public static class Ade7880Calibration
{
    /// <summary>2^23: a gain register x scales by (1 + x / 2^23) (ADE7880 data sheet Rev. C, "Current/Voltage gain" sections).</summary>
    public const long GainScale = 1L << 23;

    /// <summary>24-bit signed range of the gain registers (ZPSE format).</summary>
    public const long GainMinimum = -(1L << 23), GainMaximum = (1L << 23) - 1;

    /// <summary>Phase resolution °/LSB of xPHCAL at 50 Hz and 60 Hz (ADE7880 data sheet Rev. C, p. 38).</summary>
    public const decimal PhaseResolution50Hz = 0.0176m, PhaseResolution60Hz = 0.0211m;

    /// <summary>Allowed xPHCAL steps: −383 (current leads) … +63 (current lags) (data sheet Rev. C, p. 38).</summary>
    public const int PhaseStepsMinimum = -383, PhaseStepsMaximum = 63;

    /// <summary>The rms offset acts on the square: rms = √(rms0² + 128·xRMSOS) (data sheet Rev. C, rms offset compensation).</summary>
    public const long RmsOffsetWeight = 128;

    /// <summary>
    /// New gain register so that the meter reads <paramref name="reference"/> where it read
    /// <paramref name="measured"/> with gain register <paramref name="oldRegister"/>:
    /// (1 + new/2^23) = (1 + old/2^23) × reference / measured.
    /// </summary>
    public static Correction Gain(string register, long oldRegister, decimal measured, decimal reference)
    {
        if (measured <= 0) throw new ArgumentException($"{register}: the meter's reading {measured} must be positive to compute a gain");
        if (reference <= 0) throw new ArgumentException($"{register}: the reference {reference} must be positive");
        decimal oldFactor = 1m + (decimal)oldRegister / GainScale;
        decimal newFactor = oldFactor * reference / measured;
        decimal exact = (newFactor - 1m) * GainScale;
        long value = (long)Math.Round(exact, MidpointRounding.AwayFromZero);
        if (value < GainMinimum || value > GainMaximum)
            throw new ArgumentException($"{register}: the correction {F(exact)} is outside the 24-bit range {GainMinimum}..{GainMaximum} (reading {measured} vs reference {reference})");
        string math = $"(1 + {oldRegister}/2^23) × {F(reference)} / {F(measured)} = {F(newFactor, 8)}; "
            + $"({F(newFactor, 8)} − 1) × 2^23 = {F(exact, 2)} → {value}";
        return new Correction(register, oldRegister, value, math);
    }

    /// <summary>
    /// Power gain after the voltage and current gains changed by <paramref name="voltageFactor"/>
    /// and <paramref name="currentFactor"/>: the meter will read P × fV × fI, and xPGAIN takes
    /// it to the reference.
    /// </summary>
    public static Correction PowerGain(string register, long oldRegister, decimal measuredPower, decimal voltageFactor, decimal currentFactor, decimal referencePower)
    {
        var c = Gain(register, oldRegister, measuredPower * voltageFactor * currentFactor, referencePower);
        return c with { Arithmetic = $"P after U/I gains = {F(measuredPower)} × {F(voltageFactor, 8)} × {F(currentFactor, 8)} = {F(measuredPower * voltageFactor * currentFactor, 4)}; " + c.Arithmetic };
    }

    /// <summary>Factor (1 + new/2^23)/(1 + old/2^23) a gain change applies to the readings.</summary>
    public static decimal GainFactor(long oldRegister, long newRegister) =>
        (1m + (decimal)newRegister / GainScale) / (1m + (decimal)oldRegister / GainScale);

    /// <summary>Signed phase steps of an xPHCAL value: lag values 512 + n → +n, lead values n → −n.</summary>
    public static int PhaseStepsOf(long register) =>
        register >= 512 ? (int)(register - 512) : -(int)register;

    /// <summary>xPHCAL encoding of signed steps (data sheet Rev. C eq. 9): x &lt; 0 (lead) → |n|; x &gt; 0 (lag) → n + 512.</summary>
    public static long PhaseRegisterOf(int steps) => steps > 0 ? steps + 512 : -steps;

    /// <summary>
    /// Phase correction from a measurement at an inductive reference power factor (normally
    /// 0.5): the meter's angle is arccos(P / (U·I)) with the reference U and I (gains already
    /// calibrated), its error x = angle − arccos(PF) (positive = current lags), and xPHCAL
    /// must cancel x plus what the old register already cancelled.
    /// </summary>
    public static Correction Phase(string register, long oldRegister, decimal measuredPower, decimal referenceVoltage,
        decimal referenceCurrent, decimal referencePowerFactor, int frequencyHz)
    {
        if (referencePowerFactor <= 0 || referencePowerFactor >= 1)
            throw new ArgumentException("phase calibration needs a reference power factor between 0 and 1 (exclusive), normally 0.5 inductive");
        decimal resolution = frequencyHz switch
        {
            50 => PhaseResolution50Hz,
            60 => PhaseResolution60Hz,
            _ => throw new ArgumentException("frequency must be 50 or 60 Hz"),
        };
        decimal apparent = referenceVoltage * referenceCurrent;
        decimal ratio = measuredPower / apparent;
        if (ratio <= 0 || ratio >= 1)
            throw new ArgumentException($"{register}: measured power {measuredPower} W is not between 0 and U·I = {apparent} VA; check the wiring and the reference");
        double measuredAngle = Math.Acos((double)ratio) * 180 / Math.PI;
        double referenceAngle = Math.Acos((double)referencePowerFactor) * 180 / Math.PI;
        decimal error = (decimal)(measuredAngle - referenceAngle);
        int oldSteps = PhaseStepsOf(oldRegister);
        decimal exactSteps = error / resolution + oldSteps;
        int steps = (int)Math.Round(exactSteps, MidpointRounding.AwayFromZero);
        if (steps < PhaseStepsMinimum || steps > PhaseStepsMaximum)
            throw new ArgumentException($"{register}: the phase error {F(error, 4)}° needs {steps} steps, outside {PhaseStepsMinimum}..{PhaseStepsMaximum}");
        long value = PhaseRegisterOf(steps);
        string math = $"arccos({F(measuredPower)} / ({F(referenceVoltage)} × {F(referenceCurrent)})) = {measuredAngle.ToString("0.0000", CultureInfo.InvariantCulture)}°; "
            + $"arccos({F(referencePowerFactor)}) = {referenceAngle.ToString("0.0000", CultureInfo.InvariantCulture)}°; error x = {F(error, 4)}° ({(error > 0 ? "current lags" : "current leads")}); "
            + $"steps = x / {F(resolution)}°/LSB + old {oldSteps} = {F(exactSteps, 2)} → {steps}; "
            + (steps > 0 ? $"lag → {steps} + 512 = {value}" : $"lead → |{steps}| = {value}");
        return new Correction(register, oldRegister, value, math);
    }

    /// <summary>
    /// RMS offset so that the meter reads <paramref name="reference"/> where it read
    /// <paramref name="measured"/> (at a low test current/voltage): with the register reading
    /// r = value × <paramref name="lsbPerUnit"/>, r² changes by 128·Δx, so
    /// Δx = (ref² − meas²) × k² / 128.
    /// </summary>
    public static Correction RmsOffset(string register, long oldRegister, decimal measured, decimal reference, decimal lsbPerUnit)
    {
        if (lsbPerUnit <= 0) throw new ArgumentException($"{register}: the rms scale (LSB per unit) must be positive");
        decimal r2 = reference * lsbPerUnit, m2 = measured * lsbPerUnit;
        decimal delta = (r2 * r2 - m2 * m2) / RmsOffsetWeight;
        decimal exact = oldRegister + delta;
        long value = (long)Math.Round(exact, MidpointRounding.AwayFromZero);
        if (value < GainMinimum || value > GainMaximum)
            throw new ArgumentException($"{register}: the offset {F(exact)} is outside the 24-bit range");
        string math = $"(({F(reference)} × {F(lsbPerUnit)})² − ({F(measured)} × {F(lsbPerUnit)})²) / 128 = {F(delta, 2)}; {oldRegister} + {F(delta, 2)} → {value}";
        return new Correction(register, oldRegister, value, math);
    }

    private static string F(decimal d, int decimals = -1) =>
        decimals < 0 ? d.ToString("0.######", CultureInfo.InvariantCulture) : Math.Round(d, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
}
