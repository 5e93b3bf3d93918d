using System.Xml.Linq;

namespace Meter.NanoGuard.Tests;

/// <summary>
/// No device code escapes the guard: every host project under firmware/, hal/ and boards/ is a
/// device project (NanoSubset), except the host simulation; every nanoFramework project has a
/// host twin, except the few nano-only ones the host cannot compile, whose files are listed in
/// their README and kept small.
/// </summary>
public class NoEscapeTests
{
    /// <summary>Host-only code inside the device folders (nanoframework.md: "hal/ (all but the host simulation)").</summary>
    private static readonly string[] HostOnly = { "hal/Meter.Hal.Simulation/Meter.Hal.Simulation.csproj" };

    /// <summary>nanoFramework projects without a host .csproj: they call nanoFramework-only APIs.</summary>
    private static readonly string[] NanoOnly =
    {
        "firmware/Meter.App/Meter.App.nfproj",
        "hal/Meter.Hal.Esp32/Meter.Hal.Esp32.nfproj",
        "tests/Meter.OnBoard.Tests/Meter.OnBoard.Tests.nfproj",
    };

    /// <summary>
    /// Upper bound on a nano-only source file: nothing checks these files but review, so logic
    /// belongs in host-built, tested code and these only wire it to nanoFramework's APIs.
    /// </summary>
    private const int MaxNanoOnlyLines = 120;

    private static IEnumerable<string> ProjectFiles(string pattern) =>
        new[] { "firmware", "hal", "boards", "tests" }
            .Select(top => Path.Combine(RepoFiles.Root, top))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(RepoFiles.Root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" or "artifacts"))
            .OrderBy(p => p, StringComparer.Ordinal);

    [Fact]
    public void Every_host_project_in_the_device_folders_is_a_device_project()
    {
        var escaped = ProjectFiles("*.csproj")
            .Where(p => !p.StartsWith("tests/", StringComparison.Ordinal) && !HostOnly.Contains(p))
            .Where(p => !XDocument.Load(Path.Combine(RepoFiles.Root, p)).Descendants("NanoSubset").Any(e => e.Value.Trim() == "true"))
            .ToList();
        Assert.True(escaped.Count == 0,
            "host projects under firmware/, hal/ or boards/ without <NanoSubset>true</NanoSubset> (so not checked by the guard): " + string.Join(", ", escaped));
    }

    [Fact]
    public void Every_nanoFramework_project_has_a_host_twin_or_is_a_listed_nano_only_one()
    {
        var lone = ProjectFiles("*.nfproj")
            .Where(p => !NanoOnly.Contains(p))
            .Where(p => !File.Exists(Path.Combine(RepoFiles.Root, Path.ChangeExtension(p, ".csproj"))))
            .ToList();
        Assert.True(lone.Count == 0,
            "nanoFramework projects with no host .csproj over the same sources (so not checked by the guard): " + string.Join(", ", lone) +
            ". Add the .csproj, or, if it cannot build on the host, list it in tests/NanoGuard.Tests/NoEscapeTests.cs and its README.");
        foreach (var p in NanoOnly) Assert.True(File.Exists(Path.Combine(RepoFiles.Root, p)), p + " is listed as nano-only but does not exist");
    }

    [Fact]
    public void Every_driver_sample_is_a_device_project_the_guard_checks()
    {
        // Sample programs (a driver folder's samples/) run on the board like the firmware, so they
        // obey the same rules: each is a NanoSubset project, hence in DeviceProject.All.
        var sampleFolders = new[] { "firmware", "hal", "boards" }
            .Select(top => Path.Combine(RepoFiles.Root, top))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateDirectories(dir, "samples", SearchOption.AllDirectories))
            .Where(d => !Path.GetRelativePath(RepoFiles.Root, d).Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj" or "artifacts"))
            .ToList();
        Assert.NotEmpty(sampleFolders);
        foreach (var folder in sampleFolders)
        {
            var projects = Directory.EnumerateFiles(folder, "*.nfproj", SearchOption.AllDirectories).ToList();
            string relative = Path.GetRelativePath(RepoFiles.Root, folder).Replace('\\', '/');
            Assert.True(projects.Count > 0, relative + " holds no nanoFramework sample project");
            foreach (var nfproj in projects)
            {
                var csproj = Path.ChangeExtension(nfproj, ".csproj");
                Assert.True(DeviceProject.All.Any(p => string.Equals(Path.GetFullPath(p.CsprojPath), Path.GetFullPath(csproj), StringComparison.Ordinal)),
                    Path.GetRelativePath(RepoFiles.Root, nfproj).Replace('\\', '/') + " has no NanoSubset host twin, so the guard does not check it");
            }
        }
    }

    [Theory]
    [InlineData("firmware/Meter.App")]
    [InlineData("hal/Meter.Hal.Esp32")]
    public void Nano_only_files_are_listed_in_their_readme_and_small(string folder)
    {
        string dir = Path.Combine(RepoFiles.Root, folder);
        string readme = File.ReadAllText(Path.Combine(dir, "README.md"));
        foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
            Assert.True(readme.Contains("`" + relative + "`", StringComparison.Ordinal), $"{folder}/README.md does not list `{relative}`");
            int lines = File.ReadAllLines(file).Length;
            Assert.True(lines <= MaxNanoOnlyLines, $"{folder}/{relative} has {lines} lines (> {MaxNanoOnlyLines}): move its logic into host-built, tested code");
        }
    }
}
