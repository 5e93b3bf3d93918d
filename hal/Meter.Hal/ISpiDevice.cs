namespace Meter.Hal
{
    /// <summary>
    /// One device on an SPI bus, behind its own chip select. Implemented over
    /// System.Device.Spi on the board and by the simulated chips on the host.
    /// </summary>
    public interface ISpiDevice
    {
        /// <summary>
        /// Clocks <paramref name="writeBuffer"/> out on MOSI while filling
        /// <paramref name="readBuffer"/> from MISO. Both arrays have the same length, which is
        /// the length of the frame; chip select stays asserted for the whole transfer.
        /// </summary>
        void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer);
    }
}
