namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// The chip-neutral face of the driver (<see cref="IMeteringChip"/>): a <see cref="MeteringChipConfiguration"/>
    /// is mapped onto an <see cref="Ade7880Configuration"/> (allocated once) at <see cref="Start(MeteringChipConfiguration)"/>,
    /// and each Apply… copies the one changed value over before writing it to the running chip.
    /// </summary>
    public sealed partial class Ade7880Driver
    {
        // CFMODE (ADE7880 data sheet Rev. C, CFMODE register): CFxSEL bits 0–8 (CF1SEL = 000 total active power),
        // CF1DIS bit 9 (1 = CF1 output disabled), CF2DIS/CF3DIS bits 10–11 set.
        private const int Cf1Disable = 0x0200;

        private MeteringChipConfiguration _chipConfiguration;
        private Ade7880Configuration _mapped;

        /// <inheritdoc />
        public MeasurementScale MeasurementScale { get { return Ade7880Scaling.Measurement; } }

        /// <inheritdoc />
        public EnergyPerCount ActiveEnergyPerCount(MeteringChipConfiguration configuration)
        {
            return PerCount(configuration.ActiveThreshold, configuration);
        }

        /// <inheritdoc />
        public EnergyPerCount ReactiveEnergyPerCount(MeteringChipConfiguration configuration)
        {
            return PerCount(configuration.ReactiveThreshold, configuration);
        }

        /// <inheritdoc />
        public EnergyPerCount ApparentEnergyPerCount(MeteringChipConfiguration configuration)
        {
            return PerCount(configuration.ApparentThreshold, configuration);
        }

        /// <summary>Maps <paramref name="configuration"/> onto the ADE7880's registers and starts the chip with it (<see cref="Start(Ade7880Configuration)"/>).</summary>
        public void Start(MeteringChipConfiguration configuration)
        {
            if (configuration == null) throw new System.ArgumentException("ADE7880: configuration is null");
            if (_mapped == null) _mapped = new Ade7880Configuration();
            _chipConfiguration = configuration;
            Map(configuration, _mapped);
            Start(_mapped);
        }

        /// <inheritdoc />
        public void CheckCalibration(int kind, int value)
        {
            if (kind == CalibrationKind.PhaseCalibration)
            {
                if (value < 0 || value > 0x3FF) throw new System.ArgumentException("ADE7880: xPHCAL is 0..1023");
                return;
            }
            Register register = CalibrationRegister(kind, 1);
            if (!RegisterMap.Fits(RegisterMap.FormatOf(register), value))
                throw new System.ArgumentException("value out of range for the ADE7880 DSP RAM register");
        }

        /// <inheritdoc />
        public void ApplyCalibration(int kind, int phase)
        {
            if (_chipConfiguration == null) throw new Ade7880Exception("ADE7880: ApplyCalibration before a successful Start or in a low-power mode");
            Register register = CalibrationRegister(kind, phase);
            int value = _chipConfiguration.GetCalibration(kind, phase);
            if (kind == CalibrationKind.PhaseCalibration) _mapped.PhaseCalibration[phase - 1] = value;
            else _mapped.SetDspRegister(register, value);
            ApplyCalibration(register);
        }

        /// <inheritdoc />
        public void ApplyLedDivider()
        {
            if (_chipConfiguration == null) throw new Ade7880Exception("ADE7880: ApplyLedDivider before a successful Start or in a low-power mode");
            MapLedDivider(_chipConfiguration, _mapped);
            ApplyCfDenominators();
        }

        /// <inheritdoc />
        public void ApplyLedEnabled()
        {
            if (_chipConfiguration == null) throw new Ade7880Exception("ADE7880: ApplyLedEnabled before a successful Start or in a low-power mode");
            _mapped.CfMode = CfModeFor(_chipConfiguration.LedEnabled);
            ApplyCfMode();
        }

        /// <summary>
        /// The register of calibration <paramref name="kind"/> (<see cref="CalibrationKind"/>) of phase 1..3.
        /// ADE7880 data sheet Rev. C, Table 30: xIGAIN/xVGAIN interleaved from 0x4380, xPGAIN every second
        /// address from 0x4389, xIRMSOS/xVRMSOS interleaved from 0x438F; APHCAL … CPHCAL consecutive.
        /// </summary>
        public static Register CalibrationRegister(int kind, int phase)
        {
            if (phase < 1 || phase > 3) throw new System.ArgumentOutOfRangeException("phase", "phase is 1..3");
            int p = phase - 1;
            if (kind == CalibrationKind.VoltageGain) return (Register)((int)Register.AVGAIN + 2 * p);
            if (kind == CalibrationKind.CurrentGain) return (Register)((int)Register.AIGAIN + 2 * p);
            if (kind == CalibrationKind.PowerGain) return (Register)((int)Register.APGAIN + 2 * p);
            if (kind == CalibrationKind.PhaseCalibration) return (Register)((int)Register.APHCAL + p);
            if (kind == CalibrationKind.VoltageRmsOffset) return (Register)((int)Register.AVRMSOS + 2 * p);
            if (kind == CalibrationKind.CurrentRmsOffset) return (Register)((int)Register.AIRMSOS + 2 * p);
            throw new System.ArgumentOutOfRangeException("kind", "calibration kind is 1..6");
        }

        /// <summary>Writes the chip-neutral <paramref name="source"/> into the ADE7880 start-up configuration <paramref name="target"/>.</summary>
        public static void Map(MeteringChipConfiguration source, Ade7880Configuration target)
        {
            target.FullScaleVoltageMillivolts = source.FullScaleVoltageMillivolts;
            target.FullScaleCurrentMilliamps = source.FullScaleCurrentMilliamps;
            target.Gain = Ade7880Configuration.GainRegisterFor(source.CurrentPgaGain, source.VoltagePgaGain);
            target.ActiveThreshold = source.ActiveThreshold;
            target.ReactiveThreshold = source.ReactiveThreshold;
            target.ApparentThreshold = source.ApparentThreshold;
            target.SagLevel = PeakCode(source.SagLevelMillivolts, source.FullScaleVoltageMillivolts);
            target.SagCycles = source.SagHalfCycles;
            target.OverVoltageLevel = PeakCode(source.OverVoltageLevelMillivolts, source.FullScaleVoltageMillivolts);
            MapLedDivider(source, target);
            target.CfMode = CfModeFor(source.LedEnabled);
            target.QualityMeasurement = source.QualityMeasurement;
            for (int phase = 1; phase <= 3; phase++)
            {
                target.PhaseCalibration[phase - 1] = source.GetCalibration(CalibrationKind.PhaseCalibration, phase);
                for (int kind = 1; kind <= CalibrationKind.Count; kind++)
                    if (kind != CalibrationKind.PhaseCalibration) target.SetDspRegister(CalibrationRegister(kind, phase), source.GetCalibration(kind, phase));
            }
        }

        private static void MapLedDivider(MeteringChipConfiguration source, Ade7880Configuration target)
        {
            // The test LED is CF1; CF2/CF3 (disabled) get the same divider.
            for (int i = 0; i < 3; i++) target.CfDenominators[i] = source.LedDivider;
        }

        // CF1 drives the LED with CF1SEL = 000, total active power; CF2/CF3 stay off. Disabled: the reset value (all off).
        private static int CfModeFor(bool ledEnabled)
        {
            return ledEnabled ? CfModeResetValue & ~Cf1Disable : CfModeResetValue;
        }

        // SAGLVL / OVLVL: the waveform peak code of a sine of rmsMillivolts (24 bits; a level at or above full scale gives the full-scale peak).
        private static int PeakCode(int rmsMillivolts, int fullScaleMillivolts)
        {
            if (fullScaleMillivolts <= 0) return 0; // Validate names the missing full scale
            long code = rmsMillivolts * Ade7880Scaling.FullScalePeakCode / fullScaleMillivolts;
            return code > 0xFFFFFF ? 0xFFFFFF : (int)code;
        }

        private static EnergyPerCount PerCount(int threshold, MeteringChipConfiguration configuration)
        {
            EnergyScale scale = new EnergyScale(threshold, configuration.FullScaleVoltageMillivolts, configuration.FullScaleCurrentMilliamps);
            return new EnergyPerCount(scale.Numerator, scale.Denominator);
        }
    }
}
