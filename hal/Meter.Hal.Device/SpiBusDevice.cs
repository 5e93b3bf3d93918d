using System;
using System.Device.Spi;

namespace Meter.Hal.Device
{
    /// <summary>
    /// <see cref="ISpiDevice"/> over System.Device.Spi: one chip on an SPI bus behind its own chip
    /// select. The same source binds to nanoFramework's SpiDevice on the ESP32 and to .NET IoT's on
    /// a Linux board (spidev); each <see cref="TransferFullDuplex"/> is one chip-select frame.
    /// <see cref="Dispose"/> disposes the SpiDevice, which frees its chip select on the bus.
    /// </summary>
    public sealed class SpiBusDevice : ISpiDevice, IDisposable
    {
        private readonly SpiDevice _device;
        private long _frames;
        private bool _disposed;

        /// <summary>Wraps an opened System.Device.Spi device (the board opens it, tests pass a fake).</summary>
        public SpiBusDevice(SpiDevice device)
        {
            if (device == null) throw new ArgumentNullException("device");
            _device = device;
        }

        /// <summary>
        /// Opens the chip at <paramref name="chipSelectGpio"/> on bus <paramref name="busId"/> in SPI
        /// mode 3 (CPOL = 1, CPHA = 1: clock idles high, data sampled on the rising edge), which the
        /// ADE7880 requires (data sheet Rev. C, "SPI-Compatible Interface") and which the DS3234 and
        /// the MB85RS FRAMs also support, so one bus setting serves every chip on the board.
        /// </summary>
        public static SpiBusDevice Open(int busId, int chipSelectGpio, int clockHz)
        {
            if (clockHz <= 0) throw new ArgumentOutOfRangeException("clockHz", "SPI clock must be positive");
            SpiConnectionSettings settings = new SpiConnectionSettings(busId, chipSelectGpio);
            settings.Mode = SpiMode.Mode3;
            settings.ClockFrequency = clockHz;
            settings.DataBitLength = 8;
            return new SpiBusDevice(SpiDevice.Create(settings));
        }

        /// <summary>Number of frames transferred since start-up (diagnostics).</summary>
        public long Frames { get { return _frames; } }

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
        {
            if (writeBuffer == null) throw new ArgumentNullException("writeBuffer");
            if (readBuffer == null) throw new ArgumentNullException("readBuffer");
            // ISpiDevice contract: one frame, both directions the same length.
            if (writeBuffer.Length != readBuffer.Length)
                throw new ArgumentException("SPI frame: write and read buffers must have the same length", "readBuffer");
            if (writeBuffer.Length == 0) throw new ArgumentException("SPI frame: empty transfer", "writeBuffer");
            if (_disposed) throw new ObjectDisposedException("SpiBusDevice");
            // byte[] converts implicitly to SpanByte (nanoFramework) or to ReadOnlySpan<byte>/Span<byte>
            // (.NET IoT); tools/nano-api.txt maps the host form to the device form.
            _device.TransferFullDuplex(writeBuffer, readBuffer);
            _frames++;
        }

        /// <summary>Disposes the System.Device.Spi device; later transfers throw <see cref="ObjectDisposedException"/>. Safe to call twice.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _device.Dispose();
        }
    }
}
