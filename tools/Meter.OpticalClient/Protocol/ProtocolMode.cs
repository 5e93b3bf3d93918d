namespace Meter.OpticalClient.Protocol;

/// <summary>Protocol mode declared by the identification's baud character (IEC 62056-21:2002 §6.3.14, §6.4).</summary>
public enum ProtocolMode
{
    /// <summary>Mode A: no baud change, no option select; data at 300 Bd.</summary>
    A,
    /// <summary>Mode B: the meter switches right after the identification; no option select.</summary>
    B,
    /// <summary>Mode C: ACK/option select at 300 Bd, then both switch.</summary>
    C,
}
