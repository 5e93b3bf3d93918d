namespace Meter.Dlms
{
    /// <summary>Why the parameter negotiation field of a SNRM was refused (Green Book 8.4).</summary>
    public enum HdlcParameterError
    {
        /// <summary>Accepted.</summary>
        None = 0,
        /// <summary>The format identifier is not 0x81.</summary>
        BadFormatIdentifier,
        /// <summary>The group identifier is not 0x80.</summary>
        BadGroupIdentifier,
        /// <summary>The group length disagrees with the information field, or a parameter runs past it.</summary>
        GroupLengthMismatch,
        /// <summary>A parameter value of 0 or more than 4 bytes.</summary>
        BadParameterLength,
        /// <summary>A maximum information length of 0 or a window size outside 1..7.</summary>
        ValueOutOfRange,
    }
}
