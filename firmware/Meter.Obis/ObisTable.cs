namespace Meter.Obis
{
    /// <summary>
    /// The meter's register table: every object the display, the optical readout, programming
    /// and the loggers can reach, looked up by OBIS code. Fixed capacity, filled at start-up.
    /// </summary>
    public sealed class ObisTable
    {
        private readonly ObisObject[] _objects;
        private int _count;

        /// <summary>A table for up to <paramref name="capacity"/> objects.</summary>
        public ObisTable(int capacity)
        {
            if (capacity <= 0) throw new System.ArgumentException("capacity must be positive");
            _objects = new ObisObject[capacity];
        }

        /// <summary>Number of objects in the table.</summary>
        public int Count => _count;

        /// <summary>The object at <paramref name="index"/> (0..Count−1), in the order added.</summary>
        public ObisObject this[int index]
        {
            get
            {
                if (index < 0 || index >= _count) throw new System.ArgumentOutOfRangeException("index");
                return _objects[index];
            }
        }

        /// <summary>Adds an object; returns it for further configuration.</summary>
        /// <exception cref="System.ArgumentException">Duplicate code or table full.</exception>
        public ObisObject Add(ObisObject item)
        {
            if (item == null) throw new System.ArgumentNullException("item");
            for (int i = 0; i < _count; i++)
                if (_objects[i].Code == item.Code) throw new System.ArgumentException("duplicate OBIS code in register table: " + item.Code.ToString());
            if (_count == _objects.Length) throw new System.ArgumentException("register table full");
            _objects[_count++] = item;
            return item;
        }

        /// <summary>
        /// The object answering <paramref name="code"/>: the object itself, or for a billing-period
        /// code (F ≠ 255) the object keeping those billing values; null when there is none.
        /// </summary>
        public ObisObject Find(ObisCode code)
        {
            for (int i = 0; i < _count; i++)
                if (_objects[i].Code == code) return _objects[i];
            for (int i = 0; i < _count; i++)
                if (_objects[i].Answers(code)) return _objects[i];
            return null;
        }

        /// <summary>
        /// Writes value text to <paramref name="code"/> with the session's rights; see
        /// <see cref="ObisObject.Write"/>. Unknown codes give <see cref="ObisWriteResult.UnknownObject"/>.
        /// </summary>
        public ObisWriteResult Write(ObisCode code, byte[] text, int offset, int length, int grantedLevel, bool sealOpen)
        {
            ObisObject item = Find(code);
            if (item == null) return ObisWriteResult.UnknownObject;
            return item.Write(code, text, offset, length, grantedLevel, sealOpen);
        }
    }
}
