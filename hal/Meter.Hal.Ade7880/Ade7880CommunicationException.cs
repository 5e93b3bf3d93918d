namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// A read could not be verified: the register value and the chip's own record of it
    /// (LAST_RWDATA) kept disagreeing after the retries (a noisy or broken SPI link).
    /// </summary>
    public sealed class Ade7880CommunicationException : Ade7880Exception
    {
        /// <summary>Creates the exception for <paramref name="register"/>.</summary>
        public Ade7880CommunicationException(Register register)
            : base(string.Concat("ADE7880 read of register ", HexText.Format((ushort)register, 4), " could not be verified"), MeteringChipFault.ReadNotVerified, register, 0)
        {
            _register = register;
        }

        private readonly Register _register;

        /// <summary>The register whose read failed verification.</summary>
        public Register Register { get { return _register; } }
    }
}
