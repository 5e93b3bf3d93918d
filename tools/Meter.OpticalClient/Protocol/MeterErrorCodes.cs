namespace Meter.OpticalClient.Protocol;

/// <summary>
/// Meaning of the error messages "(ERnn)" this project's meter sends (mirrors
/// firmware/Meter.Optical OpticalErrorCode; the texts are manufacturer-specific per
/// IEC 62056-21:2002 §6.3.10). Unknown codes are shown as sent.
/// </summary>
public static class MeterErrorCodes
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["ER01"] = "command not supported",
        ["ER02"] = "wrong password",
        ["ER03"] = "not logged in (P1 first)",
        ["ER04"] = "port locked after repeated wrong passwords",
        ["ER05"] = "no object with that OBIS code",
        ["ER06"] = "object is read-only",
        ["ER07"] = "password level too low for the object",
        ["ER08"] = "legal data: seal / programming switch closed",
        ["ER09"] = "value text malformed for the object (for a list read: the entry number is not two digits)",
        ["ER10"] = "value out of range (for a list read: entry 00)",
        ["ER11"] = "value text too long",
        ["ER12"] = "value refused by the meter",
        ["ER13"] = "command data malformed",
    };

    /// <summary>"= meaning" for a known code, "" otherwise.</summary>
    public static string Describe(string code) => Texts.TryGetValue(code, out var text) ? "= " + text : "";
}
