namespace Meter.Dlms
{
    /// <summary>Why the HDLC decoder dropped a frame (IEC 62056-46 / Green Book 8.4: invalid frames are
    /// discarded without an answer; the reason is kept for diagnostics and tests).</summary>
    public enum HdlcRejectReason
    {
        /// <summary>No frame was rejected.</summary>
        None = 0,
        /// <summary>The format field's type is not 0xA (frame format type 3, Green Book 8.4).</summary>
        BadFormatType,
        /// <summary>The length field is below the smallest frame (format, two one-byte addresses, control, FCS = 7).</summary>
        FrameTooShort,
        /// <summary>The byte after the number of bytes the length field announced is not the closing flag, or the
        /// announced length leaves no room for the FCS, or a 1- or 2-byte rest that cannot be HCS + information.</summary>
        LengthMismatch,
        /// <summary>An address field has no byte with the extension bit within 4 bytes.</summary>
        AddressTooLong,
        /// <summary>An address field of 3 bytes (only 1, 2 or 4 are defined, Green Book 8.4).</summary>
        BadAddressSize,
        /// <summary>The header check sequence is wrong.</summary>
        BadHcs,
        /// <summary>The frame check sequence is wrong.</summary>
        BadFcs,
        /// <summary>The information field is longer than the negotiated maximum receive length.</summary>
        InformationTooLong,
        /// <summary>The gap between two bytes of a frame exceeded the inter-character time-out: the partial frame is dropped.</summary>
        InterCharacterTimeout,
    }
}
