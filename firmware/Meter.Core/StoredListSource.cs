using Meter.Clock;
using Meter.Dlms;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// What the meter's stored lists share as <see cref="IProfileSource"/>s of their profile generics: the capture
    /// objects (column 0 the clock 0-0:1.0.0.255 time, then the list's values) and the entries' time stamps in UTC,
    /// shown in the local time of the <see cref="LocalTimeRule"/> as the optical port shows them.
    /// </summary>
    public abstract class StoredListSource : IProfileSource
    {
        private static readonly ObisCode ClockCode = new ObisCode(0, 0, 1, 0, 0, 255);

        private readonly LocalTimeRule _rule;
        private readonly int[] _classes;
        private readonly ObisCode[] _codes;
        private readonly int[] _attributes;

        /// <summary>A list of <paramref name="valueColumns"/> values after the time stamp.</summary>
        protected StoredListSource(LocalTimeRule rule, int valueColumns)
        {
            if (rule == null) throw new System.ArgumentNullException(nameof(rule));
            _rule = rule;
            _classes = new int[valueColumns + 1];
            _codes = new ObisCode[valueColumns + 1];
            _attributes = new int[valueColumns + 1];
            Column(0, (int)ObisInterfaceClass.Clock, ClockCode, 2);
        }

        /// <summary>Declares the capture object of <paramref name="column"/> (1 … value columns).</summary>
        protected void Column(int column, int classId, ObisCode code, int attribute)
        {
            _classes[column] = classId;
            _codes[column] = code;
            _attributes[column] = attribute;
        }

        /// <summary>UTC seconds of the current entry (set by <see cref="Next"/>).</summary>
        protected long EntryUtc { get; set; }

        /// <inheritdoc />
        public int ColumnCount => _classes.Length;

        /// <inheritdoc />
        public int CaptureClassId(int column) => _classes[column];

        /// <inheritdoc />
        public void CopyCaptureName(int column, byte[] destination, int offset)
            => ObisTableCosemObjects.CopyCode(_codes[column], destination, offset);

        /// <inheritdoc />
        public int CaptureAttribute(int column) => _attributes[column];

        /// <inheritdoc />
        public abstract long CapturePeriodSeconds { get; }

        /// <inheritdoc />
        public abstract long ProfileEntries { get; }

        /// <inheritdoc />
        public abstract void Rewind();

        /// <inheritdoc />
        public abstract bool Next();

        /// <inheritdoc />
        public long EntryLocalSeconds => _rule.ToLocal(EntryUtc).LocalSeconds;

        /// <inheritdoc />
        public long EntryUtcSeconds => EntryUtc;

        /// <inheritdoc />
        public void WriteColumn(int column, AxdrWriter value)
        {
            if (column == 0) CosemDateTime.Write(value, _rule.ToLocal(EntryUtc));
            else WriteValue(column, value);
        }

        /// <summary>Writes the current entry's value of a value column (1 …).</summary>
        protected abstract void WriteValue(int column, AxdrWriter value);
    }
}
