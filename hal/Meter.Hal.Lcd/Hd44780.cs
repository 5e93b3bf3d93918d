using System;

namespace Meter.Hal.Lcd
{
    /// <summary>
    /// An HD44780-compatible character LCD controller on six GPIO lines in 4-bit mode: RS, E
    /// and DB4..DB7 (R/W tied low, so the busy flag is never read and the driver waits the
    /// instruction execution times instead). Waits go through the injected <see cref="IDelay"/>.
    /// <see cref="Dispose"/> releases the six pins it was given (when they are disposable).
    /// </summary>
    /// <remarks>
    /// Hitachi HD44780U data sheet: "Initializing by Instruction", Figure 24 (4-bit interface);
    /// Table 6 execution times (37 µs, clear display 1.52 ms, at f_osc = 270 kHz); in 4-bit mode
    /// the upper nibble is sent first, each nibble latched on the falling edge of E.
    /// </remarks>
    public sealed class Hd44780 : IDisposable
    {
        /// <summary>Power-on wait: "more than 40 ms after VCC rises to 2.7 V" (15 ms at 4.5 V), Figure 24.</summary>
        public const int PowerOnWaitMicroseconds = 40000;
        /// <summary>Wait after the first 8-bit function set: "more than 4.1 ms", Figure 24.</summary>
        public const int FirstFunctionSetWaitMicroseconds = 4100;
        /// <summary>Wait after the second 8-bit function set: "more than 100 µs", Figure 24.</summary>
        public const int SecondFunctionSetWaitMicroseconds = 100;
        /// <summary>Wait after an ordinary instruction or data write: 37 µs (Table 6) with margin for a slow oscillator.</summary>
        public const int InstructionWaitMicroseconds = 50;
        /// <summary>Wait after clear display: 1.52 ms (Table 6) with margin for a slow oscillator.</summary>
        public const int ClearWaitMicroseconds = 2000;

        private readonly IOutputPin _registerSelect;
        private readonly IOutputPin _enable;
        private readonly IOutputPin[] _dataPins;
        private readonly IDelay _delay;
        private bool _disposed;

        /// <summary>
        /// A controller with RS on <paramref name="registerSelect"/>, E on <paramref name="enable"/>
        /// and data lines DB4..DB7 on <paramref name="db4"/>..<paramref name="db7"/>.
        /// </summary>
        public Hd44780(IOutputPin registerSelect, IOutputPin enable, IOutputPin db4, IOutputPin db5, IOutputPin db6, IOutputPin db7, IDelay delay)
        {
            if (registerSelect == null) throw new ArgumentNullException("registerSelect");
            if (enable == null) throw new ArgumentNullException("enable");
            if (db4 == null || db5 == null || db6 == null || db7 == null) throw new ArgumentException("all four data pins DB4..DB7 are needed");
            if (delay == null) throw new ArgumentNullException("delay");
            _registerSelect = registerSelect;
            _enable = enable;
            _dataPins = new IOutputPin[] { db4, db5, db6, db7 };
            _delay = delay;
        }

        /// <summary>
        /// Initialisation by instruction for the 4-bit interface (Figure 24): wait 40 ms; nibble
        /// 0011, wait 4.1 ms; 0011, wait 100 µs; 0011; 0010 (4-bit); then function set 0x28
        /// (2 lines, 5×8), display off, clear display, entry mode increment, display on.
        /// </summary>
        public void Initialize()
        {
            CheckNotDisposed();
            _enable.Write(false);
            _registerSelect.Write(false);
            _delay.Wait(PowerOnWaitMicroseconds);
            WriteNibble(Hd44780Command.InitNibble8Bit);
            _delay.Wait(FirstFunctionSetWaitMicroseconds);
            WriteNibble(Hd44780Command.InitNibble8Bit);
            _delay.Wait(SecondFunctionSetWaitMicroseconds);
            WriteNibble(Hd44780Command.InitNibble8Bit);
            _delay.Wait(InstructionWaitMicroseconds);
            WriteNibble(Hd44780Command.InitNibble4Bit);
            _delay.Wait(InstructionWaitMicroseconds);
            WriteCommand(Hd44780Command.FunctionSet4Bit2Lines);
            WriteCommand(Hd44780Command.DisplayOff);
            WriteCommand(Hd44780Command.ClearDisplay);
            WriteCommand(Hd44780Command.EntryModeIncrement);
            WriteCommand(Hd44780Command.DisplayOn);
        }

        /// <summary>Sends an instruction (RS low) and waits its execution time (raw instructions stay inside the assembly).</summary>
        internal void WriteCommand(byte command)
        {
            CheckNotDisposed();
            _registerSelect.Write(false);
            WriteByte(command);
            _delay.Wait(command == Hd44780Command.ClearDisplay ? ClearWaitMicroseconds : InstructionWaitMicroseconds);
        }

        /// <summary>Writes a character code to DDRAM at the address counter (RS high); the counter increments.</summary>
        public void WriteData(byte character)
        {
            CheckNotDisposed();
            _registerSelect.Write(true);
            WriteByte(character);
            _delay.Wait(InstructionWaitMicroseconds);
        }

        /// <summary>Sets the DDRAM address (0..0x7F) for the next data write.</summary>
        public void SetDdramAddress(int address)
        {
            if (address < 0 || address > 0x7F) throw new ArgumentOutOfRangeException("address", "DDRAM address is 7 bits");
            WriteCommand((byte)(Hd44780Command.SetDdramAddress | address));
        }

        /// <summary>
        /// Releases RS, E and DB4..DB7 (each disposed when it is <see cref="IDisposable"/>); every
        /// later use throws <see cref="ObjectDisposedException"/>. Safe to call twice.
        /// </summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Disposal.Release(_registerSelect);
            Disposal.Release(_enable);
            for (int i = 0; i < _dataPins.Length; i++) Disposal.Release(_dataPins[i]);
        }

        private void CheckNotDisposed()
        {
            if (_disposed) throw new ObjectDisposedException("Hd44780");
        }

        private void WriteByte(byte value)
        {
            WriteNibble(value >> 4); // upper nibble first in 4-bit mode
            WriteNibble(value & 0x0F);
        }

        // Puts the nibble on DB4..DB7 and pulses E; the controller latches on E's falling edge.
        // No explicit wait: the enable pulse (PW_EH ≥ 230 ns) and the set-up times (≤ 80 ns) are
        // far shorter than one managed GPIO write on the target.
        private void WriteNibble(int nibble)
        {
            for (int i = 0; i < 4; i++) _dataPins[i].Write(((nibble >> i) & 1) != 0);
            _enable.Write(true);
            _enable.Write(false);
        }
    }
}
