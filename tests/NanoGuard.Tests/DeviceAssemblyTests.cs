namespace Meter.NanoGuard.Tests;

/// <summary>
/// The guard applied to the real device assemblies: each one must contain nothing that
/// nanoFramework cannot run. A failure lists every offender as "OurType::Member: reason".
/// </summary>
public class DeviceAssemblyTests
{
    public static TheoryData<string> DeviceAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var p in DeviceProject.All) data.Add(p.AssemblyName);
        return data;
    }

    [Theory]
    [MemberData(nameof(DeviceAssemblies))]
    public void Device_assembly_uses_only_what_nanoFramework_provides(string assemblyName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        Assert.True(File.Exists(path),
            $"{assemblyName}.dll is not next to the guard: add a ProjectReference to its .csproj in tests/NanoGuard.Tests/NanoGuard.Tests.csproj");
        var violations = MetadataGuard.Check(path, DeviceProject.AssemblyNames, RepoFiles.AllowList);
        Assert.True(violations.Count == 0,
            $"{assemblyName} uses {violations.Count} thing(s) nanoFramework cannot run " +
            "(see docs/nanoframework.md; add to tools/nano-api.txt only what nanoFramework's sources confirm):\n" +
            string.Join("\n", violations.Select(v => "  " + v)));
    }

    [Fact]
    public void Every_device_project_is_covered_by_the_guard()
    {
        Assert.NotEmpty(DeviceProject.All);
        var missing = DeviceProject.All
            .Where(p => !File.Exists(Path.Combine(AppContext.BaseDirectory, p.AssemblyName + ".dll")))
            .Select(p => p.RelativePath)
            .ToList();
        Assert.True(missing.Count == 0,
            "device projects not referenced by tests/NanoGuard.Tests (so not checked): " + string.Join(", ", missing));
    }

    [Fact]
    public void Allow_list_parses()
    {
        // Parsing throws, naming the line, on malformed entries, duplicates and generic types.
        Assert.NotEmpty(RepoFiles.AllowList.Types);
        Assert.Contains("System.Object::.ctor()", RepoFiles.AllowList.Members);
    }
}
