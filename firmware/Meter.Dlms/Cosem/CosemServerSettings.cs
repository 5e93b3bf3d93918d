namespace Meter.Dlms
{
    /// <summary>Sizes and addresses of a <see cref="CosemServer"/>, fixed at construction.</summary>
    public sealed class CosemServerSettings
    {
        /// <summary>SAP of the public client: lowest level security, read-only (Green Book: public client 0x10).</summary>
        public int PublicClientSap { get; set; } = 16;
        /// <summary>SAP of the management client: low level security (password).</summary>
        public int ManagementClientSap { get; set; } = 1;
        /// <summary>SAP of this logical device (associated_partners_id of the Association LN object).</summary>
        public int ServerSap { get; set; } = 1;
        /// <summary>server-max-receive-pdu-size announced in the InitiateResponse; longer requests are refused.</summary>
        public int MaxReceivePduSize { get; set; } = 1024;
        /// <summary>The longest encoded GET answer held whole (sent in blocks when longer than a PDU), e.g. the object list: with the profiles, calendar and SAP objects the management client's list is over 4096 B. Profile buffers stream and need no room here.</summary>
        public int LongDataCapacity { get; set; } = 8192;
        /// <summary>The server's conformance block (24 bits); the negotiated one is the client's AND this.</summary>
        public int Conformance { get; set; } = XdlmsConformance.Server;
    }
}
