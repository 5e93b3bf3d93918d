namespace Meter.OpticalClient.Protocol;

/// <summary>Control and framing characters of IEC 62056-21:2002 §6.3 (ISO/IEC 646 / ISO 1745 codes).</summary>
public static class ControlCharacters
{
    /// <summary>Start of header: begins a programming command message.</summary>
    public const byte Soh = 0x01;
    /// <summary>Start of text: begins a data block.</summary>
    public const byte Stx = 0x02;
    /// <summary>End of text: ends the last (or only) block; the BCC follows.</summary>
    public const byte Etx = 0x03;
    /// <summary>End of transmission: ends a partial block; the BCC follows.</summary>
    public const byte Eot = 0x04;
    /// <summary>Positive acknowledge; also the first character of the option-select message.</summary>
    public const byte Ack = 0x06;
    /// <summary>Negative acknowledge: repeat request.</summary>
    public const byte Nak = 0x15;
    /// <summary>Carriage return.</summary>
    public const byte Cr = 0x0D;
    /// <summary>Line feed.</summary>
    public const byte Lf = 0x0A;
}
