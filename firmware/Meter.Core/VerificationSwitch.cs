using Meter.Display;
using Meter.Optical;
using Meter.Metrology;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Verification (test-rig) mode, Kamstrup 351 data sheet: "the meter can be configured to
    /// verification mode, among other things, which improves the resolutions of the energy
    /// indications, thereby reducing the duration of test and verification". On: energies are
    /// displayed in Wh (6.3) and the test LED (CF1) runs at <see cref="MeterSettings.VerificationLedMultiplier"/>
    /// × the meter constant; the energy registers, S0 and demand are not affected. Legal data:
    /// switching on needs the seal / programming switch open (<see cref="ObisWriteResult.SealClosed"/>
    /// otherwise, nothing changes); switching off is always allowed (it only returns to the legal
    /// state). Switching on again while on restarts the timeout (logged with old = new, as is off while off).
    /// The mode ends by itself <see cref="MeterSettings.VerificationTimeoutMinutes"/> after it was switched
    /// on (<see cref="CheckTimeout"/>, every tick) and is never stored: every start begins in normal mode,
    /// so a meter cannot be left in it by accident. Each change is logged as <see cref="EventKind.LegalDataChange"/>
    /// with detail <see cref="SwitchedDetail"/> or <see cref="TimedOutDetail"/>. Owner of 1-0:128.128.0 (0 = off, 1 = on).
    /// </summary>
    public sealed class VerificationSwitch : ObisValueOwner
    {
        /// <summary>LegalDataChange detail: verification mode switched on or off by command (old/new: LED imp/kWh).</summary>
        public const int SwitchedDetail = 128;
        /// <summary>LegalDataChange detail: verification mode ended by its timeout (old/new: LED imp/kWh).</summary>
        public const int TimedOutDetail = 129;
        /// <summary>1-0:128.128.0 verification mode, 0 = off, 1 = on (legal: seal open).</summary>
        public static readonly ObisCode Code = new ObisCode(CalibrationAccess.CalibrationGroup, 128, 0);

        private readonly VerificationMode _mode;
        private readonly MeteringCycle _metering;
        private readonly IProgrammingSwitch _seal;
        private readonly MeterSettings _settings;
        private readonly EventRouting _events;
        private readonly MeterTime _time;
        private readonly MeterDisplay _display;

        /// <summary>Switches the LED constant of <paramref name="metering"/> and the decimals of <paramref name="display"/>; off at first.</summary>
        public VerificationSwitch(MeteringCycle metering, IProgrammingSwitch seal, MeterSettings settings,
            EventRouting events, MeterTime time, MeterDisplay display)
        {
            // Display scaler = 10^scaler Wh per last digit: 7.0 → 3, 6.1 → 2, 7.2 → 1, 6.3 → 0. Verification
            // shows 1 Wh (scaler 0): the OBIS energy registers the display reads are whole Wh.
            DisplayFormat configured = new DisplayFormat();
            configured.Decimals = DisplayFormat.DecimalsFromCode(settings.DisplayDecimalsCode);
            _mode = new VerificationMode(3 - configured.EnergyDecimals, 0, settings.VerificationLedMultiplier);
            _metering = metering;
            _seal = seal;
            _settings = settings;
            _events = events;
            _time = time;
            _display = display;
        }

        /// <summary>The mode (off at every start).</summary>
        public VerificationMode Mode { get { return _mode; } }

        /// <summary>Monotonic ms at which the mode ends by itself (meaningful while it is on).</summary>
        public long EndsAtMs { get; private set; }

        /// <summary>Switches the mode on or off by command (see the class remarks).</summary>
        public ObisWriteResult Set(bool enabled)
        {
            if (enabled && (_seal == null || !_seal.IsOpen)) return ObisWriteResult.SealClosed;
            if (enabled == _mode.IsEnabled)
            {
                if (enabled) EndsAtMs = _time.NowMs + _settings.VerificationTimeoutMinutes * 60000L;
                // Still one entry a write (the optical port's record of it is not logged again, EventRouting): old = new.
                int constant = _metering.LedImpulsesPerKilowattHour;
                _events.Log(EventKind.LegalDataChange, SwitchedDetail, constant, constant);
                return ObisWriteResult.Accepted;
            }
            return Change(enabled, SwitchedDetail);
        }

        /// <summary>Ends the mode when its time is up at <paramref name="nowMs"/>.</summary>
        public void CheckTimeout(long nowMs)
        {
            if (_mode.IsEnabled && nowMs >= EndsAtMs) Change(false, TimedOutDetail);
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code != Code) return false;
            value = _mode.IsEnabled ? 1 : 0;
            return true;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            return code == Code ? Set(value != 0) : ObisWriteResult.Rejected;
        }

        private ObisWriteResult Change(bool enabled, int detail)
        {
            int before = _metering.LedImpulsesPerKilowattHour;
            _mode.SetEnabled(enabled);
            int after = _mode.LedImpulsesPerKilowattHour(_settings.MeterConstantImpPerKwh);
            try
            {
                _metering.SetLedConstant(after);
            }
            catch (System.ArgumentOutOfRangeException)
            {
                _mode.SetEnabled(!enabled); // CF1DEN cannot give that constant: nothing changed
                return ObisWriteResult.OutOfRange;
            }
            EndsAtMs = _time.NowMs + _settings.VerificationTimeoutMinutes * 60000L;
            _display.ChangeDecimals(DecimalsForScaler(_mode.DisplayScaler));
            _events.Log(EventKind.LegalDataChange, detail, before, after);
            _display.Refresh(_time.NowMs);
            return ObisWriteResult.Accepted;
        }

        // Display scaler (10^scaler Wh per last digit) → decimals setting: 3 → 7.0, 2 → 6.1, 1 → 7.2, 0 → 6.3.
        private static DisplayDecimals DecimalsForScaler(int scaler)
        {
            if (scaler >= 3) return DisplayDecimals.Digits7Decimals0;
            if (scaler == 2) return DisplayDecimals.Digits6Decimals1;
            if (scaler == 1) return DisplayDecimals.Digits7Decimals2;
            return DisplayDecimals.Digits6Decimals3;
        }
    }
}
