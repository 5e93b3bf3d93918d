using Meter.Clock;
using Meter.Hal;
using Meter.Metrology;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Prepayment (seeds: OMNIPOWER and 382J "software controlled prepayment", "a countdown register to control
    /// the internal breakers"): the credit (<see cref="PrepaymentCredit"/>), credit tokens (<see cref="PrepaymentToken"/>),
    /// a warning threshold, an emergency credit the customer enables by command, friendly hours and days
    /// (<see cref="FriendlyTime"/>), and <see cref="RequestsDisconnect"/>: credit and emergency credit exhausted outside
    /// friendly time. It never switches the breaker itself: the disconnect control reads the flag. Its values live in
    /// the device-state record's prepayment range (the settings record has no free value): a token is applied by one
    /// commit of credit and sequence together, so a power cut applies it wholly or not at all.
    /// </summary>
    public sealed class Prepayment
    {
        /// <summary>Device-state value: sequence number of the last token applied.</summary>
        public const int SequenceIndex = DeviceStateRecord.Prepayment + 2;
        /// <summary>Device-state value: flags (<see cref="FlagActive"/>, <see cref="FlagEmergency"/>).</summary>
        public const int FlagsIndex = DeviceStateRecord.Prepayment + 3;
        /// <summary>Device-state value: warning threshold in Wh (low 32 bits), emergency credit in Wh (high 32 bits).</summary>
        public const int ThresholdsIndex = DeviceStateRecord.Prepayment + 4;
        /// <summary>Device-state value: friendly hours and days (<see cref="FriendlyTime"/>).</summary>
        public const int FriendlyIndex = DeviceStateRecord.Prepayment + 5;
        /// <summary>Device-state values: the token secret, bytes 0 … 7 big-endian here, 8 … 15 in the next value.</summary>
        public const int SecretIndex = DeviceStateRecord.Prepayment + 6;

        /// <summary>Flag: prepayment is on (the credit counts down).</summary>
        public const long FlagActive = 1;
        /// <summary>Flag: the emergency credit is in use (until a top-up brings the credit above 0).</summary>
        public const long FlagEmergency = 2;

        /// <summary>Status word bit: the available credit is below the warning threshold.</summary>
        public const int StatusCreditLow = 0x100;
        /// <summary>Status word bit: credit and emergency credit exhausted.</summary>
        public const int StatusCreditExhausted = 0x200;
        /// <summary>Status word bit: the emergency credit is in use.</summary>
        public const int StatusEmergencyCredit = 0x400;

        /// <summary>Largest warning threshold or emergency credit (Wh): 31 bits each in their shared value.</summary>
        public const long MaximumThresholdWh = 0x7FFFFFFFL;

        // ParameterChange event details of prepayment (settings-record range 108 … 115 given to prepayment).
        /// <summary>Event detail: prepayment started (old: 0, new: the starting credit Wh) or stopped (old: remaining Wh, new: −1).</summary>
        public const int EventStarted = 108;
        /// <summary>Event detail: token applied (old: its sequence, new: its amount Wh).</summary>
        public const int EventTokenApplied = 109;
        /// <summary>Event detail: token refused (old: the <see cref="TokenResult"/>, new: the token's sequence, 0 when not read).</summary>
        public const int EventTokenRefused = 110;
        /// <summary>Event detail: emergency credit enabled (old: remaining Wh, new: emergency credit Wh).</summary>
        public const int EventEmergencyCredit = 111;
        /// <summary>Event detail: a threshold or the friendly times changed (old/new: the packed value).</summary>
        public const int EventSettingChanged = 112;
        /// <summary>Event detail: the token secret was set (no values: it is never shown).</summary>
        public const int EventSecretSet = 113;

        private readonly DeviceStateRecord _state;
        private readonly MeterSettings _settings;
        private readonly LocalTimeRule _rule;
        private readonly EventRouting _events;
        private readonly MeterTime _time;
        private readonly PrepaymentCredit _credit;
        private readonly PrepaymentToken _token = new PrepaymentToken();
        private readonly byte[] _secret = new byte[PrepaymentToken.SecretLength];

        /// <summary>Prepayment over the A+ total of <paramref name="energy"/>, its values in <paramref name="state"/>.</summary>
        public Prepayment(EnergyAccumulator energy, DeviceStateRecord state, MeterSettings settings, LocalTimeRule rule, EventRouting events, MeterTime time)
        {
            _state = state;
            _settings = settings;
            _rule = rule;
            _events = events;
            _time = time;
            _credit = new PrepaymentCredit(energy, state);
        }

        /// <summary>The credit register.</summary>
        public PrepaymentCredit Credit => _credit;
        /// <summary>True while prepayment is on.</summary>
        public bool IsActive => (_state.Get(FlagsIndex) & FlagActive) != 0;
        /// <summary>True while the emergency credit is in use.</summary>
        public bool EmergencyCreditInUse => (_state.Get(FlagsIndex) & FlagEmergency) != 0;
        /// <summary>Remaining credit in Wh (below 0 while the emergency credit is being used; 0 while prepayment is off).</summary>
        public long RemainingWh => IsActive ? _credit.RemainingWh : 0;
        /// <summary>Warning threshold in Wh.</summary>
        public long WarningThresholdWh => _state.Get(ThresholdsIndex) & 0xFFFFFFFFL;
        /// <summary>Emergency credit in Wh the customer may enable.</summary>
        public long EmergencyCreditWh => (_state.Get(ThresholdsIndex) >> 32) & 0xFFFFFFFFL;
        /// <summary>Friendly hours and days (<see cref="FriendlyTime"/>).</summary>
        public long FriendlySetting => _state.Get(FriendlyIndex);
        /// <summary>Sequence number of the last token applied (0: none yet).</summary>
        public long LastSequence => _state.Get(SequenceIndex);
        /// <summary>What became of the last token written (<see cref="TokenResult"/>; −1 none since the start).</summary>
        public int LastTokenResult { get; private set; } = -1;
        /// <summary>True when a token secret is set.</summary>
        public bool HasSecret => _state.Get(SecretIndex) != 0 || _state.Get(SecretIndex + 1) != 0;

        /// <summary>Credit the customer can still use: the remaining credit plus the emergency credit when in use.</summary>
        public long AvailableWh => RemainingWh + (EmergencyCreditInUse ? EmergencyCreditWh : 0);
        /// <summary>True when prepayment is on and the available credit is below the warning threshold.</summary>
        public bool IsCreditLow => IsActive && AvailableWh < WarningThresholdWh;
        /// <summary>True when prepayment is on and credit and emergency credit are used up.</summary>
        public bool IsExhausted => IsActive && AvailableWh <= 0;

        /// <summary>True when the meter's local time now is friendly (no disconnect).</summary>
        public bool IsFriendlyNow => FriendlyTime.IsFriendly(FriendlySetting, _rule.ToLocal(_time.UtcSeconds), _settings.Holidays);

        /// <summary>Prepayment asks the disconnect control to open the breaker: credit exhausted, outside friendly time.</summary>
        public bool RequestsDisconnect => IsExhausted && !IsFriendlyNow;

        /// <summary>The status-word bits of prepayment.</summary>
        public int StatusBits
        {
            get
            {
                if (!IsActive) return 0;
                int bits = 0;
                if (IsCreditLow) bits |= StatusCreditLow;
                if (IsExhausted) bits |= StatusCreditExhausted;
                if (EmergencyCreditInUse) bits |= StatusEmergencyCredit;
                return bits;
            }
        }

        /// <summary>LCD symbols: the prepayment symbol while the function is active (seeds' display description).</summary>
        public int LcdSymbolFlags => IsActive ? LcdSymbols.Prepayment : 0;

        /// <summary>Starts (or restarts) prepayment with <paramref name="startingWh"/>; the token sequence is kept, so no old token applies again.</summary>
        public ObisWriteResult Start(long startingWh)
        {
            if (startingWh < 0 || startingWh > PrepaymentCredit.MaximumLoadedWh) return ObisWriteResult.OutOfRange;
            _credit.Start(startingWh);
            _state.Set(FlagsIndex, FlagActive);
            _state.Commit();
            _events.Log(EventKind.ParameterChange, EventStarted, 0, startingWh);
            return ObisWriteResult.Accepted;
        }

        /// <summary>Stops prepayment (the credit no longer counts down; a later <see cref="Start"/> begins afresh).</summary>
        public ObisWriteResult Stop()
        {
            if (!IsActive) return ObisWriteResult.Accepted;
            long remaining = RemainingWh;
            _state.Set(FlagsIndex, 0);
            _state.Commit();
            _events.Log(EventKind.ParameterChange, EventStarted, remaining, -1);
            return ObisWriteResult.Accepted;
        }

        /// <summary>
        /// Applies the token <paramref name="token"/> (<paramref name="length"/> bytes). Returns the <see cref="TokenResult"/>;
        /// every refusal is logged with its reason. Credit and sequence are committed together.
        /// </summary>
        public int ApplyToken(byte[] token, int length)
        {
            int result = Check(token, length);
            LastTokenResult = result;
            if (result != TokenResult.Applied)
            {
                _events.Log(EventKind.ParameterChange, EventTokenRefused, result, _token.Sequence);
                return result;
            }
            _credit.Add(_token.AmountWh);
            _state.Set(SequenceIndex, _token.Sequence);
            if (RemainingWh > 0) _state.Set(FlagsIndex, _state.Get(FlagsIndex) & ~FlagEmergency); // the emergency credit is repaid
            _state.Commit();
            _events.Log(EventKind.ParameterChange, EventTokenApplied, _token.Sequence, _token.AmountWh);
            return result;
        }

        private int Check(byte[] token, int length)
        {
            if (token == null || length != PrepaymentToken.Length) return TokenResult.BadFormat;
            if (!HasSecret) return TokenResult.NoSecret;
            UnpackSecret();
            int result = _token.Verify(token, length, _settings.MeterNumber, _secret, LastSequence);
            for (int i = 0; i < _secret.Length; i++) _secret[i] = 0;
            if (result != TokenResult.Applied) return result;
            if (!IsActive) return TokenResult.NotActive;
            if (!_credit.CanAdd(_token.AmountWh)) return TokenResult.CreditLimit;
            return TokenResult.Applied;
        }

        /// <summary>The customer's command: use the emergency credit. Only when the credit is low, one is configured and it is not in use yet.</summary>
        public ObisWriteResult EnableEmergencyCredit()
        {
            if (!IsActive || EmergencyCreditWh == 0 || EmergencyCreditInUse || !IsCreditLow) return ObisWriteResult.Rejected;
            _state.Set(FlagsIndex, _state.Get(FlagsIndex) | FlagEmergency);
            _state.Commit();
            _events.Log(EventKind.ParameterChange, EventEmergencyCredit, RemainingWh, EmergencyCreditWh);
            return ObisWriteResult.Accepted;
        }

        /// <summary>Sets the warning threshold (Wh, 0 … <see cref="MaximumThresholdWh"/>).</summary>
        public ObisWriteResult SetWarningThreshold(long wh)
        {
            if (wh < 0 || wh > MaximumThresholdWh) return ObisWriteResult.OutOfRange;
            return Change(ThresholdsIndex, (EmergencyCreditWh << 32) | wh);
        }

        /// <summary>Sets the emergency credit (Wh, 0 … <see cref="MaximumThresholdWh"/>; 0 = none).</summary>
        public ObisWriteResult SetEmergencyCredit(long wh)
        {
            if (wh < 0 || wh > MaximumThresholdWh) return ObisWriteResult.OutOfRange;
            return Change(ThresholdsIndex, (wh << 32) | WarningThresholdWh);
        }

        /// <summary>Sets the friendly hours and days (<see cref="FriendlyTime"/>, 32 bits).</summary>
        public ObisWriteResult SetFriendly(long setting)
        {
            if (setting < 0 || setting > FriendlyTime.AllBits) return ObisWriteResult.OutOfRange;
            return Change(FriendlyIndex, setting);
        }

        /// <summary>Sets the token secret (16 bytes; all zero is refused: it means "no secret"). Never readable.</summary>
        public ObisWriteResult SetSecret(byte[] secret)
        {
            if (secret == null || secret.Length != PrepaymentToken.SecretLength) return ObisWriteResult.InvalidFormat;
            long high = 0, low = 0;
            for (int i = 0; i < 8; i++)
            {
                high = (high << 8) | secret[i];
                low = (low << 8) | secret[8 + i];
            }
            if (high == 0 && low == 0) return ObisWriteResult.OutOfRange;
            _state.Set(SecretIndex, high);
            _state.Set(SecretIndex + 1, low);
            _state.Commit();
            _events.Log(EventKind.ParameterChange, EventSecretSet, 0, 0);
            return ObisWriteResult.Accepted;
        }

        private ObisWriteResult Change(int index, long value)
        {
            long old = _state.Get(index);
            if (old == value) return ObisWriteResult.Accepted;
            _state.Set(index, value);
            _state.Commit();
            _events.Log(EventKind.ParameterChange, EventSettingChanged, old, value);
            return ObisWriteResult.Accepted;
        }

        private void UnpackSecret()
        {
            long high = _state.Get(SecretIndex), low = _state.Get(SecretIndex + 1);
            for (int i = 7; i >= 0; i--)
            {
                _secret[i] = (byte)high;
                _secret[8 + i] = (byte)low;
                high >>= 8;
                low >>= 8;
            }
        }
    }
}
