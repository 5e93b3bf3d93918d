namespace Meter.Dlms
{
    /// <summary>What one byte fed to <see cref="WrapperDecoder.Push"/> completed.</summary>
    public enum WrapperDecodeStatus
    {
        /// <summary>More bytes are needed.</summary>
        Pending = 0,
        /// <summary>A complete APDU is in the decoder.</summary>
        ApduReady,
        /// <summary>The stream is invalid; <see cref="WrapperDecoder.LastError"/> says why. Further bytes are ignored
        /// until <see cref="WrapperDecoder.Reset"/>.</summary>
        Failed,
    }
}
