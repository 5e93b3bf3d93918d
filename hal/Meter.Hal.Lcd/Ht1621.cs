using System;

namespace Meter.Hal.Lcd
{
    /// <summary>
    /// One Holtek HT1621 RAM-mapping LCD controller (32 segments × 4 commons), driven over its
    /// 3-wire serial interface bit-banged on three output pins: CS, WR and DATA (RD unused).
    /// Keeps a copy of its display RAM so that <see cref="Update"/> sends only changed addresses.
    /// <see cref="Dispose"/> releases the three pins it was given (when they are disposable): chips
    /// that share WR and DATA are disposed together (<see cref="SegmentLcdPanel.Dispose"/>).
    /// </summary>
    /// <remarks>
    /// HT1621 data sheet: CS low frames one operation and a high level on CS resets the serial
    /// interface ("Interfacing"); DATA is latched on the rising edge of WR ("Timing Diagrams");
    /// WRITE mode is 1 0 1 A5..A0 D0..D3, and successive-address writing continues with further
    /// D0..D3 groups for the following addresses ("Command Summary"). The WR clock has a
    /// maximum frequency of a few hundred kHz, lower at 3 V (data sheet "A.C. Characteristics"),
    /// so the half period is a constructor argument and waits go through <see cref="IDelay"/>.
    /// </remarks>
    public sealed class Ht1621 : IDisposable
    {
        /// <summary>Display RAM size: 32 addresses of 4 bits (data sheet "Display Memory – RAM").</summary>
        public const int RamAddresses = 32;

        private readonly IOutputPin _chipSelect;
        private readonly IOutputPin _write;
        private readonly IOutputPin _data;
        private readonly IDelay _delay;
        private readonly int _halfPeriodMicroseconds;
        private readonly byte[] _shown = new byte[RamAddresses];
        private bool _shownKnown;
        private bool _disposed;

        /// <summary>
        /// A controller on pins <paramref name="chipSelect"/> (CS, active low),
        /// <paramref name="write"/> (WR clock) and <paramref name="data"/> (DATA), clocked with
        /// <paramref name="halfPeriodMicroseconds"/> µs low and high per bit (0 = as fast as the
        /// pins toggle, enough when one managed GPIO write already takes several µs; 4 µs keeps
        /// a fast native pin driver within the 3 V clock limit).
        /// </summary>
        public Ht1621(IOutputPin chipSelect, IOutputPin write, IOutputPin data, IDelay delay, int halfPeriodMicroseconds)
        {
            if (chipSelect == null) throw new ArgumentNullException("chipSelect");
            if (write == null) throw new ArgumentNullException("write");
            if (data == null) throw new ArgumentNullException("data");
            if (delay == null) throw new ArgumentNullException("delay");
            if (halfPeriodMicroseconds < 0) throw new ArgumentOutOfRangeException("halfPeriodMicroseconds", "half period must not be negative");
            _chipSelect = chipSelect;
            _write = write;
            _data = data;
            _delay = delay;
            _halfPeriodMicroseconds = halfPeriodMicroseconds;
        }

        /// <summary>
        /// Brings the lines to idle (CS and WR high) and sends SYS EN, RC 256K, BIAS 1/3 with 4
        /// commons and LCD ON, each in its own CS frame. The RAM content is then unknown, so the
        /// next <see cref="Update"/> writes every address.
        /// </summary>
        public void Initialize()
        {
            CheckNotDisposed();
            _chipSelect.Write(true);
            _write.Write(true);
            SendCommand(Ht1621Command.SystemEnable);
            SendCommand(Ht1621Command.RcOscillator256K);
            SendCommand(Ht1621Command.Bias3Commons4);
            SendCommand(Ht1621Command.LcdOn);
            _shownKnown = false;
        }

        // Raw command and RAM frames stay inside the assembly (SegmentLcdPanel, tests): users call
        // Initialize and Update.

        /// <summary>Sends one command frame: 1 0 0, the code MSB first, X (sent as 0).</summary>
        internal void SendCommand(byte command)
        {
            CheckNotDisposed();
            Select();
            SendBitsMsbFirst(Ht1621Command.CommandModeId, 3);
            SendBitsMsbFirst(command, 8);
            SendBit(false); // X, don't care
            Deselect();
        }

        /// <summary>
        /// Writes <paramref name="count"/> nibbles from <paramref name="nibbles"/> (low 4 bits
        /// each; bit i drives COM i) starting at RAM <paramref name="address"/>, in one
        /// successive-address WRITE frame.
        /// </summary>
        internal void WriteRam(int address, byte[] nibbles, int offset, int count)
        {
            CheckNotDisposed();
            if (nibbles == null) throw new ArgumentNullException("nibbles");
            if (address < 0 || count < 1 || address + count > RamAddresses)
                throw new ArgumentOutOfRangeException("address", "HT1621 RAM addresses are 0..31");
            if (offset < 0 || offset + count > nibbles.Length) throw new ArgumentOutOfRangeException("offset");
            Select();
            SendBitsMsbFirst(Ht1621Command.WriteModeId, 3);
            SendBitsMsbFirst(address, 6); // A5..A0
            for (int i = 0; i < count; i++)
            {
                int nibble = nibbles[offset + i] & 0x0F;
                for (int bit = 0; bit < 4; bit++) SendBit(((nibble >> bit) & 1) != 0); // D0 first
                _shown[address + i] = (byte)nibble;
            }
            Deselect();
        }

        /// <summary>
        /// Makes the RAM equal <paramref name="ram"/> (32 nibbles), writing each run of
        /// consecutive changed addresses in one frame; unchanged addresses are not sent.
        /// Returns the number of addresses written.
        /// </summary>
        public int Update(byte[] ram)
        {
            if (ram == null || ram.Length != RamAddresses) throw new ArgumentException("HT1621 RAM image must have 32 nibbles");
            int written = 0;
            int address = 0;
            while (address < RamAddresses)
            {
                if (_shownKnown && (ram[address] & 0x0F) == _shown[address])
                {
                    address++;
                    continue;
                }
                int end = address + 1;
                while (end < RamAddresses && !(_shownKnown && (ram[end] & 0x0F) == _shown[end])) end++;
                WriteRam(address, ram, address, end - address);
                written += end - address;
                address = end;
            }
            _shownKnown = true;
            return written;
        }

        /// <summary>
        /// Releases CS, WR and DATA (each disposed when it is <see cref="IDisposable"/>); every
        /// later use throws <see cref="ObjectDisposedException"/>. Safe to call twice. The glass
        /// keeps what it shows until the chip loses power.
        /// </summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Disposal.Release(_chipSelect);
            Disposal.Release(_write);
            Disposal.Release(_data);
        }

        private void CheckNotDisposed()
        {
            if (_disposed) throw new ObjectDisposedException("Ht1621");
        }

        private void Select()
        {
            _chipSelect.Write(false);
            Wait();
        }

        private void Deselect()
        {
            _chipSelect.Write(true);
            _data.Write(true); // idle level between frames
            Wait();
        }

        private void SendBitsMsbFirst(int value, int bits)
        {
            for (int i = bits - 1; i >= 0; i--) SendBit(((value >> i) & 1) != 0);
        }

        // DATA changes while WR is low; the HT1621 latches it on WR's rising edge.
        private void SendBit(bool high)
        {
            _write.Write(false);
            _data.Write(high);
            Wait();
            _write.Write(true);
            Wait();
        }

        private void Wait()
        {
            if (_halfPeriodMicroseconds > 0) _delay.Wait(_halfPeriodMicroseconds);
        }
    }
}
