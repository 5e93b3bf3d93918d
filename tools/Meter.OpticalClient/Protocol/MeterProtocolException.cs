namespace Meter.OpticalClient.Protocol;

/// <summary>An IEC 62056-21 exchange failed; the message names what failed and in which state.</summary>
public sealed class MeterProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MeterProtocolException(ProtocolErrorKind kind, string state, string message, string? meterErrorCode = null)
        : base(message)
    {
        Kind = kind;
        State = state;
        MeterErrorCode = meterErrorCode;
    }

    /// <summary>Category of the failure.</summary>
    public ProtocolErrorKind Kind { get; }

    /// <summary>Client state at the failure ("identification", "readout", "password", "R1 1-0:1.8.0", …).</summary>
    public string State { get; }

    /// <summary>The meter's error text, e.g. "ER05", when the meter sent an error message.</summary>
    public string? MeterErrorCode { get; }
}
