using Meter.Hal;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Tamper detection from the board's terminal-cover switch and magnetic-field sensor (Kamstrup
    /// 351C: terminal-cover opening and magnetic field are recorded with date and time and signalled
    /// on the display and to the system; OMNIPOWER "Tamper proof": alarms are time and date stamped
    /// and saved in the permanent memory, the tamper symbol shows them "either temporarily or
    /// permanently"). Sampled at every meter tick with a <see cref="DebounceMilliseconds"/> debounce
    /// (<see cref="DebouncedInput"/>). Each start is a Tamper event (detail <see cref="TamperDetail"/>,
    /// dated at its onset) and counts; each end is an event with <see cref="TamperDetail.Ended"/>.
    /// The counters, the latest start times and the status are kept in the settings record
    /// (<see cref="TamperRecord"/>). LCD: the magnetic symbol while the field is present; the tamper
    /// symbol from a terminal-cover opening until the utility acknowledges it (W1 of
    /// <see cref="TamperObjects.Status"/> = 0), so closing the cover again does not hide it.
    /// An input that is not fitted (null pin) never reports anything. Owner of the tamper objects
    /// (<see cref="TamperObjects"/>): status (W1 of 0 acknowledges), counters with the latest start as capture time.
    /// </summary>
    public sealed class TamperMonitor : ObisValueOwner
    {
        /// <summary>
        /// A level must hold this long to count: a cover switch bounces for milliseconds, and a
        /// knock on the cover or a magnet swept past is not a tamper.
        /// </summary>
        public const long DebounceMilliseconds = 500;

        /// <summary>Status bit: magnetic field present.</summary>
        public const int MagneticPresent = 0x01;
        /// <summary>Status bit: terminal cover open.</summary>
        public const int TerminalCoverOpen = 0x02;
        /// <summary>Status bit: terminal cover opened since the last acknowledgement (latched tamper symbol).</summary>
        public const int TerminalCoverLatched = 0x04;
        /// <summary>Every status bit.</summary>
        public const int StatusMask = MagneticPresent | TerminalCoverOpen | TerminalCoverLatched;

        private readonly IInputPin _magneticSensor;
        private readonly IInputPin _terminalCover;
        private readonly EventRouting _events;
        private readonly SettingsRecordStore _record;
        private readonly ObisLocalTime _localTime;
        private readonly DebouncedInput _magnetic = new DebouncedInput(DebounceMilliseconds, false);
        private readonly DebouncedInput _cover = new DebouncedInput(DebounceMilliseconds, false);
        private readonly long[] _counts = new long[TamperDetail.TerminalCover + 1];
        private readonly long[] _starts = new long[TamperDetail.TerminalCover + 1];
        private int _status;

        /// <summary>
        /// Watches <paramref name="magneticSensor"/> and <paramref name="terminalCover"/> (null: not fitted), logs to
        /// <paramref name="events"/> and keeps its state in the settings <paramref name="record"/>.
        /// </summary>
        public TamperMonitor(IInputPin magneticSensor, IInputPin terminalCover, EventRouting events, SettingsRecordStore record, ObisLocalTime localTime)
        {
            _magneticSensor = magneticSensor;
            _terminalCover = terminalCover;
            _events = events;
            _record = record;
            _localTime = localTime;
        }

        /// <summary>Status bits (<see cref="MagneticPresent"/>, <see cref="TerminalCoverOpen"/>, <see cref="TerminalCoverLatched"/>), 0-0:96.51.0.</summary>
        public int Status { get { return _status; } }

        /// <summary>Starts of tamper <paramref name="detail"/> (<see cref="TamperDetail.Magnetic"/> or <see cref="TamperDetail.TerminalCover"/>) over the meter's life.</summary>
        public long CountOf(int detail)
        {
            CheckDetail(detail);
            return _counts[detail];
        }

        /// <summary>UTC seconds of the latest start of tamper <paramref name="detail"/>; 0 when it never happened.</summary>
        public long LatestStartUtcSeconds(int detail)
        {
            CheckDetail(detail);
            return _starts[detail];
        }

        /// <summary>The LCD status symbols the tamper state lights (<see cref="LcdSymbols.Magnetic"/>, <see cref="LcdSymbols.Tamper"/>).</summary>
        public int LcdSymbolFlags
        {
            get
            {
                int symbols = 0;
                if ((_status & MagneticPresent) != 0) symbols |= LcdSymbols.Magnetic;
                if ((_status & (TerminalCoverOpen | TerminalCoverLatched)) != 0) symbols |= LcdSymbols.Tamper;
                return symbols;
            }
        }

        /// <summary>
        /// Takes the state from a settings record's values (at start). The inputs start from what
        /// was active at the last commit, so a cover left open over a restart is not a new opening,
        /// and one opened while the meter was off is found at the first ticks. False, and nothing
        /// changed, when the values are not a valid tamper state.
        /// </summary>
        public bool Restore(long[] values)
        {
            long status = values[TamperRecord.Status];
            if (status < 0 || (status & ~StatusMask) != 0) return false;
            for (int detail = TamperDetail.Magnetic; detail <= TamperDetail.TerminalCover; detail++)
            {
                if (values[TamperRecord.CountIndex(detail)] < 0 || values[TamperRecord.StartIndex(detail)] < 0) return false;
            }
            for (int detail = TamperDetail.Magnetic; detail <= TamperDetail.TerminalCover; detail++)
            {
                _counts[detail] = values[TamperRecord.CountIndex(detail)];
                _starts[detail] = values[TamperRecord.StartIndex(detail)];
            }
            _status = (int)status;
            _magnetic.Reset((_status & MagneticPresent) != 0);
            _cover.Reset((_status & TerminalCoverOpen) != 0);
            return true;
        }

        /// <summary>Writes the state into a settings record's values (<see cref="TamperRecord"/> indices).</summary>
        public void SaveTo(long[] values)
        {
            values[TamperRecord.Status] = _status;
            for (int detail = TamperDetail.Magnetic; detail <= TamperDetail.TerminalCover; detail++)
            {
                values[TamperRecord.CountIndex(detail)] = _counts[detail];
                values[TamperRecord.StartIndex(detail)] = _starts[detail];
            }
        }

        /// <summary>
        /// Samples the inputs at monotonic <paramref name="nowMs"/> (UTC <paramref name="utcSeconds"/>).
        /// No allocation unless a tamper starts or ends.
        /// </summary>
        public void Sample(long nowMs, long utcSeconds)
        {
            // Active-low Hall switch: low = field present. Cover switch to GND, closed with the cover on: high = removed.
            if (_magneticSensor != null && _magnetic.Sample(!_magneticSensor.Read(), nowMs, utcSeconds))
                OnChange(TamperDetail.Magnetic, _magnetic, MagneticPresent);
            if (_terminalCover != null && _cover.Sample(_terminalCover.Read(), nowMs, utcSeconds))
                OnChange(TamperDetail.TerminalCover, _cover, TerminalCoverOpen);
        }

        /// <summary>
        /// The utility saw the terminal-cover opening (W1 of 0-0:96.51.0 = 0): the latch and with it
        /// the tamper symbol are cleared, unless the cover is still open (then the symbol stays while it is).
        /// </summary>
        public ObisWriteResult Acknowledge()
        {
            if ((_status & TerminalCoverLatched) == 0) return ObisWriteResult.Accepted;
            _status &= ~TerminalCoverLatched;
            _record.Commit();
            return ObisWriteResult.Accepted;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code == TamperObjects.Status) { value = _status; return true; }
            int detail = TamperObjects.DetailOf(code);
            if (detail == 0) return false;
            value = CountOf(detail);
            return true;
        }

        /// <summary>The latest start of the tamper a counter counts (none before the first).</summary>
        public override bool TryReadCaptureTime(ObisCode code, out ObisDateTime value)
        {
            value = new ObisDateTime();
            int detail = TamperObjects.DetailOf(code);
            if (detail == 0 || _starts[detail] <= 0) return false; // never: no time group
            value = _localTime.ToLocal(_starts[detail]);
            return true;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            return code == TamperObjects.Status ? Acknowledge() : ObisWriteResult.Rejected; // the write range admits 0 only
        }

        // The event is written before the record (as the event log writes an event before its
        // counters): a cut between the two keeps the event; the record still holds the old state,
        // so an input that still shows the change at the next start is taken again.
        private void OnChange(int detail, DebouncedInput input, int activeBit)
        {
            long at = input.ChangedAtUtcSeconds;
            if (input.IsOn)
            {
                long before = _counts[detail];
                _events.LogAt(at, EventKind.Tamper, detail, before, before + 1);
                _counts[detail] = before + 1;
                _starts[detail] = at;
                _status |= activeBit;
                if (detail == TamperDetail.TerminalCover) _status |= TerminalCoverLatched;
            }
            else
            {
                _events.LogAt(at, EventKind.Tamper, detail | TamperDetail.Ended, _starts[detail], at);
                _status &= ~activeBit;
            }
            _record.Commit();
        }

        private static void CheckDetail(int detail)
        {
            if (detail != TamperDetail.Magnetic && detail != TamperDetail.TerminalCover)
                throw new System.ArgumentOutOfRangeException("detail", "tamper detail must be 1 (magnetic) or 2 (terminal cover)");
        }
    }
}
