namespace Meter.Metrology
{
    /// <summary>
    /// Verification (test-rig) mode: energies are displayed with a finer resolution and the
    /// firmware-driven calibration LED runs at a multiple of the meter constant, so a test
    /// run needs less energy. Leaves the legal registers untouched.
    /// </summary>
    public sealed class VerificationMode
    {
        /// <summary>Creates the mode settings.</summary>
        /// <param name="normalDisplayScaler">Display scaler in normal operation (e.g. 1: 0.01 kWh digits = 10 Wh units).</param>
        /// <param name="verificationDisplayScaler">Finer display scaler in verification mode (e.g. −2: 0.01 Wh), ≤ the normal one.</param>
        /// <param name="ledRateMultiplier">Factor applied to the LED meter constant in verification mode, 1 … 100.</param>
        /// <exception cref="System.ArgumentOutOfRangeException">Scalers outside −6 … 6, the verification scaler coarser than the normal one, or a multiplier outside 1 … 100.</exception>
        public VerificationMode(int normalDisplayScaler, int verificationDisplayScaler, int ledRateMultiplier)
        {
            if (normalDisplayScaler < -6 || normalDisplayScaler > 6) throw new System.ArgumentOutOfRangeException("normalDisplayScaler", "scaler must be −6 … 6");
            if (verificationDisplayScaler < -6 || verificationDisplayScaler > normalDisplayScaler)
                throw new System.ArgumentOutOfRangeException("verificationDisplayScaler", "verification scaler must be −6 … the normal scaler");
            if (ledRateMultiplier < 1 || ledRateMultiplier > 100) throw new System.ArgumentOutOfRangeException("ledRateMultiplier", "LED multiplier must be 1 … 100");
            NormalDisplayScaler = normalDisplayScaler;
            VerificationDisplayScaler = verificationDisplayScaler;
            LedRateMultiplier = ledRateMultiplier;
        }

        /// <summary>True while verification mode is on.</summary>
        public bool IsEnabled { get; private set; }

        /// <summary>Display scaler in normal operation.</summary>
        public int NormalDisplayScaler { get; }

        /// <summary>Display scaler in verification mode.</summary>
        public int VerificationDisplayScaler { get; }

        /// <summary>LED constant multiplier in verification mode.</summary>
        public int LedRateMultiplier { get; }

        /// <summary>Turns verification mode on or off.</summary>
        public void SetEnabled(bool enabled)
        {
            IsEnabled = enabled;
        }

        /// <summary>Scaler the display should use for energies now.</summary>
        public int DisplayScaler { get { return IsEnabled ? VerificationDisplayScaler : NormalDisplayScaler; } }

        /// <summary>LED constant to configure now for a nameplate constant <paramref name="meterConstant"/> imp/kWh (capped at 100 000).</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">Constant outside 1 … 100 000.</exception>
        public int LedImpulsesPerKilowattHour(int meterConstant)
        {
            if (meterConstant < PulseOutputSettings.MinimumImpulsesPerKilowattHour || meterConstant > PulseOutputSettings.MaximumImpulsesPerKilowattHour)
                throw new System.ArgumentOutOfRangeException("meterConstant", "meter constant must be 1 … 100000 imp/kWh");
            if (!IsEnabled) return meterConstant;
            long faster = (long)meterConstant * LedRateMultiplier;
            return faster > PulseOutputSettings.MaximumImpulsesPerKilowattHour ? PulseOutputSettings.MaximumImpulsesPerKilowattHour : (int)faster;
        }
    }
}
