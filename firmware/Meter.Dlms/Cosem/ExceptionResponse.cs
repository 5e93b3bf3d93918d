namespace Meter.Dlms
{
    /// <summary>
    /// ExceptionResponse (Green Book, xDLMS: ExceptionResponse ::= SEQUENCE { state-error [0] IMPLICIT ENUMERATED
    /// { service-not-allowed (1), service-unknown (2) }, service-error [1] CHOICE { operation-not-possible [1],
    /// service-not-supported [2], other-reason [3], pdu-too-long [4], … } }): the answer to an APDU the server
    /// cannot serve at all.
    /// </summary>
    public static class ExceptionResponse
    {
        public const int StateServiceNotAllowed = 1, StateServiceUnknown = 2;
        public const int OperationNotPossible = 1, ServiceNotSupported = 2, OtherReason = 3, PduTooLong = 4;

        /// <summary>Writes D8, the state error and the service error.</summary>
        public static void Write(AxdrWriter writer, int stateError, int serviceError)
        {
            writer.WriteByte(CosemApduTag.ExceptionResponse);
            writer.WriteByte(stateError);
            writer.WriteByte(serviceError);
        }
    }
}
