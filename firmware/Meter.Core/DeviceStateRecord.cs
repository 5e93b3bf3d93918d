using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The values of the storage's device-state record (Meter.Storage MeterStorage.DeviceState: power-fail safe,
    /// CRC-checked, wear-levelled over 4 slots): the state of the functions around the metering that must survive a
    /// power failure and are not energy registers. The record is shared: each function owns a fixed range of values,
    /// writes them with <see cref="Set"/> and asks for a save with <see cref="Commit"/> (at once, on a state change)
    /// or leaves it to <see cref="SaveIfChanged"/> (the mains-fail save). One image in RAM, sized once; no allocation.
    /// </summary>
    public sealed class DeviceStateRecord
    {
        /// <summary>Index of the marker ("DEV" + record format 1): a record of another meaning is never applied.</summary>
        public const int Marker = 0;
        /// <summary>First of the 7 values of the breaker and disconnect control (class 70) and limiter (class 71).</summary>
        public const int Breaker = 1;
        /// <summary>First of the 8 values of prepayment (credit, token sequence, emergency credit).</summary>
        public const int Prepayment = 8;
        /// <summary>First of the 8 values of the pulse input and the alarm input.</summary>
        public const int Inputs = 16;
        /// <summary>Values in the record.</summary>
        public const int Length = 24;

        private const long MarkerValue = 0x44455601; // "DEV", format 1

        private readonly WearLevelledRecord _record;
        private readonly long[] _values = new long[Length];
        private bool _changed;

        /// <summary>A record image over <paramref name="record"/> (null: a storage without the record; values then live in RAM only).</summary>
        public DeviceStateRecord(WearLevelledRecord record)
        {
            _record = record;
            _values[Marker] = MarkerValue;
        }

        /// <summary>True when a record of this meaning was restored (false: a blank memory or a memory written before it).</summary>
        public bool Restored { get; private set; }

        /// <summary>Commits written by <see cref="Commit"/> and <see cref="SaveIfChanged"/>.</summary>
        public int Saves { get; private set; }

        /// <summary>Boot: takes the stored values when the record holds one of this meaning; otherwise every owned value is 0.</summary>
        public void Restore()
        {
            Restored = false;
            if (_record == null || !_record.HasValue || _record[Marker] != MarkerValue) return;
            _record.CopyTo(_values);
            Restored = true;
        }

        /// <summary>Value at <paramref name="index"/> (0 when never stored).</summary>
        public long Get(int index)
        {
            return _values[index];
        }

        /// <summary>Sets a value in the image (saved by the next <see cref="Commit"/> or <see cref="SaveIfChanged"/>).</summary>
        public void Set(int index, long value)
        {
            if (index == Marker) throw new System.ArgumentOutOfRangeException("index");
            if (_values[index] == value) return;
            _values[index] = value;
            _changed = true;
        }

        /// <summary>Saves the image now (a state change that must not be lost: a breaker switched, a token applied).</summary>
        public void Commit()
        {
            _changed = false;
            if (_record == null) return;
            _record.Commit(_values);
            Saves++;
        }

        /// <summary>Saves the image when a value changed since the last save (the mains-fail save). Returns true when written.</summary>
        public bool SaveIfChanged()
        {
            if (!_changed) return false;
            Commit();
            return true;
        }
    }
}
