using System.Reflection;

namespace Meter.NanoGuard.Tests;

/// <summary>Where the repository and its allow-list are, as recorded at build time.</summary>
internal static class RepoFiles
{
    public static readonly string Root = typeof(RepoFiles).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static readonly string AllowListPath = Path.Combine(Root, "tools", "nano-api.txt");

    private static readonly Lazy<AllowList> Parsed = new(() => AllowList.Parse(File.ReadAllText(AllowListPath), "tools/nano-api.txt"));

    public static AllowList AllowList => Parsed.Value;
}
