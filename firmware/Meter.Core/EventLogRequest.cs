using Meter.Clock;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The logbook request R1 "P.98(from;to)" (VDEW / DIN 43863-3 logbook readout, the
    /// counterpart of the load profile's P.01), answered with the storage event log by the
    /// <see cref="RangeRequestLink"/> in front of the optical server (logged-in sessions only).
    /// </summary>
    /// <remarks>
    /// Answer (IEC 62056-21:2002 §6.3.9 data message): STX, one header data set
    /// <c>P.98(Zyymmddhhmmss)(ss)()(5)(time)()(kind)()(detail)()(old)()(new)()</c> CR LF, then
    /// one line <c>(Zyymmddhhmmss)(kind)(detail)(old)(new)</c> CR LF per event, oldest first; ETX, BCC.
    /// <list type="bullet">
    /// <item>Z = season (0 winter, 1 summer), yymmddhhmmss = the meter's local time of the event
    /// (logbook entries are stamped to the second; P.01 stamps to the minute). The header's
    /// stamp is the first answered event's, or the meter's time now when none is answered.</item>
    /// <item>ss = status flags in hex: 01 = older events of the range left out (more than
    /// <see cref="MaximumEvents"/>), 02 = unreadable (torn) records of the log skipped.</item>
    /// <item>() = no period: logbook entries are not periodic. (5) = five columns, named with
    /// empty units as P.01 names its channels.</item>
    /// <item>kind = <see cref="EventKind"/> number, detail = the kind's detail byte 0-255 (phase,
    /// tamper source + 128 = ended, parameter index, …), old / new = the kind's values (e.g. UTC
    /// seconds before and after a clock setting; a packed OBIS C·65536 + D·256 + E for a
    /// parameter write): signed decimal integers, no leading zeros.</item>
    /// </list>
    /// Example, a terminal cover opened at 00:00:05 and closed at 00:00:08 local in winter:
    /// <c>P.98(0250115000005)(00)()(5)(time)()(kind)()(detail)()(old)()(new)()</c>,
    /// <c>(0250115000005)(7)(2)(0)(1)</c> (opening number 1), <c>(0250115000008)(7)(130)(1736895605)(1736895608)</c> (2 + 128 = ended; UTC seconds of start and end).
    /// </remarks>
    public sealed class EventLogRequest : IRangeRequest
    {
        /// <summary>Most events answered per request (the default log holds 250); the oldest of the range are left out beyond.</summary>
        public const int MaximumEvents = 250;

        /// <summary>Header status flag: older events of the range were left out (more than <see cref="MaximumEvents"/>).</summary>
        public const int StatusTruncated = 0x01;

        /// <summary>Header status flag: records of the log that could not be read (torn, invalid) were skipped.</summary>
        public const int StatusUnreadableSkipped = 0x02;

        private static readonly byte[] Address = new byte[] { (byte)'P', (byte)'.', (byte)'9', (byte)'8', (byte)'(' };

        private static readonly byte[] Columns = new byte[]
        {
            (byte)'(', (byte)'5', (byte)')',
            (byte)'(', (byte)'t', (byte)'i', (byte)'m', (byte)'e', (byte)')', (byte)'(', (byte)')',
            (byte)'(', (byte)'k', (byte)'i', (byte)'n', (byte)'d', (byte)')', (byte)'(', (byte)')',
            (byte)'(', (byte)'d', (byte)'e', (byte)'t', (byte)'a', (byte)'i', (byte)'l', (byte)')', (byte)'(', (byte)')',
            (byte)'(', (byte)'o', (byte)'l', (byte)'d', (byte)')', (byte)'(', (byte)')',
            (byte)'(', (byte)'n', (byte)'e', (byte)'w', (byte)')', (byte)'(', (byte)')',
        };

        private readonly MeterStorage _storage;
        private readonly LocalTimeRule _rule;
        private readonly MeterTime _time;
        private readonly int _maximumEvents;
        private readonly EventRecord _record = new EventRecord();

        /// <summary>The event log of <paramref name="storage"/> in the local time of <paramref name="rule"/>, at most <see cref="MaximumEvents"/> an answer.</summary>
        public EventLogRequest(MeterStorage storage, LocalTimeRule rule, MeterTime time) : this(storage, rule, time, MaximumEvents)
        {
        }

        /// <summary>The event log of <paramref name="storage"/>, at most <paramref name="maximumEvents"/> (≥ 1) an answer (a larger log layout, tests).</summary>
        public EventLogRequest(MeterStorage storage, LocalTimeRule rule, MeterTime time, int maximumEvents)
        {
            if (storage == null) throw new System.ArgumentNullException("storage");
            if (maximumEvents < 1) throw new System.ArgumentException("an answer holds at least one event");
            _storage = storage;
            _rule = rule;
            _time = time;
            _maximumEvents = maximumEvents;
        }

        /// <summary>Logbook requests answered.</summary>
        public int Requests { get; private set; }

        /// <inheritdoc />
        public int Number { get { return 98; } }

        /// <inheritdoc />
        public void Answer(long fromLocalSecond, long toLocalSecond, RangeAnswer answer)
        {
            Requests++;
            EventLog log = _storage.Events;
            // Pass 1: how many events match, so that the newest _maximumEvents are the ones answered.
            int matching = 0;
            int unreadable = 0;
            for (int age = log.Count - 1; age >= 0; age--)
            {
                if (!log.TryRead(age, _record)) { unreadable++; continue; }
                long local = LocalSeconds(_record);
                if (local >= fromLocalSecond && local <= toLocalSecond) matching++;
            }
            int skip = matching > _maximumEvents ? matching - _maximumEvents : 0;
            int status = (skip > 0 ? StatusTruncated : 0) | (unreadable > 0 ? StatusUnreadableSkipped : 0);

            // Pass 2: oldest → newest (age Count-1 … 0); a record that cannot be read is skipped as EventLog.TryRead reports it.
            bool headed = false;
            for (int age = log.Count - 1; age >= 0; age--)
            {
                if (!log.TryRead(age, _record)) continue;
                LocalDateTime local = _rule.ToLocal(UnixTime.ToSeconds(_record.Time));
                if (local.LocalSeconds < fromLocalSecond || local.LocalSeconds > toLocalSecond) continue;
                if (skip > 0) { skip--; continue; }
                if (!headed) { Header(answer, local, status); headed = true; }
                answer.Byte((byte)'(');
                answer.Stamp(local.LocalSeconds, local.IsSummerTime, true);
                answer.Byte((byte)')');
                Group(answer, _record.Kind);
                Group(answer, _record.Detail);
                Group(answer, _record.OldValue);
                Group(answer, _record.NewValue);
                answer.EndLine();
            }
            if (!headed) Header(answer, _rule.ToLocal(_time.UtcSeconds), status);
        }

        private long LocalSeconds(EventRecord record)
        {
            return _rule.ToLocal(UnixTime.ToSeconds(record.Time)).LocalSeconds;
        }

        private static void Header(RangeAnswer answer, LocalDateTime stamp, int status)
        {
            answer.Bytes(Address);
            answer.Stamp(stamp.LocalSeconds, stamp.IsSummerTime, true);
            answer.Byte((byte)')');
            answer.Byte((byte)'(');
            answer.Hex(status);
            answer.Byte((byte)')');
            answer.Byte((byte)'(');
            answer.Byte((byte)')');
            answer.Bytes(Columns);
            answer.EndLine();
        }

        private static void Group(RangeAnswer answer, long value)
        {
            answer.Byte((byte)'(');
            answer.Decimal(value);
            answer.Byte((byte)')');
        }
    }
}
