namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// ADE7880 register access over SPI: one chip-select frame per access,
    /// [command][address MSB][address LSB][data MSB … LSB], command bit 0 = 1 read, 0 write
    /// (ADE7880 data sheet Rev. A, "SPI Read Operation" and "SPI Write Operation").
    /// The data length is the register's (8, 16 or 32 bits, Tables 30–33). Buffers are allocated
    /// once; no call allocates.
    /// </summary>
    public sealed class RegisterBus
    {
        /// <summary>Command byte of a read frame (bit 0 = 1); the upper bits must differ from the I²C address 0111000b.</summary>
        public const byte ReadCommand = 0x01;

        /// <summary>Command byte of a write frame (bit 0 = 0).</summary>
        public const byte WriteCommand = 0x00;

        /// <summary>LAST_OP value after a successful read (data sheet Rev. A, Table 33: LAST_OP, LAST_ADD, LAST_RWDATAx).</summary>
        public const int LastOpRead = 0x35;

        /// <summary>LAST_OP value after a successful write.</summary>
        public const int LastOpWrite = 0xCA;

        private const int MaxVerificationRetries = 4;

        private readonly ISpiDevice _spi;
        private readonly byte[] _write8 = new byte[4];
        private readonly byte[] _read8 = new byte[4];
        private readonly byte[] _write16 = new byte[5];
        private readonly byte[] _read16 = new byte[5];
        private readonly byte[] _write32 = new byte[7];
        private readonly byte[] _read32 = new byte[7];
        // Read frames have their own MOSI buffers: their data bytes are never written, so they
        // stay 0 and a read only sets command and address.
        private readonly byte[] _readCommand8 = new byte[4];
        private readonly byte[] _readCommand16 = new byte[5];
        private readonly byte[] _readCommand32 = new byte[7];
        private long _transactions;
        private long _bytes;
        private long _verificationRetries;

        /// <summary>Creates the bus over <paramref name="spi"/> (SPI mode 3, ≤ 2.5 MHz, MSB first: set by the board).</summary>
        public RegisterBus(ISpiDevice spi)
        {
            if (spi == null) throw new Ade7880Exception("ADE7880: the SPI device is null");
            _spi = spi;
        }

        /// <summary>SPI frames sent since creation.</summary>
        public long Transactions { get { return _transactions; } }

        /// <summary>Bytes clocked on the bus since creation (command, address and data).</summary>
        public long Bytes { get { return _bytes; } }

        /// <summary>Reads that disagreed with LAST_RWDATA and were recovered by re-reading it.</summary>
        public long VerificationRetries { get { return _verificationRetries; } }

        /// <summary>Reads a register and returns its raw wire word (width from <see cref="RegisterMap"/>).</summary>
        public uint ReadRaw(Register register)
        {
            return ReadRaw(register, RegisterMap.WireBytes(RegisterMap.FormatOf(register)));
        }

        /// <summary>Reads <paramref name="bytes"/> (1, 2 or 4) data bytes from <paramref name="register"/>.</summary>
        public uint ReadRaw(Register register, int bytes)
        {
            byte[] tx = bytes == 4 ? _readCommand32 : (bytes == 2 ? _readCommand16 : _readCommand8);
            byte[] rx = Rx(bytes);
            tx[0] = ReadCommand;
            tx[1] = (byte)((ushort)register >> 8);
            tx[2] = (byte)register;
            Transfer(tx, rx);
            uint value = 0;
            for (int i = 3; i < rx.Length; i++) value = (value << 8) | rx[i];
            return value;
        }

        /// <summary>Writes the raw wire word <paramref name="raw"/> to <paramref name="register"/> (width from <see cref="RegisterMap"/>).</summary>
        public void WriteRaw(Register register, uint raw)
        {
            WriteRaw(register, RegisterMap.WireBytes(RegisterMap.FormatOf(register)), raw);
        }

        /// <summary>Writes <paramref name="bytes"/> (1, 2 or 4) data bytes of <paramref name="raw"/>, MSB first.</summary>
        public void WriteRaw(Register register, int bytes, uint raw)
        {
            byte[] tx = Tx(bytes);
            byte[] rx = Rx(bytes);
            tx[0] = WriteCommand;
            tx[1] = (byte)((ushort)register >> 8);
            tx[2] = (byte)register;
            for (int i = tx.Length - 1; i >= 3; i--)
            {
                tx[i] = (byte)raw;
                raw >>= 8;
            }
            Transfer(tx, rx);
        }

        /// <summary>Reads a register and decodes it (sign and padding per its wire format).</summary>
        public int Read(Register register)
        {
            WireFormat format = RegisterMap.FormatOf(register);
            return RegisterMap.Decode(format, ReadRaw(register, RegisterMap.WireBytes(format)));
        }

        /// <summary>Encodes <paramref name="value"/> per the register's wire format and writes it.</summary>
        public void Write(Register register, int value)
        {
            WireFormat format = RegisterMap.FormatOf(register);
            WriteRaw(register, RegisterMap.WireBytes(format), RegisterMap.Encode(format, value));
        }

        /// <summary>
        /// Reads a register and proves the value by reading the chip's record of the transfer,
        /// LAST_RWDATA8/16/32 (data sheet Rev. A, Table 33: LAST_OP, LAST_ADD, LAST_RWDATAx): costs one
        /// more frame per read. On disagreement LAST_RWDATA is read again until a read of it agrees
        /// with the previous one or with the register read (the register itself may be
        /// read-with-reset, so it is never re-read).
        /// Throws <see cref="Ade7880CommunicationException"/> when no agreement is reached.
        /// </summary>
        public uint ReadRawVerified(Register register, int bytes)
        {
            uint value;
            if (!TryReadRawVerified(register, bytes, out value)) throw new Ade7880CommunicationException(register);
            return value;
        }

        /// <summary>
        /// As <see cref="ReadRawVerified"/>, but reports failure by returning <c>false</c> instead of
        /// throwing (the metering cycle goes on with the other registers).
        /// </summary>
        public bool TryReadRawVerified(Register register, int bytes, out uint value)
        {
            value = ReadRaw(register, bytes);
            Register record = bytes == 4 ? Register.LAST_RWDATA32 : (bytes == 2 ? Register.LAST_RWDATA16 : Register.LAST_RWDATA8);
            uint previous = ReadRaw(record, bytes);
            if (previous == value) return true;
            for (int attempt = 0; attempt < MaxVerificationRetries; attempt++)
            {
                _verificationRetries++;
                uint again = ReadRaw(record, bytes);
                // Two frames that agree prove the value: two records, or a record and the first read
                // (then it was the first record read that came back damaged).
                if (again == previous || again == value)
                {
                    value = again;
                    return true;
                }
                previous = again;
            }
            value = 0;
            return false;
        }

        /// <summary>Verified read of a register, decoded per its wire format.</summary>
        public int ReadVerified(Register register)
        {
            WireFormat format = RegisterMap.FormatOf(register);
            return RegisterMap.Decode(format, ReadRawVerified(register, RegisterMap.WireBytes(format)));
        }

        private void Transfer(byte[] tx, byte[] rx)
        {
            _spi.TransferFullDuplex(tx, rx);
            _transactions++;
            _bytes += tx.Length;
        }

        private byte[] Tx(int bytes)
        {
            return bytes == 4 ? _write32 : (bytes == 2 ? _write16 : _write8);
        }

        private byte[] Rx(int bytes)
        {
            return bytes == 4 ? _read32 : (bytes == 2 ? _read16 : _read8);
        }
    }
}
