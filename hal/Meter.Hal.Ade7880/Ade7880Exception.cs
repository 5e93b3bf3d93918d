namespace Meter.Hal.Ade7880
{
    /// <summary>Base of every error the ADE7880 driver reports; a <see cref="MeteringChipException"/> for the meter.</summary>
    public class Ade7880Exception : MeteringChipException
    {
        /// <summary>Creates the exception with a message naming what failed (<see cref="MeteringChipFault.NotResponding"/>).</summary>
        public Ade7880Exception(string message) : base(message)
        {
        }

        /// <summary>Creates the exception with its <see cref="MeteringChipFault"/>, the register concerned and the value read back.</summary>
        protected Ade7880Exception(string message, int fault, Register register, uint readBack) : base(message, fault, (int)register, readBack)
        {
        }
    }
}
