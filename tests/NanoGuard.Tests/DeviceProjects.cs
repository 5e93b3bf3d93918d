using System.Xml.Linq;

namespace Meter.NanoGuard.Tests;

/// <summary>
/// The device projects of the repository: every .csproj with &lt;NanoSubset&gt;true&lt;/NanoSubset&gt;,
/// with its sibling .nfproj (the nanoFramework build over the same sources). Under tools/ too: the bench
/// rig's firmware (tools/RigFirmware) runs on an ESP32 like the meter's.
/// </summary>
internal sealed record DeviceProject(string CsprojPath, string AssemblyName)
{
    public string Directory => Path.GetDirectoryName(CsprojPath)!;

    public string RelativePath => Path.GetRelativePath(RepoFiles.Root, CsprojPath).Replace('\\', '/');

    public static IReadOnlyList<DeviceProject> All { get; } = Find();

    public static ISet<string> AssemblyNames { get; } = new HashSet<string>(All.Select(p => p.AssemblyName), StringComparer.Ordinal);

    private static IReadOnlyList<DeviceProject> Find()
    {
        var result = new List<DeviceProject>();
        foreach (var top in new[] { "firmware", "hal", "boards", "tools" })
        {
            var dir = Path.Combine(RepoFiles.Root, top);
            if (!System.IO.Directory.Exists(dir)) continue;
            foreach (var csproj in System.IO.Directory.EnumerateFiles(dir, "*.csproj", SearchOption.AllDirectories))
            {
                var doc = XDocument.Load(csproj);
                bool nano = doc.Descendants("NanoSubset").Any(e => e.Value.Trim() == "true");
                if (!nano) continue;
                var name = doc.Descendants("AssemblyName").FirstOrDefault()?.Value.Trim()
                           ?? Path.GetFileNameWithoutExtension(csproj);
                result.Add(new DeviceProject(csproj, name));
            }
        }
        return result.OrderBy(p => p.AssemblyName, StringComparer.Ordinal).ToList();
    }
}
