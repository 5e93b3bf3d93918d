namespace Meter.Deploy;

/// <summary>
/// One step of flashing or deploying: an external command (<see cref="Program"/> with
/// <see cref="Arguments"/>), or, when <see cref="Program"/> is null, a file the helper writes itself.
/// </summary>
public sealed record DeployStep(string What, string? Program, string[] Arguments)
{
    /// <summary>The command line as a user types it (arguments with spaces quoted); the description for an internal step.</summary>
    public string CommandLine =>
        Program == null ? "(helper) " + What : string.Join(" ", new[] { Program }.Concat(Arguments.Select(Quote)));

    private static string Quote(string argument) =>
        argument.Length == 0 || argument.Any(char.IsWhiteSpace) ? "\"" + argument.Replace("\"", "\\\"") + "\"" : argument;
}
