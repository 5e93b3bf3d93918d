namespace Meter.Hal
{
    /// <summary>
    /// Byte-addressable non-volatile memory: an SPI FRAM (e.g. Fujitsu MB85RS2MT, 256 KiB) or
    /// EEPROM on the reference board, sharing the ADE7880's SPI bus with its own chip select; a
    /// file or a RAM image on the host. Reads and writes go into caller buffers so that the
    /// metering cycle allocates nothing.
    /// </summary>
    /// <remarks>
    /// A write is NOT atomic: a power cut may stop it after any byte, leaving the bytes before
    /// the cut new and the rest old. Storage code above this interface must be written so that
    /// such a torn write never loses the previous committed value.
    /// </remarks>
    public interface INvMemory
    {
        /// <summary>Size of the memory in bytes; valid addresses are 0 … Size-1.</summary>
        int Size { get; }

        /// <summary>
        /// Program page size in bytes (EEPROM: one write cycle programs at most one page and the
        /// implementation splits writes at page boundaries; FRAM has no pages and reports 1).
        /// </summary>
        int PageSize { get; }

        /// <summary>
        /// Guaranteed write cycles of each byte (EEPROM: 1 000 000 per page; MB85RS2MT FRAM:
        /// 10^13 per byte, data sheet "Read/write endurance").
        /// </summary>
        long WriteEndurance { get; }

        /// <summary>Reads <paramref name="count"/> bytes at <paramref name="address"/> into <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        void Read(int address, byte[] buffer, int offset, int count);

        /// <summary>
        /// Writes <paramref name="count"/> bytes of <paramref name="buffer"/> from
        /// <paramref name="offset"/> at <paramref name="address"/>, in ascending address order.
        /// </summary>
        void Write(int address, byte[] buffer, int offset, int count);
    }
}
