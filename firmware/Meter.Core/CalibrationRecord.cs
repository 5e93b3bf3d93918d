using Meter.Hal;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The values of the storage's calibration record (Meter.Storage MeterStorage.Calibration: power-fail safe,
    /// CRC-checked, two slots, so a cut at any byte of a save leaves the old or the new complete set): a marker,
    /// then the 18 calibration values of the metering chip (kind 1..6 × phase 1..3, <see cref="CalibrationKind"/>).
    /// The marker means "set by a calibration write": a meter never calibrated over the optical port has no record and
    /// keeps its board/preset calibration. One image in RAM, sized once; no allocation.
    /// </summary>
    public sealed class CalibrationRecord
    {
        /// <summary>Index of the marker ("CAL" + record format 1): a record of another meaning is never applied.</summary>
        public const int Marker = 0;
        /// <summary>Values in the record: the marker and kind 1..6 × phase 1..3.</summary>
        public const int Length = 1 + CalibrationKind.Count * 3;

        private const long MarkerValue = 0x43414C01; // "CAL", format 1

        private readonly WearLevelledRecord _record;
        private readonly long[] _values = new long[Length];

        /// <summary>A record image over <paramref name="record"/> (null: a storage without the record; calibration then lives in RAM only).</summary>
        public CalibrationRecord(WearLevelledRecord record)
        {
            _record = record;
            _values[Marker] = MarkerValue;
        }

        /// <summary>Commits written by <see cref="Save"/>.</summary>
        public int Saves { get; private set; }

        /// <summary>True when the storage holds a record of this meaning (the meter was calibrated over the optical port).</summary>
        public bool HasValues
        {
            get { return _record != null && _record.HasValue && _record[Marker] == MarkerValue; }
        }

        /// <summary>The stored value of <paramref name="kind"/> of phase 1..3 (only when <see cref="HasValues"/>).</summary>
        public long Get(int kind, int phase)
        {
            return _record[Index(kind, phase)];
        }

        /// <summary>
        /// Saves every calibration value of <paramref name="configuration"/> as one record. False when the NV memory
        /// did not take it (a driver error): the memory then still holds the previous record.
        /// </summary>
        public bool Save(MeteringChipConfiguration configuration)
        {
            if (_record == null) return true;
            for (int kind = 1; kind <= CalibrationKind.Count; kind++)
            {
                for (int phase = 1; phase <= 3; phase++) _values[Index(kind, phase)] = configuration.GetCalibration(kind, phase);
            }
            try
            {
                _record.Commit(_values);
            }
            catch (System.Exception)
            {
                // Whatever the NV driver throws (SPI fault, record sequence exhausted): the write is answered as refused.
                return false;
            }
            Saves++;
            return true;
        }

        private static int Index(int kind, int phase)
        {
            return 1 + (kind - 1) * 3 + phase - 1;
        }
    }
}
