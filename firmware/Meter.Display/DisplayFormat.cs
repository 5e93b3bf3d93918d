namespace Meter.Display
{
    /// <summary>
    /// The display's number format: decimals of energy registers and, for a CT meter, whether
    /// energy is shown on the primary side of the current transformer.
    /// </summary>
    /// <remarks>
    /// Kamstrup 351 data sheet, "Transformer ratio": "The primary energy is displayed in the
    /// display when entering the transformer ratio of the current transformer"; the ratio is
    /// configurable from 5/5 A to 3000/5 A. The registers keep secondary energy; the ratio is
    /// applied only when showing it.
    /// </remarks>
    public sealed class DisplayFormat
    {
        /// <summary>Largest primary current accepted for the CT ratio (3000/5 A in the 351 data sheet, with margin).</summary>
        public const int MaxPrimaryAmperes = 10000;

        private DisplayDecimals _decimals = DisplayDecimals.Digits7Decimals0;
        private int _ctPrimary = 1;
        private int _ctSecondary = 1;

        /// <summary>Energy decimals setting; 7.0 by default.</summary>
        public DisplayDecimals Decimals
        {
            get => _decimals;
            set
            {
                if (value < DisplayDecimals.Digits7Decimals0 || value > DisplayDecimals.Digits6Decimals3)
                    throw new System.ArgumentOutOfRangeException("value", "decimals setting must be 7.0, 6.1, 7.2 or 6.3 (codes 1..4)");
                _decimals = value;
            }
        }

        /// <summary>Integer digits of energy values under the current setting (7 or 6).</summary>
        public int IntegerDigits =>
            _decimals == DisplayDecimals.Digits6Decimals1 || _decimals == DisplayDecimals.Digits6Decimals3 ? 6 : 7;

        /// <summary>Decimals of energy values under the current setting (0..3).</summary>
        public int EnergyDecimals
        {
            get
            {
                switch (_decimals)
                {
                    case DisplayDecimals.Digits6Decimals1: return 1;
                    case DisplayDecimals.Digits7Decimals2: return 2;
                    case DisplayDecimals.Digits6Decimals3: return 3;
                    default: return 0;
                }
            }
        }

        /// <summary>True when energy is shown multiplied by the CT ratio.</summary>
        public bool ShowsPrimaryEnergy => _ctPrimary != _ctSecondary;

        /// <summary>Primary current of the CT ratio (e.g. 3000 for 3000/5 A); 1 when no ratio is set.</summary>
        public int CtPrimaryAmperes => _ctPrimary;

        /// <summary>Secondary current of the CT ratio (e.g. 5 for 3000/5 A); 1 when no ratio is set.</summary>
        public int CtSecondaryAmperes => _ctSecondary;

        /// <summary>
        /// Sets the CT ratio <paramref name="primaryAmperes"/>/<paramref name="secondaryAmperes"/>
        /// (e.g. 3000/5): energy is then shown as secondary energy × primary / secondary,
        /// truncated. Equal numbers switch primary display off.
        /// </summary>
        public void SetCtRatio(int primaryAmperes, int secondaryAmperes)
        {
            if (secondaryAmperes != 1 && secondaryAmperes != 5)
                throw new System.ArgumentOutOfRangeException("secondaryAmperes", "CT secondary current must be 1 A or 5 A");
            if (primaryAmperes < secondaryAmperes || primaryAmperes > MaxPrimaryAmperes)
                throw new System.ArgumentOutOfRangeException("primaryAmperes", "CT primary current must be from the secondary current up to 10000 A");
            _ctPrimary = primaryAmperes;
            _ctSecondary = secondaryAmperes;
        }

        /// <summary>
        /// The setting for configuration code <paramref name="code"/> (1 = 7.0, 2 = 6.1,
        /// 3 = 7.2, 4 = 6.3, as in the seeds' configuration tables).
        /// </summary>
        public static DisplayDecimals DecimalsFromCode(int code)
        {
            if (code < 1 || code > 4) throw new System.ArgumentOutOfRangeException("code", "decimals code must be 1 (7.0), 2 (6.1), 3 (7.2) or 4 (6.3)");
            return (DisplayDecimals)code;
        }
    }
}
