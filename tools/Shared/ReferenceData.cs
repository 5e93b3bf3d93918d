using System.Runtime.CompilerServices;

namespace Meter.ReferenceData;

/// <summary>
/// Finds a reference load profile (a year at 15 min, see tools/VirtualMeter/scenarios/README.md).
/// The files ship inside the repository, in <see cref="RepositoryFolder"/>, so a fresh clone
/// anywhere has them. Host programs that need one (benchmarks, year-long tests) compile this one
/// file in (linked from tools/Shared). $METER_DATA_DIR, when set, is tried first (another
/// copy, e.g. a new year of data). A missing file is an error naming every place tried: no
/// caller may fall back to an invented load.
/// </summary>
internal static class ReferenceDataFiles
{
    /// <summary>Environment variable naming a folder that holds the reference files.</summary>
    public const string DirectoryVariable = "METER_DATA_DIR";

    /// <summary>Where the files are in the repository, relative to its root.</summary>
    public const string RepositoryFolder = "tools/VirtualMeter/scenarios";

    /// <summary>Full path of <paramref name="fileName"/> (e.g. "residential-pv-2025-15min.csv").</summary>
    /// <exception cref="FileNotFoundException">The file is in none of the places tried; the message lists them.</exception>
    public static string Find(string fileName) => Find(fileName, Environment.GetEnvironmentVariable(DirectoryVariable), RepoRoot());

    /// <summary>As <see cref="Find(string)"/>, with the environment and repository root given (for tests).</summary>
    public static string Find(string fileName, string? dataDirVariable, string? repoRoot)
    {
        var tried = new List<string>();
        if (!string.IsNullOrEmpty(dataDirVariable)) tried.Add(Path.GetFullPath(Path.Combine(dataDirVariable, fileName)));
        if (repoRoot != null) tried.Add(Path.GetFullPath(Path.Combine(repoRoot, RepositoryFolder, fileName)));
        foreach (string path in tried)
            if (File.Exists(path)) return path;
        throw new FileNotFoundException(
            $"reference profile {fileName} not found; tried: {(tried.Count == 0 ? "nothing" : string.Join(", ", tried))}" +
            (repoRoot == null ? " (repository root with MeterFirmware.sln not found)" : "") +
            $". The files ship in {RepositoryFolder}/ of the repository; or set {DirectoryVariable} to a folder holding the file.",
            fileName);
    }

    /// <summary>
    /// The folder holding MeterFirmware.sln: found above the program's own folder (artifacts/
    /// inside the tree), else above this source file (artifacts elsewhere, METER_ARTIFACTS), else
    /// above the current directory; null when none of them is inside a clone.
    /// </summary>
    public static string? RepoRoot() =>
        Above(AppContext.BaseDirectory) ?? Above(Path.GetDirectoryName(ThisFile())) ?? Above(Environment.CurrentDirectory);

    private static string? Above(string? start)
    {
        for (var dir = start == null ? null : new DirectoryInfo(start); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MeterFirmware.sln"))) return dir.FullName;
        return null;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
