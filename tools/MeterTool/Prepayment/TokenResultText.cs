namespace Meter.Tool.Prepayment;

/// <summary>What the meter's last-token result 0-0:128.30.7 (firmware Meter.Core TokenResult) means.</summary>
public static class TokenResultText
{
    /// <summary>A sentence for result <paramref name="code"/>.</summary>
    public static string Describe(long code) => code switch
    {
        -1 => "no token written since the meter started",
        0 => "applied",
        1 => "not a token (32 hexadecimal characters expected)",
        2 => "made for another meter (meter-number binding differs)",
        3 => "integrity check failed: altered, or made with another secret",
        4 => "already applied (replayed)",
        5 => "out of sequence: a later token was already applied",
        6 => "the meter has no token secret yet",
        7 => "the credit would pass the meter's limit",
        8 => "prepayment is not active on this meter",
        _ => $"refused with result {code}",
    };
}
