namespace Meter.Hal
{
    /// <summary>
    /// A byte-oriented asynchronous serial link (UART behind the optical head or an RS-485
    /// transceiver). Character framing (for IEC 62056-21: 1 start, 7 data, even parity, 1 stop)
    /// is the link's job: the caller sees 7-bit characters as bytes 0x00..0x7F. Nothing blocks:
    /// reads return what has arrived, writes queue for transmission.
    /// </summary>
    public interface ISerialLink
    {
        /// <summary>
        /// Current bit rate in baud for both directions. Setting it takes effect at once, so set
        /// it only when <see cref="BytesToWrite"/> is zero (a character in flight would be sent
        /// at a mixed rate).
        /// </summary>
        int BaudRate { get; set; }

        /// <summary>Number of received characters waiting to be read.</summary>
        int BytesToRead { get; }

        /// <summary>
        /// Number of written characters not yet completely on the line (queued or in the
        /// shift register). Zero means the last stop bit has been sent.
        /// </summary>
        int BytesToWrite { get; }

        /// <summary>
        /// Copies up to <paramref name="count"/> received characters into
        /// <paramref name="buffer"/> at <paramref name="offset"/>; returns how many were copied
        /// (0 when none are waiting). Characters received with a parity or framing error are
        /// discarded by the link.
        /// </summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>
        /// Queues <paramref name="count"/> characters from <paramref name="buffer"/> at
        /// <paramref name="offset"/> for transmission at the current baud rate.
        /// </summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Discards every received character not yet read.</summary>
        void DiscardInBuffer();
    }
}
