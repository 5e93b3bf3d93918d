namespace Meter.NanoGuard.Tests;

/// <summary>
/// Issue 17: no source file over 400 lines without a stated reason at its top. A long file must open with a
/// "// Longer than 400 lines: …" comment that says why it stays whole, so a newcomer knows it was a choice.
/// </summary>
public class LongFileTests
{
    private const int MaxLines = 400;
    private const string Reason = "// Longer than 400 lines:";

    [Fact]
    public void Every_source_file_over_400_lines_states_why_at_its_top()
    {
        var unexplained = new[] { "firmware", "hal", "boards", "tools" }
            .Select(top => Path.Combine(RepoFiles.Root, top))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
            .Where(p => !Path.GetRelativePath(RepoFiles.Root, p).Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj" or "artifacts"))
            .Where(p => File.ReadLines(p).Count() > MaxLines && !File.ReadLines(p).Take(5).Any(l => l.StartsWith(Reason, StringComparison.Ordinal)))
            .Select(p => Path.GetRelativePath(RepoFiles.Root, p).Replace('\\', '/'))
            .ToList();
        Assert.True(unexplained.Count == 0,
            $"files over {MaxLines} lines without a \"{Reason} …\" comment in their first lines (split them, or say why not): " + string.Join(", ", unexplained));
    }
}
