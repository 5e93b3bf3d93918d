namespace Meter.Obis
{
    /// <summary>Outcome of a write to the register table; each refusal names its reason.</summary>
    public enum ObisWriteResult
    {
        /// <summary>The value was validated and stored.</summary>
        Accepted = 0,
        /// <summary>No object with that OBIS code in the table.</summary>
        UnknownObject = 1,
        /// <summary>The object is read-only (measured value, status, billing history).</summary>
        ReadOnly = 2,
        /// <summary>The session's password level is below the object's write level.</summary>
        AccessDenied = 3,
        /// <summary>Legal data and the seal / programming switch is closed.</summary>
        SealClosed = 4,
        /// <summary>The value text does not have the object's format.</summary>
        InvalidFormat = 5,
        /// <summary>The value is well formed but outside the object's allowed range.</summary>
        OutOfRange = 6,
        /// <summary>The value text is longer than the object allows.</summary>
        TooLong = 7,
        /// <summary>The owner of the value refused it (e.g. storage busy, locked parameter).</summary>
        Rejected = 8,
    }
}
