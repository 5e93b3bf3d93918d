namespace Meter.Dlms
{
    /// <summary>How a GET/SET/ACTION service left a request: answered, or what exception-response it needs.</summary>
    public enum CosemServiceStatus
    {
        /// <summary>The response is written.</summary>
        Answered = 0,
        /// <summary>The APDU could not be decoded (truncated, bad lengths, trailing bytes).</summary>
        Malformed,
        /// <summary>A request choice this server does not implement.</summary>
        NotSupported,
        /// <summary>The request uses a service option left out of the negotiated conformance block (selective access
        /// without bit 21): ExceptionResponse service-not-allowed / service-not-supported, as for a service not
        /// negotiated.</summary>
        NotNegotiated,
        /// <summary>The answer cannot fit the PDU size the client accepts.</summary>
        TooLong,
    }
}
