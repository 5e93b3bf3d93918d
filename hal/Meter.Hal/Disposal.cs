namespace Meter.Hal
{
    /// <summary>
    /// Releases the parts a driver was given. The HAL interfaces (<see cref="ISpiDevice"/>,
    /// <see cref="IOutputPin"/>, <see cref="IInputPin"/>) do not demand <see cref="System.IDisposable"/>:
    /// a simulated chip or a test fake holds nothing to release. The parts that do hold a bus or a
    /// pin (the System.Device adaptors in Meter.Hal.Device) implement it, and a driver's Dispose
    /// passes each part it owns through here.
    /// </summary>
    public static class Disposal
    {
        /// <summary>Disposes <paramref name="part"/> when it is <see cref="System.IDisposable"/>; does nothing otherwise (or for null).</summary>
        public static void Release(object part)
        {
            System.IDisposable disposable = part as System.IDisposable;
            if (disposable != null) disposable.Dispose();
        }
    }
}
