using System;

namespace Meter.Hal.Fram
{
    /// <summary>
    /// <see cref="INvMemory"/> on a Fujitsu/RAMXEED MB85RS-series SPI FRAM (MB85RS2MT, 256 KiB,
    /// on the reference board). FRAM writes at bus speed with no pages and no write delay, so a
    /// write is a WREN frame then a WRITE frame per chunk. Frames are at most
    /// <see cref="ChunkBytes"/> data bytes; the frame buffers of every length are allocated once.
    /// <see cref="Dispose"/> releases the SPI device it was given (when that is disposable).
    /// </summary>
    public sealed class SpiFram : INvMemory, IDisposable
    {
        /// <summary>Data bytes per SPI frame.</summary>
        public const int ChunkBytes = 32;

        // MB85RS2MT data sheet, "Command" table: op-codes (inside the driver: users see INvMemory).
        /// <summary>Set write enable latch.</summary>
        internal const byte WriteEnableOpcode = 0x06;
        /// <summary>Read memory code.</summary>
        internal const byte ReadOpcode = 0x03;
        /// <summary>Write memory code.</summary>
        internal const byte WriteOpcode = 0x02;
        /// <summary>Read device ID.</summary>
        internal const byte ReadIdOpcode = 0x9F;
        /// <summary>Fujitsu manufacturer ID, first byte of RDID (MB85RS2MT data sheet, "RDID").</summary>
        public const byte FujitsuManufacturerId = 0x04;
        /// <summary>Continuation code, second byte of RDID.</summary>
        public const byte ContinuationCode = 0x7F;

        private readonly ISpiDevice _spi;
        private readonly int _size;
        private readonly int _addressBytes;
        private readonly byte[][] _tx;
        private readonly byte[][] _rx;
        private readonly byte[] _wrenTx = new byte[] { WriteEnableOpcode };
        private readonly byte[] _wrenRx = new byte[1];
        private readonly byte[] _idTx = new byte[5];
        private readonly byte[] _idRx = new byte[5];
        private bool _disposed;

        /// <summary>
        /// A FRAM of <paramref name="sizeBytes"/> bytes on <paramref name="spi"/>. Parts above
        /// 64 KiB take a 3-byte address (MB85RS1MT/2MT), smaller ones 2 bytes (MB85RS64V/256B).
        /// </summary>
        public SpiFram(ISpiDevice spi, int sizeBytes)
        {
            if (spi == null) throw new ArgumentNullException("spi");
            if (sizeBytes <= 0 || sizeBytes > 0x1000000)
                throw new ArgumentOutOfRangeException("sizeBytes", "FRAM size must be 1 byte to 16 MiB");
            _spi = spi;
            _size = sizeBytes;
            _addressBytes = sizeBytes > 0x10000 ? 3 : 2;
            int longest = 1 + _addressBytes + ChunkBytes;
            _tx = new byte[longest + 1][];
            _rx = new byte[longest + 1][];
            for (int n = 1; n <= longest; n++)
            {
                _tx[n] = new byte[n];
                _rx[n] = new byte[n];
            }
        }

        /// <inheritdoc />
        public int Size { get { return _size; } }

        /// <summary>1: FRAM has no program pages.</summary>
        public int PageSize { get { return 1; } }

        /// <summary>10^13 write cycles a byte (MB85RS2MT data sheet, "Read/write endurance").</summary>
        public long WriteEndurance { get { return 10000000000000L; } }

        /// <summary>Bytes of address sent after each read/write op-code (2 or 3).</summary>
        internal int AddressBytes { get { return _addressBytes; } }

        /// <summary>
        /// Diagnostics (a wiring check at start-up, not needed to use the memory): reads the 4-byte
        /// device ID (RDID) into <paramref name="id"/> and checks the Fujitsu manufacturer ID and
        /// continuation code; throws <see cref="InvalidOperationException"/> when the chip does not
        /// answer as an MB85RS FRAM (MISO stuck, wrong chip select).
        /// </summary>
        public void ReadDeviceId(byte[] id)
        {
            CheckNotDisposed();
            if (id == null || id.Length < 4) throw new ArgumentException("device ID buffer needs 4 bytes", "id");
            _idTx[0] = ReadIdOpcode;
            for (int i = 1; i < _idTx.Length; i++) _idTx[i] = 0;
            _spi.TransferFullDuplex(_idTx, _idRx);
            for (int i = 0; i < 4; i++) id[i] = _idRx[i + 1];
            if (id[0] != FujitsuManufacturerId || id[1] != ContinuationCode)
                throw new InvalidOperationException("FRAM did not answer RDID with the Fujitsu ID 04 7F: check wiring and chip select");
        }

        /// <inheritdoc />
        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, buffer, offset, count);
            int done = 0;
            while (done < count)
            {
                int n = count - done;
                if (n > ChunkBytes) n = ChunkBytes;
                int frame = 1 + _addressBytes + n;
                byte[] tx = _tx[frame];
                byte[] rx = _rx[frame];
                PutHeader(tx, ReadOpcode, address + done);
                for (int i = 1 + _addressBytes; i < frame; i++) tx[i] = 0;
                _spi.TransferFullDuplex(tx, rx);
                Array.Copy(rx, 1 + _addressBytes, buffer, offset + done, n);
                done += n;
            }
        }

        /// <inheritdoc />
        public void Write(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, buffer, offset, count);
            int done = 0;
            while (done < count)
            {
                int n = count - done;
                if (n > ChunkBytes) n = ChunkBytes;
                int frame = 1 + _addressBytes + n;
                byte[] tx = _tx[frame];
                // The write enable latch clears at the end of every WRITE (MB85RS2MT data sheet,
                // "WREN"/"WRITE"), so each chunk is preceded by its own WREN.
                _spi.TransferFullDuplex(_wrenTx, _wrenRx);
                PutHeader(tx, WriteOpcode, address + done);
                Array.Copy(buffer, offset + done, tx, 1 + _addressBytes, n);
                _spi.TransferFullDuplex(tx, _rx[frame]);
                done += n;
            }
        }

        /// <summary>
        /// Releases the SPI device (disposed when it is <see cref="IDisposable"/>); every later
        /// read or write throws <see cref="ObjectDisposedException"/>. Safe to call twice.
        /// </summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Disposal.Release(_spi);
        }

        private void CheckNotDisposed()
        {
            if (_disposed) throw new ObjectDisposedException("SpiFram");
        }

        private void PutHeader(byte[] frame, byte opcode, int address)
        {
            frame[0] = opcode;
            // Address MSB first (MB85RS2MT data sheet, READ/WRITE timing: 24-bit address, upper 6 bits don't care).
            for (int i = 0; i < _addressBytes; i++)
                frame[1 + i] = (byte)(address >> (8 * (_addressBytes - 1 - i)));
        }

        private void CheckRange(int address, byte[] buffer, int offset, int count)
        {
            CheckNotDisposed();
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
                throw new ArgumentOutOfRangeException("count", "offset and count must lie within the buffer");
            if (address < 0 || address > _size - count)
                throw new ArgumentOutOfRangeException("address", "FRAM access beyond the end of the memory");
        }
    }
}
