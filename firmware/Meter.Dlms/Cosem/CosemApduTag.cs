namespace Meter.Dlms
{
    /// <summary>First bytes of the APDUs (Green Book: ACSE APDUs in BER, xDLMS APDUs in A-XDR; LN referencing, no
    /// ciphering) and the request/response choices after them.</summary>
    public static class CosemApduTag
    {
        public const byte Aarq = 0x60, Aare = 0x61, Rlrq = 0x62, Rlre = 0x63;
        public const byte InitiateRequest = 0x01, InitiateResponse = 0x08, ConfirmedServiceError = 0x0E;
        public const byte GetRequest = 0xC0, SetRequest = 0xC1, ActionRequest = 0xC3;
        public const byte GetResponse = 0xC4, SetResponse = 0xC5, ActionResponse = 0xC7;
        public const byte ExceptionResponse = 0xD8;

        // Request/response choices of GET, SET and ACTION.
        public const byte Normal = 1, Next = 2, WithList = 3;          // Get-Request; Get-Response: 1 normal, 2 with-datablock, 3 with-list
        public const byte WithDatablock = 2;
        public const byte SetWithFirstDatablock = 2, SetWithDatablock = 3, SetWithList = 4;
    }
}
