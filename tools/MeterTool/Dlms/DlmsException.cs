namespace Meter.Tool.Dlms;

/// <summary>A DLMS/COSEM exchange failed (link, association or a refused service); the message says what and why.</summary>
public sealed class DlmsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DlmsException(string message) : base(message)
    {
    }
}
