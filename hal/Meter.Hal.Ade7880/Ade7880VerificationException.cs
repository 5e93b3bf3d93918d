namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// A register read back after start-up does not hold the value written, or the CHECKSUM
    /// differs from the expected one: the chip is not running the configuration it was given.
    /// </summary>
    public sealed class Ade7880VerificationException : Ade7880Exception
    {
        /// <summary>Creates the exception for <paramref name="register"/>.</summary>
        public Ade7880VerificationException(Register register, uint expected, uint actual)
            : base(Ade7880VerificationException.Describe(register, expected, actual), MeteringChipFault.ConfigurationNotVerified, register, actual)
        {
            _register = register;
            _expected = expected;
            _actual = actual;
        }

        private readonly Register _register;
        private readonly uint _expected;
        private readonly uint _actual;

        /// <summary>The register that failed verification.</summary>
        public Register Register { get { return _register; } }

        /// <summary>The wire value written (or expected).</summary>
        public uint Expected { get { return _expected; } }

        /// <summary>The wire value read back.</summary>
        public uint Actual { get { return _actual; } }

        private static string Describe(Register register, uint expected, uint actual)
        {
            return string.Concat(
                string.Concat("ADE7880 register ", HexText.Format((ushort)register, 4), " read back "),
                HexText.Format(actual, 8),
                ", expected ",
                HexText.Format(expected, 8));
        }
    }
}
