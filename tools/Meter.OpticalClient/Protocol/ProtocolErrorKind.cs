namespace Meter.OpticalClient.Protocol;

/// <summary>What went wrong in an IEC 62056-21 exchange.</summary>
public enum ProtocolErrorKind
{
    /// <summary>The meter did not answer (or stopped in the middle of a message) in time.</summary>
    Timeout,
    /// <summary>A received block's BCC does not match its content (after the allowed repeats).</summary>
    BccMismatch,
    /// <summary>The meter answered NAK more often than the bounded repeat count.</summary>
    Nak,
    /// <summary>The meter refused the password (error message or NAK to P1).</summary>
    PasswordRefused,
    /// <summary>The identification message is not "/XXXZident CR LF".</summary>
    MalformedIdentification,
    /// <summary>A frame has the wrong shape (missing STX, ETX, …).</summary>
    MalformedFrame,
    /// <summary>The meter answered with an error message "(ERxx)".</summary>
    MeterError,
    /// <summary>The answer is well-formed but not what the state expects.</summary>
    UnexpectedAnswer,
    /// <summary>The link is open but not a character came: another client may hold the port (a shared link such as the virtual meter's TCP port).</summary>
    PortBusy,
}
