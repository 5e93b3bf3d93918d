namespace Meter.Dlms
{
    /// <summary>What one byte fed to <see cref="HdlcFrameDecoder.Push"/> completed.</summary>
    public enum HdlcDecodeStatus
    {
        /// <summary>Nothing yet: between frames or inside one.</summary>
        Pending = 0,
        /// <summary>A valid frame is in <see cref="HdlcFrameDecoder.Frame"/>.</summary>
        FrameReady,
        /// <summary>A frame was dropped; <see cref="HdlcFrameDecoder.LastRejection"/> says why.</summary>
        Rejected,
    }
}
