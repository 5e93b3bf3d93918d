// Longer than 400 lines: by a few; the chip-neutral start-up configuration (thresholds, sag and over-voltage levels,
// LED divider) is derived here from the settings beside the cycle that uses it. Next step: that derivation as its own class.
using Meter.Hal;
using Meter.Metrology;

namespace Meter.Core
{
    /// <summary>
    /// One metering cycle, allocation-free after construction: the metering chip's energy
    /// (<see cref="IMeteringChip.TakeEnergy"/>, read-with-reset) → <see cref="EnergyAccumulator"/> with the active tariff → S0 pulses →
    /// demand (Meter.Metrology README, "One metering cycle"). Also owns the chip's start-up
    /// configuration and the instantaneous values read for display and readout.
    /// </summary>
    public sealed class MeteringCycle
    {
        /// <summary>
        /// WTHR = VARTHR = VATHR. The driver's exact energy per count has the denominator
        /// 13 529 839 × 28 125 × 10^6 / gcd; Meter.Metrology's <see cref="EnergyConstant"/> accepts
        /// terms up to 10^12 only, so the threshold and the nominal full scales are chosen to
        /// cancel 3^2 × 5^5 (45 = 3^2 × 5; full-scale voltage a multiple of 125 mV and current a
        /// multiple of 5 mA give 5^4). ADE7880 data sheet Rev. C, "Active Energy Calculation":
        /// any THR 1..255 is allowed; a larger one only makes one count worth more energy.
        /// </summary>
        public const int EnergyThreshold = 45;

        /// <summary>
        /// SAGLVL and OVLVL in % of the nominal voltage: the edges of the band inside which no voltage-quality event
        /// can start or run (VoltageQualityMonitor: dips end at 92 %, swells at 108 %). The chip compares the waveform's
        /// peak (ADE7880 data sheet Rev. C, "Voltage Sag Detection" / "Overvoltage and Overcurrent Detection"), so for a
        /// sine these are the rms percentages; STATUS1.SAG / OV, which the cycle reads anyway, tell the meter to read the rms.
        /// </summary>
        public const int SagLevelPercent = 92;
        /// <summary>OVLVL in % of the nominal voltage (see <see cref="SagLevelPercent"/>).</summary>
        public const int OverVoltageLevelPercent = 108;
        /// <summary>SAGCYC: one line cycle (two half cycles) below SAGLVL before the chip flags a sag, so one disturbed half cycle does not.</summary>
        public const int SagHalfCycles = 2;

        private readonly MeterSettings _settings;
        private readonly IMeteringChip _chip;
        private readonly MeteringChipConfiguration _chipConfiguration;
        private readonly EnergyReading _reading = new EnergyReading();
        private readonly PhaseMeasurements _measurements = new PhaseMeasurements();
        private readonly EnergyAccumulator _accumulator;
        private readonly DemandMeter _demand;
        private readonly int _nominalVoltageMillivolts;
        private readonly int _nominalCurrentMilliamps;
        private readonly CfDenominatorSetting _led;
        private CfDenominatorSetting _activeLed;
        private int _ledConstant;
        private PulseOutput _s0;
        private long _lastCycleMs = -1;
        private int _chipFaults;
        private int _lastFault;
        private long _lastFaultOld;
        private long _lastFaultNew;
        private int _voltageTimeouts;
        private int _voltageEvents;
        private bool _measurementsValid;
        private int _ledGateChanges;

        /// <summary>Builds the chip configuration and the accumulator for <paramref name="settings"/>.</summary>
        public MeteringCycle(MeterSettings settings, MeterHardware hardware)
        {
            _settings = settings;
            _chip = hardware.MeteringChip;
            _nominalVoltageMillivolts = RoundToMultiple(settings.FullScaleVoltageMillivolts, 125);
            _nominalCurrentMilliamps = RoundToMultiple(settings.FullScaleCurrentMilliamps, 5);

            _chipConfiguration = new MeteringChipConfiguration();
            _chipConfiguration.FullScaleVoltageMillivolts = _nominalVoltageMillivolts;
            _chipConfiguration.FullScaleCurrentMilliamps = _nominalCurrentMilliamps;
            _chipConfiguration.CurrentPgaGain = settings.CurrentPgaGain;
            _chipConfiguration.VoltagePgaGain = settings.VoltagePgaGain;
            _chipConfiguration.ActiveThreshold = EnergyThreshold;
            _chipConfiguration.ReactiveThreshold = EnergyThreshold;
            _chipConfiguration.ApparentThreshold = EnergyThreshold;
            // Rms of a sine at percent % of the nominal voltage, mV: the chip compares its peak.
            _chipConfiguration.SagLevelMillivolts = settings.NominalVoltageVolts * 10 * SagLevelPercent;
            _chipConfiguration.SagHalfCycles = SagHalfCycles;
            _chipConfiguration.OverVoltageLevelMillivolts = settings.NominalVoltageVolts * 10 * OverVoltageLevelPercent;
            _chipConfiguration.QualityMeasurement = settings.QualityMeasurement; // harmonic scan and angles in ReadMeasurements only

            EnergyPerCount active = _chip.ActiveEnergyPerCount(_chipConfiguration);
            EnergyPerCount reactive = _chip.ReactiveEnergyPerCount(_chipConfiguration);
            EnergyPerCount apparent = _chip.ApparentEnergyPerCount(_chipConfiguration);
            EnergyConstant activeConstant = new EnergyConstant(active.Numerator, active.Denominator);

            // Test LED on CF1: CF1DEN for the meter constant (ADE7880 data sheet Rev. C, "Energy-to-Frequency Conversion").
            CfDenominatorSetting led = CfDenominatorCalculator.Compute(activeConstant, settings.MeterConstantImpPerKwh);
            _led = led;
            _activeLed = led;
            _ledConstant = settings.MeterConstantImpPerKwh;
            _chipConfiguration.LedDivider = led.CfDen;
            // The LED pulses with total active energy. It starts lit and the first cycle's gate decides (GateLed):
            // a loaded meter loses no LED pulse at start-up, and one cycle of creep after a reset (the chip's
            // pulse divider starts empty) is far less than one pulse.
            _chipConfiguration.LedEnabled = true;

            MeteringConfiguration metering = new MeteringConfiguration(
                settings.Phases == 1 ? ConnectionType.SinglePhase : ConnectionType.ThreePhaseFourWire,
                PhaseSummation.VectorSum,
                activeConstant,
                new EnergyConstant(reactive.Numerator, reactive.Denominator),
                new EnergyConstant(apparent.Numerator, apparent.Denominator),
                settings.TariffCount,
                new CurrentTransformerRatio(settings.CtPrimaryAmps, settings.CtSecondaryAmps),
                settings.StartingThresholdMilliVoltAmperes);
            _accumulator = new EnergyAccumulator(metering);
            _demand = new DemandMeter(_accumulator, settings.IntegrationPeriodMinutes);
        }

        /// <summary>
        /// CF1DEN of the test LED and the constant the CF pin really gives: CFxDEN is an integer, so unless
        /// <see cref="CfDenominatorSetting.IsExact"/> the LED runs off the nameplate constant by
        /// <see cref="CfDenominatorSetting.ErrorPartsPerBillion"/> (the energy registers are unaffected).
        /// </summary>
        public CfDenominatorSetting LedCalibration { get { return _led; } }

        /// <summary>LED constant CF1 is configured for now, imp/kWh: the nameplate constant, or its multiple in verification mode.</summary>
        public int LedImpulsesPerKilowattHour { get { return _ledConstant; } }

        /// <summary>
        /// CF1DEN in use now and its error for <see cref="LedImpulsesPerKilowattHour"/> (equals
        /// <see cref="LedCalibration"/> outside verification mode).
        /// </summary>
        public CfDenominatorSetting ActiveLedCalibration { get { return _activeLed; } }

        /// <summary>
        /// True while the test LED is held dark because no used phase runs (<see cref="EnergyAccumulator.IsNoLoad"/>):
        /// the LED output off, see <see cref="Run"/>.
        /// </summary>
        public bool LedGatedByNoLoad { get { return !_chipConfiguration.LedEnabled; } }

        /// <summary>Times the LED gate changed since start (each one write on the running chip, ADE7880: CFMODE).</summary>
        public int LedGateChanges { get { return _ledGateChanges; } }

        /// <summary>The metering chip.</summary>
        public IMeteringChip Chip { get { return _chip; } }

        /// <summary>The chip configuration (calibration values live here; <see cref="SetCalibration"/> changes one, <see cref="ApplyCalibration"/> writes it to the running chip).</summary>
        public MeteringChipConfiguration ChipConfiguration { get { return _chipConfiguration; } }

        /// <summary>How the chip's <see cref="Measurements"/> codes convert to units.</summary>
        public MeasurementScale MeasurementScale { get { return _chip.MeasurementScale; } }

        /// <summary>The energy registers.</summary>
        public EnergyAccumulator Accumulator { get { return _accumulator; } }

        /// <summary>Maximum demand.</summary>
        public DemandMeter Demand { get { return _demand; } }

        /// <summary>The S0 output (null when the board has none or before <see cref="Start"/>).</summary>
        public PulseOutput S0 { get { return _s0; } }

        /// <summary>The last instantaneous values (valid after the first cycle).</summary>
        public PhaseMeasurements Measurements { get { return _measurements; } }

        /// <summary>True once <see cref="Measurements"/> holds a reading.</summary>
        public bool MeasurementsValid { get { return _measurementsValid; } }

        /// <summary>Nominal full-scale voltage used for the energy constant, mV.</summary>
        public int NominalVoltageMillivolts { get { return _nominalVoltageMillivolts; } }

        /// <summary>Nominal full-scale current used for the energy constant, mA.</summary>
        public int NominalCurrentMilliamps { get { return _nominalCurrentMilliamps; } }

        /// <summary>Cycles that failed because the chip did not answer (energy of those cycles stays in the chip).</summary>
        public int ChipFaults { get { return _chipFaults; } }

        /// <summary>Fault of the last <see cref="Start"/>, <see cref="Run"/> or <see cref="ReadMeasurements"/> (a <see cref="MetrologyFaultDetail"/>; 0 = none).</summary>
        public int LastFault { get { return _lastFault; } }

        /// <summary>Old value of the <see cref="LastFault"/> event (see <see cref="MetrologyFaultDetail"/>).</summary>
        public long LastFaultOldValue { get { return _lastFaultOld; } }

        /// <summary>New value of the <see cref="LastFault"/> event.</summary>
        public long LastFaultNewValue { get { return _lastFaultNew; } }

        /// <summary>
        /// Phases (bit 0 = L1) whose voltage zero-crossing timed out in the last cycle: STATUS1.ZXTOVA..C, set once
        /// when no zero crossing came for ZXTOUT (ADE7880 data sheet Rev. C, "Zero-Crossing Timeout"; reset value
        /// 0xFFFF × 62.5 µs = 4.1 s), i.e. the phase voltage is gone.
        /// </summary>
        public int VoltageTimeouts { get { return _voltageTimeouts; } }

        /// <summary>
        /// <see cref="MeterEvents.Sag"/> and <see cref="MeterEvents.OverVoltage"/> of the last cycle: a phase voltage crossed
        /// <see cref="SagLevelPercent"/> (either way) or lies above <see cref="OverVoltageLevelPercent"/> of the nominal voltage.
        /// From the STATUS1 every cycle reads: no frame of its own.
        /// </summary>
        public int VoltageEvents { get { return _voltageEvents; } }

        /// <summary>
        /// Restores the registers (before the first cycle, Meter.Metrology README), starts the
        /// chip and creates the S0 output. <paramref name="snapshot"/> may be null (new meter).
        /// </summary>
        public void Start(long[] snapshot, IOutputPin s0Pin, long nowMs)
        {
            if (snapshot != null) _accumulator.RestoreFrom(snapshot);
            _lastFault = 0;
            try
            {
                _chip.Start(_chipConfiguration);
            }
            catch (MeteringChipException e)
            {
                // The meter starts anyway (storage, clock, readout); Run retries the chip every cycle.
                _chipFaults++;
                NoteFault(e);
            }
            if (s0Pin != null)
            {
                // Backlog bound: one hour of pulses at the output's maximum rate (never reached in practice).
                PulseOutputSettings s0 = new PulseOutputSettings(EnergyRegister.ActiveImport, _settings.S0ImpPerKwh, false,
                    _settings.S0PulseMilliseconds, 3600000L / (2L * _settings.S0PulseMilliseconds), NoLoadIndication.Off);
                _s0 = new PulseOutput(s0Pin, _accumulator, s0);
            }
            _lastCycleMs = nowMs;
        }

        /// <summary>
        /// Sets calibration <paramref name="kind"/> (<see cref="CalibrationKind"/>) of phase 1..3 in
        /// <see cref="ChipConfiguration"/>, not yet on the chip (<see cref="ApplyCalibration"/>).
        /// </summary>
        /// <exception cref="System.ArgumentException">The value does not fit the chip's register; nothing changed.</exception>
        public void SetCalibration(int kind, int phase, int value)
        {
            _chip.CheckCalibration(kind, value);
            _chipConfiguration.SetCalibration(kind, phase, value);
        }

        /// <summary>
        /// Writes calibration <paramref name="kind"/> of phase <paramref name="phase"/> of <see cref="ChipConfiguration"/>
        /// (changed by the caller) to the running chip in place (<see cref="IMeteringChip.ApplyCalibration"/>):
        /// no reset, so the energy the chip holds and is accumulating runs on and nothing is lost or
        /// counted twice. False when the chip is not running or did not take it (then counted in
        /// <see cref="ChipFaults"/> and noted as <see cref="LastFault"/>; the driver counts as stopped and
        /// the next <see cref="Run"/> starts the chip from the configuration).
        /// </summary>
        public bool ApplyCalibration(int kind, int phase)
        {
            if (!_chip.IsRunning) return false;
            try
            {
                _chip.ApplyCalibration(kind, phase);
            }
            catch (MeteringChipException e)
            {
                _chipFaults++;
                NoteFault(e);
                return false;
            }
            return true;
        }

        /// <summary>
        /// Runs the test LED (CF1) at <paramref name="impulsesPerKilowattHour"/>: CF1DEN recomputed
        /// (ADE7880 data sheet Rev. C, "Energy-to-Frequency Conversion") and written to the running
        /// chip (<see cref="IMeteringChip.ApplyLedDivider"/>): no reset, so the chip's energy
        /// registers and accumulation run on and nothing is lost; accumulator, S0 and demand are
        /// not touched. The driver keeps the configuration, so a chip reset recovered in
        /// <see cref="Run"/> comes back with this constant. Returns false when the chip did not take it (counted in
        /// <see cref="ChipFaults"/>; the configuration holds the new constant and the next
        /// <see cref="Run"/> starts the chip with it, losing only the unread cycle as any chip fault does).
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">Constant outside 1 … 100 000 or CF1DEN outside 2 … 65535; nothing changed.</exception>
        public bool SetLedConstant(int impulsesPerKilowattHour)
        {
            CfDenominatorSetting setting = CfDenominatorCalculator.Compute(_accumulator.Configuration.ActiveConstant, impulsesPerKilowattHour);
            _chipConfiguration.LedDivider = setting.CfDen;
            _activeLed = setting;
            _ledConstant = impulsesPerKilowattHour;
            if (!_chip.IsRunning) return true; // the next Run starts the chip with it
            try
            {
                _chip.ApplyLedDivider();
            }
            catch (MeteringChipException)
            {
                _chipFaults++;
                return false;
            }
            return true;
        }

        /// <summary>
        /// One cycle at <paramref name="nowMs"/>: read and add the energy, drive S0, update demand
        /// at <paramref name="clockSeconds"/> with <paramref name="tariffIndex"/>. Returns false
        /// when the chip did not answer (nothing added; the driver restarts it next time).
        /// </summary>
        public bool Run(long nowMs, long clockSeconds, int tariffIndex)
        {
            long elapsed = _lastCycleMs < 0 ? _settings.CycleMilliseconds : nowMs - _lastCycleMs;
            if (elapsed < 1) elapsed = 1;
            if (elapsed > EnergyAccumulator.MaximumCycleMilliseconds) elapsed = EnergyAccumulator.MaximumCycleMilliseconds;
            _lastCycleMs = nowMs;
            _lastFault = 0;
            _voltageTimeouts = 0;
            _voltageEvents = 0;
            try
            {
                if (!_chip.IsRunning) _chip.Start(_chipConfiguration);
                _chip.TakeEnergy(_reading);
            }
            catch (MeteringChipException e)
            {
                _chipFaults++;
                NoteFault(e);
                return false;
            }
            _voltageTimeouts = _reading.VoltageTimeouts;
            _voltageEvents = _reading.Events & (MeterEvents.Sag | MeterEvents.OverVoltage);
            if (_reading.ChipWasReset)
                // A reset also changes the checksum (the configuration is gone); CRC alone means a register changed.
                SetFault((_reading.Events & MeterEvents.ResetDone) != 0 ? MetrologyFaultDetail.ChipReset : MetrologyFaultDetail.ConfigurationChanged,
                    _reading.Status1, _chip.ResetsRecovered);
            else if (_reading.FailedReads > 0)
                SetFault(MetrologyFaultDetail.EnergyReadsNotVerified, 0, _reading.FailedReads);
            _accumulator.AddCycle(_reading.Active, _reading.Reactive, _reading.Apparent, tariffIndex, (int)elapsed);
            GateLed(_accumulator.IsNoLoad);
            if (_s0 != null) _s0.Update(nowMs);
            _demand.Update(clockSeconds, tariffIndex);
            return true;
        }

        /// <summary>
        /// Reads rms values, powers and periods for display, readout and voltage quality (not on the energy path).
        /// True when <see cref="Measurements"/> now holds this call's reading.
        /// </summary>
        public bool ReadMeasurements()
        {
            try
            {
                if (!_chip.IsRunning) return false;
                _chip.ReadMeasurements(_measurements);
                _measurementsValid = true;
                return true;
            }
            catch (MeteringChipException e)
            {
                _chipFaults++;
                if (_lastFault == 0) NoteFault(e);
                return false;
            }
        }

        /// <summary>Changes the S0 pulse figure (see Meter.Metrology PulseOutput.ChangeImpulsesPerKilowattHour); no-op without an S0 output.</summary>
        public void ChangeS0Figure(int impulsesPerKilowattHour)
        {
            if (_s0 != null) _s0.ChangeImpulsesPerKilowattHour(impulsesPerKilowattHour);
        }

        /// <summary>
        /// No-load test of the LED (EN 50470-3; IEC 62053-21:2003 §8.3.2: at most one test-output pulse in Δt with
        /// voltage and no current): the chip's CF1 divides whatever energy it sees, the firmware's starting gate is
        /// not in that path, so while no used phase runs CF1DIS is set and CF1 stops; it is cleared on the cycle a
        /// phase starts. One in-place write per change (<see cref="IMeteringChip.ApplyLedEnabled"/>), none per
        /// cycle; the configuration holds the state, so a chip reset comes back with it. The LED's no-load
        /// indication is therefore "off without consumption" (the CF pin gives no steady level to show "on";
        /// <see cref="NoLoadIndication.On"/> is for firmware-driven <see cref="PulseOutput"/>s, which follow the same
        /// <see cref="EnergyAccumulator.IsNoLoad"/>). A failed write counts as a chip fault; the next cycle's start
        /// of the chip applies the state.
        /// </summary>
        private void GateLed(bool noLoad)
        {
            if (_chipConfiguration.LedEnabled == !noLoad) return;
            _chipConfiguration.LedEnabled = !noLoad;
            _ledGateChanges++;
            if (!_chip.IsRunning) return;
            try
            {
                _chip.ApplyLedEnabled();
            }
            catch (MeteringChipException e)
            {
                _chipFaults++;
                NoteFault(e);
            }
        }

        private void NoteFault(MeteringChipException e)
        {
            if (e.Fault == MeteringChipFault.ConfigurationNotVerified) SetFault(MetrologyFaultDetail.ConfigurationNotVerified, e.RegisterAddress, e.ReadBack);
            else if (e.Fault == MeteringChipFault.ReadNotVerified) SetFault(MetrologyFaultDetail.ReadNotVerified, e.RegisterAddress, 0);
            else SetFault(MetrologyFaultDetail.NotResponding, 0, 0);
        }

        private void SetFault(int detail, long oldValue, long newValue)
        {
            _lastFault = detail;
            _lastFaultOld = oldValue;
            _lastFaultNew = newValue;
        }

        /// <summary>Drives the S0 output's pulse edges between cycles.</summary>
        public void UpdatePulses(long nowMs)
        {
            if (_s0 != null) _s0.Update(nowMs);
        }

        private static int RoundToMultiple(int value, int step)
        {
            int rounded = (value + step / 2) / step * step;
            return rounded < step ? step : rounded;
        }
    }
}
