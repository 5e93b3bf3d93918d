namespace Meter.Hal
{
    /// <summary>
    /// A serial link that says whether its characters take time on a line. A link without it is a UART: each character
    /// takes 10 bit times at its <see cref="ISerialLink.BaudRate"/> after the write. A TCP or pty stand-in for the optical
    /// head, or a test link without timing, delivers at once: the rate is only the protocol's.
    /// </summary>
    public interface ISerialLineTime
    {
        /// <summary>False when written characters arrive at once whatever the baud rate.</summary>
        bool CharactersTakeLineTime { get; }
    }
}
