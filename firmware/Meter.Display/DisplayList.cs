using Meter.Obis;

namespace Meter.Display
{
    /// <summary>
    /// One display list: the OBIS codes shown, in order, with the rules of its kind
    /// (Kamstrup 351/382 data sheets, "Display"): the automatic list holds up to 16 readings and
    /// no historical values; the manual list up to 40 and always keeps the legal readings; the
    /// battery list up to 8. A rejected change leaves the list as it was.
    /// </summary>
    public sealed class DisplayList
    {
        /// <summary>Readings of the automatic list ("Up to 16 readings can be selected").</summary>
        public const int AutomaticCapacity = 16;
        /// <summary>Readings of the manual list ("Up to 40 readings can be selected", 351 B).</summary>
        public const int ManualCapacity = 40;
        /// <summary>Readings of the battery list ("Up to 8 readings can be selected").</summary>
        public const int BatteryCapacity = 8;

        private readonly DisplayListKind _kind;
        private readonly ObisCode[] _codes;
        private readonly ObisCode[] _legal;
        private int _count;

        /// <summary>
        /// An empty automatic or battery list, or a manual list holding the
        /// <paramref name="legalCodes"/> (may be null or empty for the other kinds).
        /// </summary>
        public DisplayList(DisplayListKind kind, ObisCode[] legalCodes)
        {
            _kind = kind;
            _codes = new ObisCode[CapacityOf(kind)];
            int legalCount = legalCodes == null ? 0 : legalCodes.Length;
            if (legalCount > 0 && kind != DisplayListKind.Manual)
                throw new System.ArgumentException("only the manual list has legal readings");
            _legal = new ObisCode[legalCount];
            for (int i = 0; i < legalCount; i++) _legal[i] = legalCodes[i];
            if (legalCount > 0) Configure(_legal);
        }

        /// <summary>The kind of list.</summary>
        public DisplayListKind Kind => _kind;

        /// <summary>Most readings the list can hold.</summary>
        public int Capacity => _codes.Length;

        /// <summary>Readings in the list.</summary>
        public int Count => _count;

        /// <summary>The reading at <paramref name="index"/> (0..Count−1).</summary>
        public ObisCode this[int index]
        {
            get
            {
                if (index < 0 || index >= _count) throw new System.ArgumentOutOfRangeException("index");
                return _codes[index];
            }
        }

        /// <summary>True when <paramref name="code"/> is one of the legal readings (manual list).</summary>
        public bool IsLegal(ObisCode code) => IndexIn(_legal, _legal.Length, code) >= 0;

        /// <summary>True when the list shows <paramref name="code"/>.</summary>
        public bool Contains(ObisCode code) => IndexIn(_codes, _count, code) >= 0;

        /// <summary>
        /// Replaces the list with <paramref name="codes"/> in that order, after checking all of
        /// them (<see cref="Check"/>).
        /// </summary>
        /// <exception cref="System.ArgumentException">A rule is broken; the list is unchanged.</exception>
        public void Configure(ObisCode[] codes)
        {
            if (codes == null) throw new System.ArgumentNullException("codes");
            string broken = Check(codes);
            if (broken != null) throw new System.ArgumentException(broken);
            for (int i = 0; i < codes.Length; i++) _codes[i] = codes[i];
            _count = codes.Length;
        }

        /// <summary>
        /// Why <paramref name="codes"/> cannot be this list, or null when it can: at most
        /// <see cref="Capacity"/>, no duplicates, each fitting the 7-position ID field, no
        /// historical value (F ≠ 255) in the automatic list, every legal reading in the manual
        /// list. Changes nothing (a write over the optical port is checked with it first).
        /// </summary>
        public string Check(ObisCode[] codes)
        {
            if (codes == null) return "no readings given";
            if (codes.Length > _codes.Length) return "too many readings for this display list (capacity " + CapacityText() + ")";
            for (int i = 0; i < codes.Length; i++)
            {
                string broken = CheckReading(codes[i]);
                if (broken != null) return broken;
                if (IndexIn(codes, i, codes[i]) >= 0) return "reading listed twice: " + codes[i].ToString();
            }
            for (int i = 0; i < _legal.Length; i++)
                if (IndexIn(codes, codes.Length, _legal[i]) < 0)
                    return "the legal reading " + _legal[i].ToString() + " cannot be removed from the manual list";
            return null;
        }

        /// <summary>Appends <paramref name="code"/> (same checks as <see cref="Configure"/>).</summary>
        public void Add(ObisCode code)
        {
            if (_count == _codes.Length)
                throw new System.ArgumentException("display list full (capacity " + CapacityText() + ")");
            string broken = CheckReading(code);
            if (broken != null) throw new System.ArgumentException(broken);
            if (Contains(code)) throw new System.ArgumentException("reading already in the list: " + code.ToString());
            _codes[_count++] = code;
        }

        /// <summary>Removes <paramref name="code"/>; the readings after it move up.</summary>
        /// <exception cref="System.InvalidOperationException">It is a legal reading of the manual list.</exception>
        /// <exception cref="System.ArgumentException">It is not in the list.</exception>
        public void Remove(ObisCode code)
        {
            // Kamstrup 351/382 data sheets: "it is not possible to opt out the legal readings".
            if (IsLegal(code)) throw new System.InvalidOperationException("the legal reading " + code.ToString() + " cannot be removed from the manual list");
            int index = IndexIn(_codes, _count, code);
            if (index < 0) throw new System.ArgumentException("reading not in the list: " + code.ToString());
            for (int i = index; i < _count - 1; i++) _codes[i] = _codes[i + 1];
            _count--;
        }

        private string CheckReading(ObisCode code)
        {
            if (!ObisIdFormatter.Fits(code))
                return "OBIS code does not fit the 7-position identification field: " + code.ToString();
            // Kamstrup 351/382 data sheets: "Historical data cannot be selected in the automatic shift function".
            if (_kind == DisplayListKind.Automatic && code.F != ObisCode.NotUsed)
                return "historical values cannot be in the automatic list: " + code.ToString();
            return null;
        }

        private string CapacityText()
        {
            switch (_kind)
            {
                case DisplayListKind.Automatic: return "16";
                case DisplayListKind.Manual: return "40";
                default: return "8";
            }
        }

        private static int CapacityOf(DisplayListKind kind)
        {
            switch (kind)
            {
                case DisplayListKind.Automatic: return AutomaticCapacity;
                case DisplayListKind.Manual: return ManualCapacity;
                case DisplayListKind.Battery: return BatteryCapacity;
                default: throw new System.ArgumentOutOfRangeException("kind");
            }
        }

        private static int IndexIn(ObisCode[] codes, int count, ObisCode code)
        {
            for (int i = 0; i < count; i++)
                if (codes[i] == code) return i;
            return -1;
        }
    }
}
