namespace Meter.Hal.Lcd
{
    /// <summary>
    /// A character LCD (HD44780, 16×2 or 20×4) showing frames laid out by
    /// <see cref="CharacterLayout"/>. Keeps the characters on the glass and, for each run of
    /// changed characters in a row, sends one Set DDRAM address and then only those characters.
    /// Initialises the controller on the first frame. <see cref="Dispose"/> releases the
    /// controller and its pins.
    /// </summary>
    public sealed class CharacterLcdPanel : ILcdPanel, System.IDisposable
    {
        private readonly Hd44780 _lcd;
        private readonly int _columns;
        private readonly int _rows;
        private readonly char[] _screen;
        private readonly char[] _shown;
        private bool _initialized;
        private bool _disposed;

        /// <summary>A <paramref name="columns"/> × <paramref name="rows"/> display (16..20 columns, 2 or 4 rows) on <paramref name="lcd"/>.</summary>
        public CharacterLcdPanel(Hd44780 lcd, int columns, int rows)
        {
            if (lcd == null) throw new System.ArgumentNullException("lcd");
            if (columns < CharacterLayout.MinColumns || columns > 20) throw new System.ArgumentOutOfRangeException("columns", "character LCD must have 16 to 20 columns");
            if (rows != 2 && rows != 4) throw new System.ArgumentOutOfRangeException("rows", "character LCD must have 2 or 4 rows");
            _lcd = lcd;
            _columns = columns;
            _rows = rows;
            _screen = new char[columns * rows];
            _shown = new char[columns * rows];
        }

        /// <summary>Characters written by the last <see cref="Show"/>.</summary>
        public int LastCharactersWritten { get; private set; }

        /// <summary>
        /// DDRAM address of the first character of <paramref name="row"/>: rows 0 and 1 start at
        /// 0x00 and 0x40 (HD44780U data sheet, 2-line display DDRAM addressing); rows 2 and 3 of
        /// a 4-row module continue rows 0 and 1 after the visible columns (0x14 and 0x54 on 20×4).
        /// </summary>
        public int RowAddress(int row)
        {
            switch (row)
            {
                case 0: return 0x00;
                case 1: return 0x40;
                case 2: return _columns;
                case 3: return 0x40 + _columns;
                default: throw new System.ArgumentOutOfRangeException("row");
            }
        }

        /// <summary>
        /// Forgets what the glass shows: the next <see cref="Show"/> initialises the controller again
        /// and redraws everything (after the LCD supply was cut, e.g. on leaving a low-power state).
        /// </summary>
        public void Reset()
        {
            _initialized = false;
        }

        /// <summary>Disposes the controller; a later <see cref="Show"/> throws <see cref="System.ObjectDisposedException"/>.</summary>
        public void Dispose()
        {
            _disposed = true;
            _lcd.Dispose();
        }

        /// <inheritdoc />
        public void Show(LcdFrame frame)
        {
            if (frame == null) throw new System.ArgumentNullException("frame");
            if (_disposed) throw new System.ObjectDisposedException("CharacterLcdPanel");
            if (!_initialized)
            {
                _lcd.Initialize(); // ends with clear display: every position shows a space
                for (int i = 0; i < _shown.Length; i++) _shown[i] = ' ';
                _initialized = true;
            }
            CharacterLayout.Render(frame, _screen, _columns, _rows);
            int written = 0;
            for (int row = 0; row < _rows; row++)
            {
                int rowStart = row * _columns;
                int column = 0;
                while (column < _columns)
                {
                    if (_screen[rowStart + column] == _shown[rowStart + column])
                    {
                        column++;
                        continue;
                    }
                    int end = column + 1;
                    while (end < _columns && _screen[rowStart + end] != _shown[rowStart + end]) end++;
                    _lcd.SetDdramAddress(RowAddress(row) + column);
                    for (int c = column; c < end; c++)
                    {
                        _lcd.WriteData((byte)_screen[rowStart + c]);
                        _shown[rowStart + c] = _screen[rowStart + c];
                    }
                    written += end - column;
                    column = end;
                }
            }
            LastCharactersWritten = written;
        }
    }
}
