namespace Meter.Hal.Lcd
{
    /// <summary>
    /// The meter's segment glass behind one or more HT1621 controllers: turns each
    /// <see cref="LcdFrame"/> into the controllers' RAM images through a <see cref="SegmentGlass"/>
    /// map and sends only the RAM addresses that changed. Initialises the controllers on the
    /// first frame. <see cref="Dispose"/> releases the controllers and their pins.
    /// </summary>
    public sealed class SegmentLcdPanel : ILcdPanel, System.IDisposable
    {
        private readonly Ht1621[] _chips;
        private readonly SegmentGlass _glass;
        private readonly byte[][] _ram;
        private bool _initialized;
        private bool _disposed;

        /// <summary>A glass laid out as <paramref name="glass"/>, driven by <paramref name="chips"/> (one per glass controller, in order).</summary>
        public SegmentLcdPanel(Ht1621[] chips, SegmentGlass glass)
        {
            if (chips == null) throw new System.ArgumentNullException("chips");
            if (glass == null) throw new System.ArgumentNullException("glass");
            if (chips.Length != glass.ChipCount) throw new System.ArgumentException("the glass needs exactly one HT1621 per controller of its map");
            for (int i = 0; i < chips.Length; i++)
                if (chips[i] == null) throw new System.ArgumentNullException("chips");
            _chips = chips;
            _glass = glass;
            _ram = new byte[chips.Length][];
            for (int i = 0; i < chips.Length; i++) _ram[i] = new byte[Ht1621.RamAddresses];
        }

        /// <summary>RAM addresses written by the last <see cref="Show"/>, summed over the controllers.</summary>
        public int LastAddressesWritten { get; private set; }

        /// <summary>
        /// Forgets what the glass shows: the next <see cref="Show"/> initialises the controllers again
        /// and redraws everything (after the LCD supply was cut, e.g. on leaving a low-power state).
        /// </summary>
        public void Reset()
        {
            _initialized = false;
        }

        /// <summary>Disposes every controller (all at once, since they share WR and DATA); a later <see cref="Show"/> throws <see cref="System.ObjectDisposedException"/>.</summary>
        public void Dispose()
        {
            _disposed = true;
            for (int i = 0; i < _chips.Length; i++) _chips[i].Dispose();
        }

        /// <inheritdoc />
        public void Show(LcdFrame frame)
        {
            if (frame == null) throw new System.ArgumentNullException("frame");
            if (_disposed) throw new System.ObjectDisposedException("SegmentLcdPanel");
            if (!_initialized)
            {
                for (int i = 0; i < _chips.Length; i++) _chips[i].Initialize();
                _initialized = true;
            }
            for (int c = 0; c < _ram.Length; c++)
                for (int a = 0; a < Ht1621.RamAddresses; a++) _ram[c][a] = 0;
            for (int p = 0; p < LcdFrame.ValueLength; p++)
                LightDigit(frame.Value[p], (frame.ValuePoints >> p & 1) != 0, SegmentGlass.ValueSegment(p, 0));
            for (int p = 0; p < LcdFrame.IdLength; p++)
                LightDigit(frame.Id[p], (frame.IdPoints >> p & 1) != 0, SegmentGlass.IdSegment(p, 0));
            for (int b = 0; b < LcdUnits.Count; b++)
                if ((frame.Units >> b & 1) != 0) Light(SegmentGlass.UnitSegment(b));
            if (frame.Quadrant >= 1 && frame.Quadrant <= 4) Light(SegmentGlass.QuadrantSegment(frame.Quadrant));
            if (frame.Tariff >= 1 && frame.Tariff <= 9)
            {
                Light(SegmentGlass.TariffLabelSegment());
                int segments = SevenSegmentFont.Segments((char)('0' + frame.Tariff));
                for (int s = 0; s < 7; s++)
                    if ((segments >> s & 1) != 0) Light(SegmentGlass.TariffDigitSegment(s));
            }
            for (int b = 0; b < LcdSymbols.Count; b++)
                if ((frame.Symbols >> b & 1) != 0) Light(SegmentGlass.SymbolSegment(b));
            int written = 0;
            for (int c = 0; c < _chips.Length; c++) written += _chips[c].Update(_ram[c]);
            LastAddressesWritten = written;
        }

        // firstSegment is logical segment a of the digit; a..g follow, then the point.
        private void LightDigit(char character, bool point, int firstSegment)
        {
            int segments = SevenSegmentFont.Segments(character);
            for (int s = 0; s < 7; s++)
                if ((segments >> s & 1) != 0) Light(firstSegment + s);
            if (point) Light(firstSegment + 7);
        }

        private void Light(int logical)
        {
            int bit = _glass.BitOf(logical);
            if (bit == SegmentGlass.Absent) return;
            int chip = bit / SegmentGlass.BitsPerChip;
            int within = bit % SegmentGlass.BitsPerChip;
            _ram[chip][within / 4] |= (byte)(1 << (within % 4));
        }
    }
}
