using System;

namespace Meter.Hal.Mcp23xxx
{
    /// <summary>
    /// Microchip MCP23S17 16-bit SPI I/O expander (hardware address 0, IOCON.BANK = 0) carrying
    /// the board's slow signals (ADE7880 PM0/PM1, relays, tariff inputs, magnetic sensor). Pins
    /// 0..7 are GPA0..7, 8..15 GPB0..7. Outputs are written through the output latch; inputs
    /// are read by <see cref="Poll"/>, which raises the input pins' events on a change.
    /// Frames are allocated once. <see cref="Dispose"/> releases the SPI device it was given (when
    /// that is disposable); the chip keeps its last outputs.
    /// </summary>
    public sealed class Mcp23s17 : IDisposable
    {
        /// <summary>Pins of the expander.</summary>
        public const int PinCount = 16;

        // MCP23S17 data sheet (DS20001952), Figure 3-5 / Table 3-1 (IOCON.BANK = 0 addresses).
        // Register access stays inside the driver: users see pins, not registers.
        /// <summary>Control byte for a write, hardware address 0: 0100 A2 A1 A0 R/W = 0x40.</summary>
        internal const byte WriteOpcode = 0x40;
        /// <summary>Control byte for a read: 0x41.</summary>
        internal const byte ReadOpcode = 0x41;
        /// <summary>IODIRA (IODIRB follows): 1 = input; both 0xFF after reset.</summary>
        internal const byte IodirA = 0x00;
        /// <summary>GPPUA (GPPUB follows): 1 = 100 kΩ pull-up on.</summary>
        internal const byte GppuA = 0x0C;
        /// <summary>GPIOA (GPIOB follows): port levels.</summary>
        internal const byte GpioA = 0x12;
        /// <summary>OLATA (OLATB follows): output latches.</summary>
        internal const byte OlatA = 0x14;

        private readonly ISpiDevice _spi;
        private readonly byte[] _tx = new byte[4];
        private readonly byte[] _rx = new byte[4];
        private readonly ExpanderInputPin[] _inputs = new ExpanderInputPin[PinCount];
        private int _directions = 0xFFFF; // 1 = input, as after reset
        private int _openPins; // 1 = opened through OpenOutput or OpenInput and not closed
        private bool _disposed;
        private int _pullUps;
        private int _latch;
        private int _levels;

        /// <summary>An expander on <paramref name="spi"/>; nothing is sent until pins are opened.</summary>
        public Mcp23s17(ISpiDevice spi)
        {
            if (spi == null) throw new ArgumentNullException("spi");
            _spi = spi;
        }

        /// <summary>Makes <paramref name="pin"/> an output driving <paramref name="initialHigh"/> (latch first, then direction: no glitch).</summary>
        public ExpanderOutputPin OpenOutput(int pin, bool initialHigh)
        {
            CheckPin(pin);
            CheckNotOpen(pin);
            WriteLatch(pin, initialHigh);
            _directions &= ~(1 << pin);
            WritePair(IodirA, _directions);
            _openPins |= 1 << pin;
            return new ExpanderOutputPin(this, pin);
        }

        /// <summary>Makes <paramref name="pin"/> an input, with the 100 kΩ pull-up when <paramref name="pullUp"/>.</summary>
        public ExpanderInputPin OpenInput(int pin, bool pullUp)
        {
            CheckPin(pin);
            CheckNotOpen(pin);
            if (pullUp) _pullUps |= 1 << pin; else _pullUps &= ~(1 << pin);
            WritePair(GppuA, _pullUps);
            _directions |= 1 << pin;
            WritePair(IodirA, _directions);
            ExpanderInputPin input = new ExpanderInputPin(this, pin);
            _inputs[pin] = input;
            _openPins |= 1 << pin;
            _levels = ReadPair(GpioA);
            return input;
        }

        /// <summary>
        /// Releases <paramref name="pin"/> (what its pin object's Dispose calls): an output becomes
        /// an input again (high impedance, as after reset), an input stops raising events. The pin
        /// may then be opened again. Closing a pin that is not open does nothing.
        /// </summary>
        internal void ClosePin(int pin)
        {
            CheckPin(pin);
            if ((_openPins & (1 << pin)) == 0 || _disposed) return;
            _openPins &= ~(1 << pin);
            _inputs[pin] = null;
            if ((_directions & (1 << pin)) == 0)
            {
                _directions |= 1 << pin;
                WritePair(IodirA, _directions);
            }
        }

        /// <summary>
        /// Releases the SPI device (disposed when it is <see cref="IDisposable"/>). The chip is
        /// not written: outputs keep their levels. Every later use of the expander or of its pins
        /// throws <see cref="ObjectDisposedException"/>. Safe to call twice.
        /// </summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Disposal.Release(_spi);
        }

        /// <summary>
        /// Reads both ports and raises <see cref="IInputPin.Changed"/> on every open input whose
        /// level differs from the last poll. Call it from the metering tick (inputs are slow signals).
        /// </summary>
        public void Poll()
        {
            CheckNotDisposed();
            int previous = _levels;
            _levels = ReadPair(GpioA);
            int changed = previous ^ _levels;
            if (changed == 0) return;
            for (int pin = 0; pin < PinCount; pin++)
                if ((changed & (1 << pin)) != 0 && _inputs[pin] != null)
                    _inputs[pin].Raise((_levels & (1 << pin)) != 0);
        }

        /// <summary>Reads the ports now and returns the level of <paramref name="pin"/> (no events).</summary>
        internal bool ReadNow(int pin)
        {
            CheckNotDisposed();
            int previous = _levels;
            int now = ReadPair(GpioA);
            // Keep unraised changes of other pins for the next Poll: only this pin's bit is refreshed.
            _levels = (previous & ~(1 << pin)) | (now & (1 << pin));
            return (now & (1 << pin)) != 0;
        }

        internal void WriteLatch(int pin, bool high)
        {
            if (high) _latch |= 1 << pin; else _latch &= ~(1 << pin);
            WritePair(OlatA, _latch);
        }

        private void WritePair(byte registerA, int value)
        {
            CheckNotDisposed();
            // Sequential operation (IOCON.SEQOP = 0 after reset): register A then B in one frame.
            _tx[0] = WriteOpcode;
            _tx[1] = registerA;
            _tx[2] = (byte)value;
            _tx[3] = (byte)(value >> 8);
            _spi.TransferFullDuplex(_tx, _rx);
        }

        private int ReadPair(byte registerA)
        {
            CheckNotDisposed();
            _tx[0] = ReadOpcode;
            _tx[1] = registerA;
            _tx[2] = 0;
            _tx[3] = 0;
            _spi.TransferFullDuplex(_tx, _rx);
            return _rx[2] | (_rx[3] << 8);
        }

        private void CheckNotOpen(int pin)
        {
            if ((_openPins & (1 << pin)) != 0) throw new InvalidOperationException("expander pin is already open: close it first");
        }

        private void CheckNotDisposed()
        {
            if (_disposed) throw new ObjectDisposedException("Mcp23s17");
        }

        private static void CheckPin(int pin)
        {
            if (pin < 0 || pin >= PinCount) throw new ArgumentOutOfRangeException("pin", "MCP23S17 pins are 0..15");
        }
    }
}
