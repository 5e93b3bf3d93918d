namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// The chip did not finish its reset, did not take the SPI port, or does not answer (missing
    /// chip, MISO stuck, power-down).
    /// </summary>
    public sealed class Ade7880NotRespondingException : Ade7880Exception
    {
        /// <summary>Creates the exception with a message naming the step that failed.</summary>
        public Ade7880NotRespondingException(string message) : base(message)
        {
        }
    }
}
