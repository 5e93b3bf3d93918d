namespace Meter.Dlms
{
    /// <summary>Why a wrapper stream was refused (IEC 62056-47). A TCP stream cannot resynchronise after one: the
    /// connection should be closed.</summary>
    public enum WrapperError
    {
        /// <summary>No error.</summary>
        None = 0,
        /// <summary>The version field is not 0x0001.</summary>
        BadVersion,
        /// <summary>The length field is 0: no APDU.</summary>
        EmptyApdu,
        /// <summary>The length field exceeds the receive buffer (the longest APDU accepted).</summary>
        ApduTooLong,
    }
}
