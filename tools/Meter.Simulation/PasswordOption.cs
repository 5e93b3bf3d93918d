using Meter.Obis;
using Meter.Optical;

namespace Meter.Simulation;

/// <summary>The virtual meter's --password checked against the meter's rules, in the user's words (not the internal setting's name).</summary>
public static class PasswordOption
{
    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong with <paramref name="password"/>.</summary>
    public static void Check(string password)
    {
        const int max = OpticalPortSettings.MaximumPasswordLength;
        if (password.Length == 0)
            throw new ArgumentException($"--password '': the optical port password has 1..{max} characters");
        if (password.Length > max)
            throw new ArgumentException($"--password '{password}': {password.Length} characters; the optical port password has 1..{max}");
        foreach (char c in password)
        {
            // A value character (IEC 62056-21:2002 §6.5): printable ASCII except ( ) * / !, which frame the data set.
            if (c >= 128 || !TextDataObject.IsValueCharacter((byte)c))
                throw new ArgumentException($"--password '{password}': '{c}' cannot be in the optical port password (1..{max} printable characters, none of ( ) * / !)");
        }
    }
}
