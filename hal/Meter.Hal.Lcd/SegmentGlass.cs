namespace Meter.Hal.Lcd
{
    /// <summary>
    /// Where each element of an <see cref="LcdFrame"/> sits on a segment glass: a map from
    /// logical segments (numbered by the static methods below) to controller RAM bits, bit
    /// index = chip × 128 + address × 4 + common. Every glass is wired differently, so the map
    /// is data the board supplies; <see cref="Reference"/> is the project's reference layout.
    /// </summary>
    public sealed class SegmentGlass
    {
        /// <summary>Segments one HT1621 drives: 32 addresses × 4 commons.</summary>
        public const int BitsPerChip = Ht1621.RamAddresses * 4;

        private const int ValueBase = 0;
        private const int IdBase = ValueBase + LcdFrame.ValueLength * 8;
        private const int UnitBase = IdBase + LcdFrame.IdLength * 8;
        private const int QuadrantBase = UnitBase + LcdUnits.FirstLayoutCount;
        private const int TariffLabelIndex = QuadrantBase + 4;
        private const int TariffDigitBase = TariffLabelIndex + 1;
        private const int SymbolBase = TariffDigitBase + 7;
        // Units added after the first layout (%, m³, L) follow the symbols: a glass wired to the first
        // layout keeps every segment where it was. Anything added later goes after these.
        private const int LaterUnitBase = SymbolBase + LcdSymbols.Count;

        /// <summary>Number of logical segments a glass map covers.</summary>
        public const int LogicalSegments = LaterUnitBase + LcdUnits.Count - LcdUnits.FirstLayoutCount;

        /// <summary>Map value meaning "this glass has no such segment".</summary>
        public const short Absent = -1;

        private readonly short[] _map;
        private readonly int _chipCount;

        /// <summary>
        /// A glass driven by <paramref name="chipCount"/> controllers; <paramref name="map"/>
        /// gives, for each of the <see cref="LogicalSegments"/> logical segments, its RAM bit
        /// index or <see cref="Absent"/>. The map is copied and checked: indexes in range,
        /// no bit used twice.
        /// </summary>
        public SegmentGlass(int chipCount, short[] map)
        {
            if (chipCount < 1 || chipCount > 4) throw new System.ArgumentOutOfRangeException("chipCount", "a glass has 1 to 4 controllers");
            if (map == null || map.Length != LogicalSegments) throw new System.ArgumentException("glass map must have one entry per logical segment");
            _chipCount = chipCount;
            _map = new short[LogicalSegments];
            int bits = chipCount * BitsPerChip;
            for (int i = 0; i < LogicalSegments; i++)
            {
                short bit = map[i];
                if (bit != Absent && (bit < 0 || bit >= bits)) throw new System.ArgumentOutOfRangeException("map", "glass map points outside the controllers' RAM");
                for (int j = 0; j < i; j++)
                    if (bit != Absent && _map[j] == bit) throw new System.ArgumentException("glass map uses a RAM bit twice");
                _map[i] = bit;
            }
        }

        /// <summary>Number of HT1621 controllers the glass needs.</summary>
        public int ChipCount => _chipCount;

        /// <summary>RAM bit index of logical segment <paramref name="logical"/>, or <see cref="Absent"/>.</summary>
        public int BitOf(int logical) => _map[logical];

        /// <summary>Logical segment of value position <paramref name="position"/> (0..8), segment 0..6 = a..g, 7 = point after it.</summary>
        public static int ValueSegment(int position, int segment) => ValueBase + position * 8 + segment;

        /// <summary>Logical segment of ID position <paramref name="position"/> (0..6), segment 0..6 = a..g, 7 = point after it.</summary>
        public static int IdSegment(int position, int segment) => IdBase + position * 8 + segment;

        /// <summary>Logical segment of unit symbol bit <paramref name="bit"/> (see <see cref="LcdUnits"/>).</summary>
        public static int UnitSegment(int bit) =>
            bit < LcdUnits.FirstLayoutCount ? UnitBase + bit : LaterUnitBase + bit - LcdUnits.FirstLayoutCount;

        /// <summary>Logical segment of quadrant indicator <paramref name="quadrant"/> (1..4).</summary>
        public static int QuadrantSegment(int quadrant) => QuadrantBase + quadrant - 1;

        /// <summary>Logical segment of the "T" label before the tariff digit.</summary>
        public static int TariffLabelSegment() => TariffLabelIndex;

        /// <summary>Logical segment of the small tariff digit, segment 0..6 = a..g.</summary>
        public static int TariffDigitSegment(int segment) => TariffDigitBase + segment;

        /// <summary>Logical segment of symbol bit <paramref name="bit"/> (see <see cref="LcdSymbols"/>).</summary>
        public static int SymbolSegment(int bit) => SymbolBase + bit;

        /// <summary>
        /// The reference glass: two HT1621 sharing WR and DATA, logical segment n on RAM bit n.
        /// Value digit k uses chip 0 addresses 2k (a, b, c, d on COM0..3) and 2k+1 (e, f, g,
        /// point); the ID digits follow from address 18; units, quadrant, tariff and symbols
        /// start at chip 1 address 0.
        /// </summary>
        public static SegmentGlass Reference()
        {
            var map = new short[LogicalSegments];
            for (int i = 0; i < LogicalSegments; i++) map[i] = (short)i;
            return new SegmentGlass(2, map);
        }
    }
}
