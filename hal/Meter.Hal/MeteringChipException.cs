namespace Meter.Hal
{
    /// <summary>
    /// Base of every error a metering-chip driver reports while talking to its chip: the chip-neutral
    /// communication error the meter catches (the driver's own exceptions derive from it).
    /// </summary>
    public class MeteringChipException : System.Exception
    {
        private readonly int _fault;
        private readonly int _registerAddress;
        private readonly long _readBack;

        /// <summary>Creates a <see cref="MeteringChipFault.NotResponding"/> error with a message naming what failed.</summary>
        public MeteringChipException(string message) : this(message, MeteringChipFault.NotResponding, 0, 0)
        {
        }

        /// <summary>Creates the error with its <paramref name="fault"/> (<see cref="MeteringChipFault"/>), the chip register concerned and the value read back.</summary>
        public MeteringChipException(string message, int fault, int registerAddress, long readBack) : base(message)
        {
            _fault = fault;
            _registerAddress = registerAddress;
            _readBack = readBack;
        }

        /// <summary>What went wrong (<see cref="MeteringChipFault"/>).</summary>
        public int Fault { get { return _fault; } }

        /// <summary>The chip's register address concerned (0 when none), for fault records.</summary>
        public int RegisterAddress { get { return _registerAddress; } }

        /// <summary>The value read back from <see cref="RegisterAddress"/> (<see cref="MeteringChipFault.ConfigurationNotVerified"/>), else 0.</summary>
        public long ReadBack { get { return _readBack; } }
    }
}
