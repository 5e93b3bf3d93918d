namespace Meter.Dlms
{
    /// <summary>Action-Result (IEC 62056-5-3 / Green Book, xDLMS ASN.1): the outcome of an ACTION.</summary>
    public enum ActionResult
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
        LongActionAborted = 15,
        NoLongActionInProgress = 16,
        OtherReason = 250,
    }
}
