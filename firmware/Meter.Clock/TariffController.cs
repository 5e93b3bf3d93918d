using System;

namespace Meter.Clock
{
    /// <summary>
    /// Chooses the active tariff (index 0..7 = T1..T8) for the per-tariff registers and the
    /// display's tariff indicator: disabled (always T1), from the module's tariff inputs, by
    /// register command, or from a timetable on local time. Time is always passed in.
    /// </summary>
    public sealed class TariffController
    {
        private readonly LocalTimeRule _rule;
        private TariffControlMode _mode = TariffControlMode.Disabled;
        private TariffTimetable _timetable;
        private TariffInputDecoder _inputs;
        private bool _io1Active;
        private bool _io2Active;
        private int _commandedTariff;
        private int _activeTariff;
        private int _revision;

        /// <summary>Creates a controller (initially disabled: T1) evaluating timetables on <paramref name="rule"/>'s local time.</summary>
        public TariffController(LocalTimeRule rule)
        {
            if (rule == null)
            {
                throw new ArgumentNullException("rule");
            }

            _rule = rule;
        }

        /// <summary>The control mode.</summary>
        public TariffControlMode Mode => _mode;

        /// <summary>The tariff found by the last <see cref="Evaluate"/> (0 = T1).</summary>
        public int ActiveTariff => _activeTariff;

        /// <summary>
        /// Counts the changes that can move the tariff outside the timetable's own switching
        /// points: a new control mode or timetable, new input levels, a tariff command. A caller
        /// caching the tariff until <see cref="NextPossibleChange"/> re-evaluates when it differs.
        /// </summary>
        public int Revision => _revision;

        /// <summary>The timetable in use, or <c>null</c>.</summary>
        public TariffTimetable Timetable => _timetable;

        /// <summary>The input decoder in use, or <c>null</c>.</summary>
        public TariffInputDecoder Inputs => _inputs;

        /// <summary>No tariff control: everything in T1.</summary>
        public void Disable()
        {
            _mode = TariffControlMode.Disabled;
            _activeTariff = 0;
            _revision++;
        }

        /// <summary>Control by <paramref name="timetable"/>.</summary>
        public void UseTimetable(TariffTimetable timetable)
        {
            ReplaceTimetable(timetable);
            _mode = TariffControlMode.Timetable;
        }

        /// <summary>
        /// Replaces the timetable and keeps the control mode (a timetable rebuilt from new settings
        /// while the inputs or commands choose the tariff; it is in force when timetable control returns).
        /// </summary>
        public void ReplaceTimetable(TariffTimetable timetable)
        {
            if (timetable == null)
            {
                throw new ArgumentNullException("timetable");
            }

            if (timetable.SeasonCount == 0)
            {
                throw new ArgumentException("tariff timetable has no season");
            }

            _timetable = timetable;
            _revision++;
        }

        /// <summary>Control by the module inputs configured by DD code <paramref name="ddCode"/>.</summary>
        public void UseInputs(int ddCode)
        {
            _inputs = new TariffInputDecoder(ddCode); // throws for codes without tariff inputs
            _mode = TariffControlMode.ModuleInputs;
            _revision++;
        }

        /// <summary>Control by command, starting in <paramref name="initialTariff"/>.</summary>
        public void UseRegisterControl(int initialTariff)
        {
            Tariffs.CheckIndex(initialTariff);
            _commandedTariff = initialTariff;
            _mode = TariffControlMode.Register;
            _revision++;
        }

        /// <summary>Records the tariff input levels (<c>true</c> = energized), e.g. from the pins' change events.</summary>
        public void SetInputs(bool io1Active, bool io2Active)
        {
            if (io1Active == _io1Active && io2Active == _io2Active)
            {
                return; // unchanged levels (e.g. polled every cycle) are not a change
            }

            _revision++;
            _io1Active = io1Active;
            _io2Active = io2Active;
        }

        /// <summary>Register control: the command selects <paramref name="tariffIndex"/> (0..7).</summary>
        public void CommandTariff(int tariffIndex)
        {
            if (_mode != TariffControlMode.Register)
            {
                throw new InvalidOperationException("tariff commands need register control (Z13 = 002)");
            }

            Tariffs.CheckIndex(tariffIndex);
            _commandedTariff = tariffIndex;
            _revision++;
        }

        /// <summary>Finds the tariff in force at <paramref name="utcSeconds"/>, stores it in <see cref="ActiveTariff"/> and returns it.</summary>
        public int Evaluate(long utcSeconds)
        {
            switch (_mode)
            {
                case TariffControlMode.Timetable:
                    _activeTariff = _timetable.TariffAt(_rule.ToLocal(utcSeconds));
                    break;
                case TariffControlMode.ModuleInputs:
                    _activeTariff = _inputs.Decode(_io1Active, _io2Active);
                    break;
                case TariffControlMode.Register:
                    _activeTariff = _commandedTariff;
                    break;
                default:
                    _activeTariff = 0;
                    break;
            }

            return _activeTariff;
        }

        /// <summary>
        /// Timetable control: the earliest UTC instant after <paramref name="utcSeconds"/> at which
        /// the tariff may change (next switching point, local midnight or summer-time change), so
        /// the metering loop can split its energy exactly there. Other modes change only on
        /// events and return <see cref="long.MaxValue"/>.
        /// </summary>
        public long NextPossibleChange(long utcSeconds)
        {
            if (_mode != TariffControlMode.Timetable)
            {
                return long.MaxValue;
            }

            LocalDateTime local = _rule.ToLocal(utcSeconds);
            int next = _timetable.ProfileOf(local).NextSwitchAfter(local.SecondOfDay);
            long candidate = utcSeconds + (next - local.SecondOfDay);
            long offsetChange = _rule.NextOffsetChangeAfter(utcSeconds);
            return offsetChange < candidate ? offsetChange : candidate;
        }
    }
}
