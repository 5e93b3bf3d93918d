namespace Meter.Dlms
{
    /// <summary>Data-Access-Result (IEC 62056-5-3 / Green Book, xDLMS ASN.1): the outcome of one GET or SET of an
    /// attribute, sent in place of the data when it is not success.</summary>
    public enum DataAccessResult
    {
        Success = 0,
        HardwareFault = 1,
        TemporaryFailure = 2,
        ReadWriteDenied = 3,
        ObjectUndefined = 4,
        ObjectClassInconsistent = 9,
        ObjectUnavailable = 11,
        TypeUnmatched = 12,
        ScopeOfAccessViolated = 13,
        DataBlockUnavailable = 14,
        LongGetAborted = 15,
        NoLongGetInProgress = 16,
        LongSetAborted = 17,
        NoLongSetInProgress = 18,
        DataBlockNumberInvalid = 19,
        OtherReason = 250,
    }
}
