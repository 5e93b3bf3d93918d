namespace Meter.Hal
{
    /// <summary>The exact energy of one count of a chip's energy register: <see cref="Numerator"/>/<see cref="Denominator"/> Wh (varh, VAh), reduced.</summary>
    public sealed class EnergyPerCount
    {
        private readonly long _numerator;
        private readonly long _denominator;

        /// <summary>Creates the rational; both terms positive.</summary>
        public EnergyPerCount(long numerator, long denominator)
        {
            if (numerator <= 0 || denominator <= 0) throw new System.ArgumentOutOfRangeException("denominator", "energy per count must be a positive fraction");
            _numerator = numerator;
            _denominator = denominator;
        }

        /// <summary>Numerator, watt-hours.</summary>
        public long Numerator { get { return _numerator; } }

        /// <summary>Denominator.</summary>
        public long Denominator { get { return _denominator; } }
    }
}
