namespace Meter.Obis
{
    /// <summary>
    /// A fixed-capacity value store implementing both <see cref="IObisValueSource"/> and
    /// <see cref="IObisValueTarget"/>: for parameters held in RAM, for tests, the benchmark
    /// and the simulator until the owning areas provide their values. One slot per OBIS code
    /// (billing values are separate codes with F set).
    /// </summary>
    public sealed class ObisMemoryStore : IObisValueSource, IObisValueTarget
    {
        private readonly ObisCode[] _codes;
        private readonly long[] _integers;
        private readonly string[] _texts;
        private readonly ObisDateTime[] _times;
        private readonly ObisDateTime[] _captures;
        private readonly byte[] _kinds; // bit 0 integer, 1 text, 2 date-time, 3 capture time
        private int _count;

        /// <summary>A store with room for <paramref name="capacity"/> codes.</summary>
        public ObisMemoryStore(int capacity)
        {
            if (capacity <= 0) throw new System.ArgumentException("capacity must be positive");
            _codes = new ObisCode[capacity];
            _integers = new long[capacity];
            _texts = new string[capacity];
            _times = new ObisDateTime[capacity];
            _captures = new ObisDateTime[capacity];
            _kinds = new byte[capacity];
        }

        /// <summary>Number of successful writes through <see cref="IObisValueTarget"/> (not the Set methods).</summary>
        public int WriteCount { get; private set; }

        /// <summary>Sets an integer value.</summary>
        public void SetInteger(ObisCode code, long value)
        {
            int i = Slot(code);
            _integers[i] = value;
            _kinds[i] |= 1;
        }

        /// <summary>Sets a text value.</summary>
        public void SetText(ObisCode code, string value)
        {
            int i = Slot(code);
            _texts[i] = value;
            _kinds[i] |= 2;
        }

        /// <summary>Sets a date-time value.</summary>
        public void SetDateTime(ObisCode code, ObisDateTime value)
        {
            int i = Slot(code);
            _times[i] = value;
            _kinds[i] |= 4;
        }

        /// <summary>Sets the capture time of a register.</summary>
        public void SetCaptureTime(ObisCode code, ObisDateTime value)
        {
            int i = Slot(code);
            _captures[i] = value;
            _kinds[i] |= 8;
        }

        /// <inheritdoc />
        public bool TryReadInteger(ObisCode code, out long value)
        {
            int i = IndexOf(code);
            value = i >= 0 ? _integers[i] : 0;
            return i >= 0 && (_kinds[i] & 1) != 0;
        }

        /// <inheritdoc />
        public bool TryReadText(ObisCode code, out string value)
        {
            int i = IndexOf(code);
            value = i >= 0 ? _texts[i] : null;
            return i >= 0 && (_kinds[i] & 2) != 0;
        }

        /// <inheritdoc />
        public bool TryReadDateTime(ObisCode code, out ObisDateTime value)
        {
            int i = IndexOf(code);
            value = i >= 0 ? _times[i] : new ObisDateTime();
            return i >= 0 && (_kinds[i] & 4) != 0;
        }

        /// <inheritdoc />
        public bool TryReadCaptureTime(ObisCode code, out ObisDateTime value)
        {
            int i = IndexOf(code);
            value = i >= 0 ? _captures[i] : new ObisDateTime();
            return i >= 0 && (_kinds[i] & 8) != 0;
        }

        /// <inheritdoc />
        public ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            if (IndexOf(code) < 0 && _count == _codes.Length) return ObisWriteResult.Rejected;
            SetInteger(code, value);
            WriteCount++;
            return ObisWriteResult.Accepted;
        }

        /// <inheritdoc />
        public ObisWriteResult WriteText(ObisCode code, string value)
        {
            if (IndexOf(code) < 0 && _count == _codes.Length) return ObisWriteResult.Rejected;
            SetText(code, value);
            WriteCount++;
            return ObisWriteResult.Accepted;
        }

        /// <inheritdoc />
        public ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value)
        {
            if (IndexOf(code) < 0 && _count == _codes.Length) return ObisWriteResult.Rejected;
            SetDateTime(code, value);
            WriteCount++;
            return ObisWriteResult.Accepted;
        }

        private int IndexOf(ObisCode code)
        {
            for (int i = 0; i < _count; i++)
                if (_codes[i] == code) return i;
            return -1;
        }

        private int Slot(ObisCode code)
        {
            int i = IndexOf(code);
            if (i >= 0) return i;
            if (_count == _codes.Length) throw new System.InvalidOperationException("value store full");
            _codes[_count] = code;
            return _count++;
        }
    }
}
