using Meter.Clock;
using Meter.Hal;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The module's pulse input (I/O 1) and alarm input (I/O 2), on the tariff-input pins as the seeds' DD code
    /// assigns them (<see cref="ModuleInputCode"/>): the code of the tariff control when the tariff inputs are in
    /// control (1DD, DD 07..14), else the inputs' own code (<see cref="ModuleInputObjects.InputCode"/>). Sampled at
    /// every meter tick. Pulse count, settings and alarm state live in the device-state record's Inputs range
    /// (<see cref="DeviceStateRecord.Inputs"/>): the count and the level are saved together at the mains-fail save
    /// and every <see cref="SaveStepPulses"/> pulses, so a cut without that save loses at most
    /// <see cref="SaveStepPulses"/> pulses and none is ever counted twice (the level restored with the count says
    /// whether a pulse seen at start was counted). Each alarm start and end is a Tamper event (detail
    /// <see cref="TamperDetail.AlarmInput"/>, + <see cref="TamperDetail.Ended"/>), dated at its onset.
    /// Allocation-free per tick.
    /// </summary>
    public sealed class ModuleInputs : ObisValueOwner
    {
        /// <summary>Pulses counted (exact, over the meter's life).</summary>
        public const int PulseCountIndex = DeviceStateRecord.Inputs + 0;
        /// <summary>The pulse input's accepted level at the count (1 active), saved with it.</summary>
        public const int PulseLevelIndex = DeviceStateRecord.Inputs + 1;
        /// <summary>Pulses per unit (0 = never set: 1).</summary>
        public const int PulseConstantIndex = DeviceStateRecord.Inputs + 2;
        /// <summary>The unit code NN (<see cref="PulseInputUnit"/>).</summary>
        public const int PulseUnitIndex = DeviceStateRecord.Inputs + 3;
        /// <summary>The inputs' own DD code (<see cref="ModuleInputCode.IsInputsSetting"/>).</summary>
        public const int InputCodeIndex = DeviceStateRecord.Inputs + 4;
        /// <summary>Alarm mode (<see cref="AlarmOff"/>, <see cref="AlarmOn"/>, <see cref="AlarmDisconnects"/>).</summary>
        public const int AlarmModeIndex = DeviceStateRecord.Inputs + 5;
        /// <summary>Alarm activations × 2 + 1 while active.</summary>
        public const int AlarmStateIndex = DeviceStateRecord.Inputs + 6;
        /// <summary>UTC seconds of the latest alarm start.</summary>
        public const int AlarmStartIndex = DeviceStateRecord.Inputs + 7;

        /// <summary>Pulses between two saves of the count besides the mains-fail save (the most a cut without it loses).</summary>
        public const int SaveStepPulses = 10;
        /// <summary>Alarm level debounce: a contact's bounce and a glitch on the line are no alarm.</summary>
        public const long AlarmDebounceMilliseconds = 100;
        /// <summary>Highest pulse constant, pulses per unit.</summary>
        public const long MaximumPulseConstant = 1000000;
        /// <summary>Alarm mode 0: the input is not watched (seeds' I / Z8 "no alarm", codes 1 and 3).</summary>
        public const int AlarmOff = 0;
        /// <summary>Alarm mode 1: event, status bit, LCD status screen (I / Z8 codes 2 and 4).</summary>
        public const int AlarmOn = 1;
        /// <summary>Alarm mode 2: as 1 and <see cref="RequestsDisconnect"/> while active.</summary>
        public const int AlarmDisconnects = 2;
        /// <summary>ParameterChange detail of a setting: this + its offset in the Inputs range (162..165).</summary>
        public const int EventDetailBase = 160;

        private readonly IInputPin _io1;
        private readonly IInputPin _io2;
        private readonly TariffController _tariffs;
        private readonly DeviceStateRecord _state;
        private readonly EventRouting _events;
        private readonly PulseInput _pulse = new PulseInput();
        private readonly DebouncedInput _alarm = new DebouncedInput(AlarmDebounceMilliseconds, false);
        private int _code = -1;
        private bool _alarmWatched;
        private bool _rolesStale;
        private long _utcSeconds;
        private long _savedCount;

        /// <summary>The inputs on pins <paramref name="io1"/>, <paramref name="io2"/> (null: not fitted; active low = energised).</summary>
        public ModuleInputs(IInputPin io1, IInputPin io2, TariffController tariffs, DeviceStateRecord state, EventRouting events)
        {
            _io1 = io1;
            _io2 = io2;
            _tariffs = tariffs;
            _state = state;
            _events = events;
        }

        /// <summary>The DD code in force: the tariff control's under module-input control, else the inputs' own.</summary>
        public int Code
        {
            get { return _tariffs.Mode == TariffControlMode.ModuleInputs ? _tariffs.Inputs.Code : (int)_state.Get(InputCodeIndex); }
        }

        /// <summary>True when the pulse input is fitted (I/O 1 present) and counting (the DD code in force has a pulse input).</summary>
        public bool PulseInputCounting { get { return _io1 != null && ModuleInputCode.HasPulseInput(Code); } }

        /// <summary>Pulses counted.</summary>
        public long PulseCount { get { return _pulse.Count; } }

        /// <summary>Pulses per unit (1 until set).</summary>
        public long PulseConstant
        {
            get { long c = _state.Get(PulseConstantIndex); return c <= 0 ? 1 : c; }
        }

        /// <summary>The unit code NN (<see cref="PulseInputUnit"/>).</summary>
        public int PulseUnit { get { return (int)_state.Get(PulseUnitIndex); } }

        /// <summary>The register 0-1:24.2.1: thousandths of the unit, rounded down (kWh: Wh), from the exact count.</summary>
        public long RegisterValue { get { return _pulse.Count * 1000 / PulseConstant; } }

        /// <summary>Alarm mode (<see cref="AlarmOff"/>, <see cref="AlarmOn"/>, <see cref="AlarmDisconnects"/>).</summary>
        public int AlarmMode { get { return (int)_state.Get(AlarmModeIndex); } }

        /// <summary>True while the alarm input is active and watched.</summary>
        public bool AlarmActive { get { return (_state.Get(AlarmStateIndex) & 1) != 0; } }

        /// <summary>Alarm activations over the meter's life.</summary>
        public long AlarmCount { get { return _state.Get(AlarmStateIndex) >> 1; } }

        /// <summary>The alarm asks for a disconnection: active, with the disconnect mode set (the merge wires it into DisconnectControl).</summary>
        public bool RequestsDisconnect { get { return AlarmActive && AlarmMode == AlarmDisconnects; } }

        /// <summary>Start, after the device-state record was restored: the count, the levels and the alarm as saved.</summary>
        public void Restore()
        {
            _pulse.Restore(_state.Get(PulseCountIndex), _state.Get(PulseLevelIndex) == 1);
            _savedCount = _pulse.Count;
            _alarm.Reset(AlarmActive);
            _code = Code;
            _alarmWatched = ModuleInputCode.HasAlarmInput(_code) && AlarmMode != AlarmOff;
        }

        /// <summary>Samples the inputs at monotonic <paramref name="nowMs"/> (UTC <paramref name="utcSeconds"/>).</summary>
        public void Sample(long nowMs, long utcSeconds)
        {
            _utcSeconds = utcSeconds;
            int code = Code;
            if (code != _code || _rolesStale) TakeRoles(code);
            if (_io1 != null && ModuleInputCode.HasPulseInput(code))
            {
                bool active = !_io1.Read() != ModuleInputCode.PulseInverted(code);
                if (_pulse.Sample(active, nowMs)) OnPulseLevel();
            }
            if (_io2 != null && _alarmWatched)
            {
                bool active = !_io2.Read() != ModuleInputCode.AlarmInverted(code);
                if (_alarm.Sample(active, nowMs, utcSeconds)) OnAlarmChange(_alarm.IsOn, _alarm.ChangedAtUtcSeconds);
            }
        }

        /// <summary>Sets the pulse constant (pulses per unit, 1..<see cref="MaximumPulseConstant"/>); the count stays.</summary>
        public ObisWriteResult WritePulseConstant(long value)
        {
            if (value < 1 || value > MaximumPulseConstant) return ObisWriteResult.OutOfRange;
            return Store(PulseConstantIndex, PulseConstant, value);
        }

        /// <summary>Sets the unit code NN (0..3).</summary>
        public ObisWriteResult WritePulseUnit(long value)
        {
            if (!PulseInputUnit.IsValid(value)) return ObisWriteResult.OutOfRange;
            return Store(PulseUnitIndex, PulseUnit, value);
        }

        /// <summary>Sets the inputs' own DD code (00, 03, 04, 05, 18..21; 07..14 are tariff control 1DD).</summary>
        public ObisWriteResult WriteInputCode(long value)
        {
            if (!ModuleInputCode.IsInputsSetting(value)) return ObisWriteResult.OutOfRange;
            ObisWriteResult result = Store(InputCodeIndex, _state.Get(InputCodeIndex), value);
            TakeRoles(Code); // now, at the pins' present levels: a pulse starting before the next tick counts
            return result;
        }

        /// <summary>Sets the alarm mode (0..2); the next tick watches the input or ends a running alarm.</summary>
        public ObisWriteResult WriteAlarmMode(long value)
        {
            if (value < AlarmOff || value > AlarmDisconnects) return ObisWriteResult.OutOfRange;
            ObisWriteResult result = Store(AlarmModeIndex, AlarmMode, value);
            _rolesStale = true; // the alarm's role is taken anew at the next sample
            return result;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code == ModuleInputObjects.PulseRegister) value = RegisterValue;
            else if (code == ModuleInputObjects.PulseConstant) value = PulseConstant;
            else if (code == ModuleInputObjects.PulseUnit) value = PulseUnit;
            else if (code == ModuleInputObjects.InputCode) value = _state.Get(InputCodeIndex);
            else if (code == ModuleInputObjects.AlarmMode) value = AlarmMode;
            else if (code == ModuleInputObjects.AlarmCounter) value = AlarmCount;
            else return false;
            return true;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            if (code == ModuleInputObjects.PulseConstant) return WritePulseConstant(value);
            if (code == ModuleInputObjects.PulseUnit) return WritePulseUnit(value);
            if (code == ModuleInputObjects.InputCode) return WriteInputCode(value);
            if (code == ModuleInputObjects.AlarmMode) return WriteAlarmMode(value);
            return ObisWriteResult.Rejected;
        }

        // A pin that takes the pulse role starts at its present level (no count for the switch itself); an alarm
        // that stops being watched ends, one that starts being watched starts inactive (a present alarm is seen).
        private void TakeRoles(int code)
        {
            bool wasPulse = ModuleInputCode.HasPulseInput(_code);
            _code = code;
            _rolesStale = false;
            if (_io1 != null && ModuleInputCode.HasPulseInput(code) && !wasPulse)
                _pulse.Restore(_pulse.Count, !_io1.Read() != ModuleInputCode.PulseInverted(code));
            bool watched = ModuleInputCode.HasAlarmInput(code) && AlarmMode != AlarmOff;
            if (watched == _alarmWatched) return;
            _alarmWatched = watched;
            if (!watched && AlarmActive) OnAlarmChange(false, _utcSeconds);
            _alarm.Reset(false);
        }

        private void OnPulseLevel()
        {
            _state.Set(PulseLevelIndex, _pulse.IsActive ? 1 : 0);
            _state.Set(PulseCountIndex, _pulse.Count);
            if (_pulse.Count - _savedCount < SaveStepPulses) return;
            _state.Commit();
            _savedCount = _pulse.Count;
        }

        // The event first, then the record (as TamperMonitor): a cut between them keeps the event and the old state.
        private void OnAlarmChange(bool active, long at)
        {
            long count = AlarmCount;
            if (active)
            {
                _events.LogAt(at, EventKind.Tamper, TamperDetail.AlarmInput, count, count + 1);
                _state.Set(AlarmStateIndex, (count + 1) * 2 + 1);
                _state.Set(AlarmStartIndex, at);
            }
            else
            {
                _events.LogAt(at, EventKind.Tamper, TamperDetail.AlarmInput | TamperDetail.Ended, _state.Get(AlarmStartIndex), at);
                _state.Set(AlarmStateIndex, count * 2);
            }
            _state.Commit();
        }

        private ObisWriteResult Store(int index, long old, long value)
        {
            if (old == value) return ObisWriteResult.Accepted;
            _events.Log(EventKind.ParameterChange, EventDetailBase + index - DeviceStateRecord.Inputs, old, value);
            _state.Set(index, value);
            _state.Commit();
            return ObisWriteResult.Accepted;
        }
    }
}
