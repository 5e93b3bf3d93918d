namespace Meter.Dlms
{
    /// <summary>
    /// The HDLC parameters negotiated by SNRM/UA (Green Book 8.4, IEC 62056-46), seen from one
    /// station: what it may send (transmit) and what it accepts (receive).
    /// </summary>
    public sealed class HdlcLinkParameters
    {
        /// <summary>Default maximum information field length, both directions (Green Book 8.4).</summary>
        public const int DefaultMaxInformationLength = 128;
        /// <summary>Default window size, both directions (Green Book 8.4).</summary>
        public const int DefaultWindowSize = 1;

        /// <summary>Longest information field this station sends.</summary>
        public int MaxInformationTransmit { get; set; } = DefaultMaxInformationLength;
        /// <summary>Longest information field this station accepts.</summary>
        public int MaxInformationReceive { get; set; } = DefaultMaxInformationLength;
        /// <summary>I frames this station sends before it needs an acknowledgement.</summary>
        public int WindowTransmit { get; set; } = DefaultWindowSize;
        /// <summary>I frames this station accepts before it acknowledges.</summary>
        public int WindowReceive { get; set; } = DefaultWindowSize;

        /// <summary>Back to the defaults (a SNRM without parameters).</summary>
        public void SetDefaults()
        {
            MaxInformationTransmit = DefaultMaxInformationLength;
            MaxInformationReceive = DefaultMaxInformationLength;
            WindowTransmit = DefaultWindowSize;
            WindowReceive = DefaultWindowSize;
        }

        /// <summary>Copies all four values.</summary>
        public void CopyFrom(HdlcLinkParameters other)
        {
            MaxInformationTransmit = other.MaxInformationTransmit;
            MaxInformationReceive = other.MaxInformationReceive;
            WindowTransmit = other.WindowTransmit;
            WindowReceive = other.WindowReceive;
        }
    }
}
