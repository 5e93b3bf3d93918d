using System;

namespace Meter.Hal.Device
{
    /// <summary>
    /// <see cref="ISerialLink"/> for the optical port: 7E1 characters (IEC 62056-21:2002 clause 6)
    /// over an 8N1 <see cref="IUartPort"/>, parity computed and checked in software
    /// (<see cref="EvenParity7"/>). Received characters with a parity error are dropped and
    /// counted. Buffers are allocated once; nothing allocates per character. In
    /// <see cref="SerialCharacterFormat.EightNoneOne"/> (HDLC after the mode-E switch) bytes pass unchanged.
    /// </summary>
    public sealed class SoftwareParitySerialLink : ISerialLink, ISerialCharacterFormat
    {
        /// <summary>Characters held between the UART and the reader.</summary>
        public const int ReceiveCapacity = 512;

        private const int ChunkBytes = 64;

        private readonly IUartPort _port;
        private readonly byte[] _ring = new byte[ReceiveCapacity];
        private readonly byte[] _chunk = new byte[ChunkBytes];
        private int _head;   // next character to read
        private int _count;  // characters in the ring
        private long _parityErrors;
        private bool _eightBit;

        /// <summary>Runs the link over <paramref name="port"/>, opened 8N1.</summary>
        public SoftwareParitySerialLink(IUartPort port)
        {
            if (port == null) throw new ArgumentNullException("port");
            _port = port;
        }

        /// <summary>Received characters dropped because of a parity error, since start-up.</summary>
        public long ParityErrors { get { return _parityErrors; } }

        /// <inheritdoc />
        public SerialCharacterFormat CharacterFormat
        {
            get { return _eightBit ? SerialCharacterFormat.EightNoneOne : SerialCharacterFormat.SevenEvenOne; }
            set { _eightBit = value == SerialCharacterFormat.EightNoneOne; }
        }

        /// <inheritdoc />
        public int BaudRate
        {
            get { return _port.BaudRate; }
            set
            {
                if (value <= 0) throw new ArgumentOutOfRangeException("value", "baud rate must be positive");
                _port.BaudRate = value;
            }
        }

        /// <inheritdoc />
        public int BytesToRead
        {
            get
            {
                Pump();
                return _count;
            }
        }

        /// <summary>
        /// Always 0: <see cref="Write"/> returns once the UART driver has taken the characters
        /// (System.IO.Ports' Write blocks until then), so nothing of ours is queued.
        /// </summary>
        public int BytesToWrite { get { return 0; } }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            Pump();
            int copied = 0;
            while (copied < count && _count > 0)
            {
                buffer[offset + copied] = _ring[_head];
                _head = (_head + 1) % ReceiveCapacity;
                _count--;
                copied++;
            }
            return copied;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            // Validate every character first, so a bad one sends nothing at all.
            for (int i = 0; i < count && !_eightBit; i++)
                if (buffer[offset + i] > EvenParity7.MaxCharacter)
                    throw new ArgumentException("optical port characters are 7-bit: a byte is above 0x7F", "buffer");
            int sent = 0;
            while (sent < count)
            {
                int n = count - sent;
                if (n > ChunkBytes) n = ChunkBytes;
                for (int i = 0; i < n; i++)
                {
                    byte b = buffer[offset + sent + i];
                    _chunk[i] = _eightBit ? b : EvenParity7.Encode(b);
                }
                _port.Write(_chunk, 0, n);
                sent += n;
            }
        }

        /// <inheritdoc />
        public void DiscardInBuffer()
        {
            // Drain the UART, then forget everything buffered here.
            int waiting = _port.BytesToRead;
            while (waiting > 0)
            {
                int n = _port.Read(_chunk, 0, waiting < ChunkBytes ? waiting : ChunkBytes);
                if (n <= 0) break;
                waiting = _port.BytesToRead;
            }
            _head = 0;
            _count = 0;
        }

        /// <summary>Moves what the UART received into the ring, decoding and checking parity; stops when the ring is full (the rest waits in the UART).</summary>
        private void Pump()
        {
            while (true)
            {
                int room = ReceiveCapacity - _count;
                int waiting = _port.BytesToRead;
                if (room == 0 || waiting <= 0) return;
                int n = waiting;
                if (n > room) n = room;
                if (n > ChunkBytes) n = ChunkBytes;
                n = _port.Read(_chunk, 0, n);
                if (n <= 0) return;
                for (int i = 0; i < n; i++)
                {
                    byte character = _chunk[i];
                    if (_eightBit || EvenParity7.TryDecode(_chunk[i], out character))
                    {
                        _ring[(_head + _count) % ReceiveCapacity] = character;
                        _count++;
                    }
                    else
                    {
                        _parityErrors++;
                    }
                }
            }
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
                throw new ArgumentOutOfRangeException("count", "offset and count must lie within the buffer");
        }
    }
}
