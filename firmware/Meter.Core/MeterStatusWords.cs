using Meter.Clock;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The error register F.F (0-0:97.97.0) and the operating status word (0-0:96.5.0), put together
    /// from the parts that know each condition; owner of both objects. The LCD shows them too.
    /// </summary>
    public sealed class MeterStatusWords : ObisValueOwner
    {
        /// <summary>Error register bit: the metering IC did not answer in a cycle.</summary>
        public const int ErrorMeteringChip = 0x01;
        /// <summary>Error register bit: NV memory areas were repaired at the last start.</summary>
        public const int ErrorStorageRepaired = 0x02;
        /// <summary>Error register bit: the NV memory was unreadable (not blank, no format record) and was formatted at the last start: registers and logs restarted from zero; the LCD shows the error word, "Err 4" when alone.</summary>
        public const int ErrorStorageFormatted = 0x04;
        /// <summary>Status word bit: the clock is not valid (never set or backup lost).</summary>
        public const int StatusClockInvalid = 0x01;
        /// <summary>Status word bit: summer time.</summary>
        public const int StatusSummerTime = 0x02;
        /// <summary>Status word bit: S0 pulse backlog overrun.</summary>
        public const int StatusPulseOverrun = 0x04;
        /// <summary>
        /// Status word bit: the optical port refuses passwords after too many wrong ones (Meter.Optical
        /// OpticalServer.IsLocked), for as long as the lock lasts; the LCD shows it on the status screen (C.5.0).
        /// </summary>
        public const int StatusOpticalPortLocked = 0x08;
        /// <summary>Status word bit: the module's alarm input is active (ModuleInputs; the LCD shows the status screen while it is).</summary>
        public const int StatusAlarmInput = 0x80;
        /// <summary>Status word bit: the breaker's feedback disagrees with the disconnect control state (DisconnectControl.StatusFeedbackMismatch).</summary>
        public const int StatusBreakerFeedback = 0x10;

        /// <summary>The disconnect control whose feedback mismatch the status word shows (null: none).</summary>
        public DisconnectControl Disconnect { get; set; }

        /// <summary>Status word bit: the current week fails EN 50160 (issue 20; the LCD's status screen shows it, no symbol is free).</summary>
        public const int StatusPowerQualityAlarm = 0x800; // 0x10 breaker, 0x80 alarm input, 0x100..0x400 prepayment

        /// <summary>The power-quality objects whose week sets <see cref="StatusPowerQualityAlarm"/> (null: none).</summary>
        public PowerQualityObjects PowerQuality { get; set; }

        private readonly MeteringCycle _metering;
        private readonly SettingsWriter _settings;
        private readonly MeterClock _clock;
        private readonly LocalTimeRule _rule;
        private readonly MeterTime _time;
        private readonly OpticalPort _optical;
        private StorageRecoveryReport _recovery;
        private Prepayment _prepayment;
        private ModuleInputs _inputs;

        /// <summary>The words of the chip driven by <paramref name="metering"/>, the settings record, the clock and the optical port.</summary>
        public MeterStatusWords(MeteringCycle metering, SettingsWriter settings, MeterClock clock, LocalTimeRule rule, MeterTime time, OpticalPort optical)
        {
            _metering = metering;
            _settings = settings;
            _clock = clock;
            _rule = rule;
            _time = time;
            _optical = optical;
        }

        /// <summary>The module inputs whose alarm sets <see cref="StatusAlarmInput"/>.</summary>
        public void UseInputs(ModuleInputs inputs)
        {
            _inputs = inputs;
        }

        /// <summary>Start-up: what the storage repaired when it opened.</summary>
        public void UseRecovery(StorageRecoveryReport recovery)
        {
            _recovery = recovery;
        }

        /// <summary>Composition: prepayment's bits (<see cref="Prepayment.StatusCreditLow"/> …) join the status word.</summary>
        public void ShowPrepayment(Prepayment prepayment)
        {
            _prepayment = prepayment;
        }

        /// <summary>Error register F.F.</summary>
        public int ErrorWord
        {
            get
            {
                int error = 0;
                if (_metering.ChipFaults > 0) error |= ErrorMeteringChip;
                if (_recovery != null && _recovery.RepairCount > 0) error |= ErrorStorageRepaired;
                if (_settings.DefaultsRestored) error |= ErrorStorageRepaired;
                if (_recovery != null && _recovery.DamagedMemoryFormatted) error |= ErrorStorageFormatted;
                return error;
            }
        }

        /// <summary>Operating status word 0-0:96.5.0.</summary>
        public int StatusWord
        {
            get
            {
                int status = 0;
                if (!_clock.Status.IsValid) status |= StatusClockInvalid;
                if (_rule.IsSummerTime(_time.UtcSeconds)) status |= StatusSummerTime;
                if (_metering.S0 != null && _metering.S0.OverrunFlag) status |= StatusPulseOverrun;
                if (_optical.IsLocked) status |= StatusOpticalPortLocked;
                if (_prepayment != null) status |= _prepayment.StatusBits;
                if (_inputs != null && _inputs.AlarmActive) status |= StatusAlarmInput;
                if (Disconnect != null && (Disconnect.Status & DisconnectControl.StatusFeedbackMismatch) != 0) status |= StatusBreakerFeedback;
                if (PowerQuality != null && PowerQuality.CurrentWeekFails) status |= StatusPowerQualityAlarm;
                return status;
            }
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code == StandardObjects.ErrorRegister) { value = ErrorWord; return true; }
            if (code == StandardObjects.StatusRegister) { value = StatusWord; return true; }
            return false;
        }
    }
}
