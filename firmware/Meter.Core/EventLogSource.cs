using Meter.Clock;
using Meter.Dlms;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The storage event log (the optical port's P.98) as the entries of profile generic 0-0:99.98.0.255, oldest
    /// first, with the columns P.98 has: time, kind (event code 0-0:96.11.0.255, long-unsigned
    /// <see cref="EventKind"/>), detail (unsigned), old and new value (long64); detail, old and new are
    /// manufacturer-specific Data objects 0-0:96.11.128/129/130.255 (IEC 62056-6-1: E 128…254 manufacturer specific).
    /// </summary>
    public sealed class EventLogSource : StoredListSource
    {
        private readonly MeterStorage _storage;
        private readonly EventRecord _record = new EventRecord();
        private long _totalAtRewind;
        private int _nextAge; // age of the next entry when the log held _totalAtRewind events

        /// <summary>The event log of <paramref name="storage"/>.</summary>
        public EventLogSource(MeterStorage storage, LocalTimeRule rule) : base(rule, 4)
        {
            _storage = storage;
            int data = (int)ObisInterfaceClass.Data;
            Column(1, data, new ObisCode(0, 0, 96, 11, 0, 255), 2);
            Column(2, data, new ObisCode(0, 0, 96, 11, 128, 255), 2);
            Column(3, data, new ObisCode(0, 0, 96, 11, 129, 255), 2);
            Column(4, data, new ObisCode(0, 0, 96, 11, 130, 255), 2);
        }

        /// <summary>Events are captured when they happen, not periodically.</summary>
        public override long CapturePeriodSeconds => 0;

        /// <inheritdoc />
        public override long ProfileEntries => _storage.Events.Capacity;

        /// <inheritdoc />
        public override void Rewind()
        {
            _totalAtRewind = _storage.Events.TotalLogged;
            _nextAge = _storage.Events.Count - 1;
        }

        /// <summary>The next older-to-newer event; events logged since <see cref="Rewind"/> shift the ages, which is
        /// allowed for. Unreadable (torn) records are skipped.</summary>
        public override bool Next()
        {
            EventLog log = _storage.Events;
            while (_nextAge >= 0)
            {
                int age = _nextAge + (int)(log.TotalLogged - _totalAtRewind);
                _nextAge--;
                if (log.TryRead(age, _record))
                {
                    EntryUtc = UnixTime.ToSeconds(_record.Time);
                    return true;
                }
            }
            return false;
        }

        /// <inheritdoc />
        protected override void WriteValue(int column, AxdrWriter value)
        {
            if (column == 1) value.WriteLongUnsigned((ushort)_record.Kind);
            else if (column == 2) value.WriteUnsigned((byte)_record.Detail);
            else value.WriteLong64(column == 3 ? _record.OldValue : _record.NewValue);
        }
    }
}
