namespace Meter.Dlms
{
    /// <summary>
    /// Several <see cref="ICosemObjects"/> served as one, so that separate object sets (the register table, the
    /// tariff calendar, the SAP assignment …) live in separate classes: indices run through the parts in order
    /// (part 0's objects first). A logical name held by two parts is found in the earlier one. The parts are fixed
    /// at construction; nothing is allocated per call.
    /// </summary>
    public sealed class CompositeCosemObjects : ICosemObjects
    {
        private readonly ICosemObjects[] _parts;

        /// <summary>Serves <paramref name="parts"/> (at least one, none null) in this order.</summary>
        public CompositeCosemObjects(ICosemObjects[] parts)
        {
            if (parts == null || parts.Length == 0) throw new System.ArgumentException("at least one part", nameof(parts));
            _parts = new ICosemObjects[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i] == null) throw new System.ArgumentNullException(nameof(parts));
                _parts[i] = parts[i];
            }
        }

        /// <inheritdoc />
        public int Count
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _parts.Length; i++) count += _parts[i].Count;
                return count;
            }
        }

        // The part holding the composite index, and the index within it.
        private ICosemObjects Part(int index, out int local)
        {
            for (int i = 0; i < _parts.Length; i++)
            {
                int count = _parts[i].Count;
                if (index < count)
                {
                    local = index;
                    return _parts[i];
                }
                index -= count;
            }
            throw new System.ArgumentOutOfRangeException(nameof(index));
        }

        /// <inheritdoc />
        public int IndexOf(byte[] logicalName, int offset)
        {
            int first = 0;
            for (int i = 0; i < _parts.Length; i++)
            {
                int found = _parts[i].IndexOf(logicalName, offset);
                if (found >= 0) return first + found;
                first += _parts[i].Count;
            }
            return -1;
        }

        /// <inheritdoc />
        public int ClassId(int index) { int local; return Part(index, out local).ClassId(local); }

        /// <inheritdoc />
        public int Version(int index) { int local; return Part(index, out local).Version(local); }

        /// <inheritdoc />
        public void CopyLogicalName(int index, byte[] destination, int offset)
        {
            int local;
            Part(index, out local).CopyLogicalName(local, destination, offset);
        }

        /// <inheritdoc />
        public int AttributeCount(int index) { int local; return Part(index, out local).AttributeCount(local); }

        /// <inheritdoc />
        public int MethodCount(int index) { int local; return Part(index, out local).MethodCount(local); }

        /// <inheritdoc />
        public CosemAttributeAccess AttributeAccess(int index, int attributeId, int clientSap)
        {
            int local;
            return Part(index, out local).AttributeAccess(local, attributeId, clientSap);
        }

        /// <inheritdoc />
        public CosemMethodAccess MethodAccess(int index, int methodId, int clientSap)
        {
            int local;
            return Part(index, out local).MethodAccess(local, methodId, clientSap);
        }

        /// <inheritdoc />
        public DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
        {
            int local;
            return Part(index, out local).GetSelected(local, attributeId, selector, parameters, cursor, value);
        }

        /// <inheritdoc />
        public DataAccessResult Get(int index, int attributeId, AxdrWriter value)
        {
            int local;
            return Part(index, out local).Get(local, attributeId, value);
        }

        /// <inheritdoc />
        public DataAccessResult Set(int index, int attributeId, AxdrReader value)
        {
            int local;
            return Part(index, out local).Set(local, attributeId, value);
        }

        /// <inheritdoc />
        public ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue)
        {
            int local;
            return Part(index, out local).Action(local, methodId, parameters, hasParameters, returnValue);
        }
    }
}
