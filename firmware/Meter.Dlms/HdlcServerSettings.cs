namespace Meter.Dlms
{
    /// <summary>Configuration of an <see cref="HdlcServerLink"/>, fixed at construction.</summary>
    public sealed class HdlcServerSettings
    {
        /// <summary>Upper HDLC address: the logical device (1 = the management logical device, Green Book 8.4).</summary>
        public int LogicalDevice { get; set; } = 1;

        /// <summary>Lower HDLC address: the physical device (e.g. from the meter number's low digits); 0x10..0x3FFD
        /// for 4-byte addressing, 0x10..0x7D for 2-byte.</summary>
        public int PhysicalAddress { get; set; } = 0x10;

        /// <summary>The server's limits for the SNRM/UA negotiation (window sizes must stay 1: the link keeps one
        /// I frame outstanding each way).</summary>
        public HdlcLinkParameters Limits { get; } = new HdlcLinkParameters();

        /// <summary>Longest APDU either way (reassembly and answer buffers, LLC header not counted).</summary>
        public int MaxApduLength { get; set; } = 1024;

        /// <summary>Inactivity time-out in ms: no valid frame for this long returns the link to NDM; 0 = never
        /// (Blue Book IC 23 IEC HDLC setup, inactivity_time_out, default 120 s).</summary>
        public int InactivityTimeoutMs { get; set; } = 120000;

        /// <summary>Inter-octet time-out in ms: a longer gap inside a frame drops the partial frame
        /// (Blue Book IC 23 IEC HDLC setup, inter_octet_time_out, default 25 ms).</summary>
        public int InterOctetTimeoutMs { get; set; } = 25;
    }
}
