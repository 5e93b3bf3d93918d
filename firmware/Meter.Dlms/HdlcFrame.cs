namespace Meter.Dlms
{
    /// <summary>
    /// One decoded HDLC frame type 3 (Green Book 8.4): the fields after the format field. The information field
    /// stays in the decoder's buffer (<see cref="Buffer"/>, <see cref="InformationOffset"/>) and is valid until the next
    /// byte is pushed: the decoder reuses one instance and one buffer for every frame.
    /// </summary>
    public sealed class HdlcFrame
    {
        /// <summary>The segmentation bit S of the format field: more segments of the same information follow.</summary>
        public bool Segmented { get; internal set; }
        /// <summary>Destination upper HDLC address (server: logical device; client: the client address).</summary>
        public int DestinationUpper { get; internal set; }
        /// <summary>Destination lower HDLC address (physical device); -1 for a one-byte address.</summary>
        public int DestinationLower { get; internal set; }
        /// <summary>Destination address field size in bytes (1, 2 or 4).</summary>
        public int DestinationSize { get; internal set; }
        /// <summary>Source upper HDLC address.</summary>
        public int SourceUpper { get; internal set; }
        /// <summary>Source lower HDLC address; -1 for a one-byte address.</summary>
        public int SourceLower { get; internal set; }
        /// <summary>Source address field size in bytes (1, 2 or 4).</summary>
        public int SourceSize { get; internal set; }
        /// <summary>The control field (see <see cref="HdlcControl"/>).</summary>
        public byte Control { get; internal set; }
        /// <summary>The buffer that holds the information field.</summary>
        public byte[] Buffer { get; internal set; }
        /// <summary>Index of the information field in <see cref="Buffer"/>.</summary>
        public int InformationOffset { get; internal set; }
        /// <summary>Length of the information field (0 when the frame has none).</summary>
        public int InformationLength { get; internal set; }
    }
}
