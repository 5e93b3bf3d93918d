namespace Meter.Boards
{
    /// <summary>The non-volatile memory a board carries.</summary>
    public sealed class NvMemoryPart
    {
        /// <summary>A part named <paramref name="partNumber"/> of <paramref name="sizeBytes"/> bytes.</summary>
        public NvMemoryPart(string partNumber, int sizeBytes)
        {
            PartNumber = partNumber;
            SizeBytes = sizeBytes;
        }

        /// <summary>Manufacturer part number.</summary>
        public string PartNumber { get; }
        /// <summary>Capacity, bytes.</summary>
        public int SizeBytes { get; }
    }
}
