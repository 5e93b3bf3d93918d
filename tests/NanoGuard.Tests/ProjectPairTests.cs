using System.Xml.Linq;

namespace Meter.NanoGuard.Tests;

/// <summary>
/// Each device project has two project files over one set of sources: the host .csproj and the
/// nanoFramework .nfproj. These tests keep the two in step, since the .nfproj is not built here.
/// </summary>
public class ProjectPairTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var p in DeviceProject.All) data.Add(p.RelativePath);
        return data;
    }

    private static (DeviceProject Project, XDocument Nfproj, string NfprojPath) Load(string relative)
    {
        var project = DeviceProject.All.Single(p => p.RelativePath == relative);
        var nfprojPath = Path.Combine(project.Directory, project.AssemblyName + ".nfproj");
        Assert.True(File.Exists(nfprojPath), $"{relative}: no sibling {project.AssemblyName}.nfproj for the nanoFramework build");
        return (project, XDocument.Load(nfprojPath), nfprojPath);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Nfproj_builds_the_same_assembly_from_the_same_sources(string relative)
    {
        var (project, nf, _) = Load(relative);
        XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
        Assert.Equal(project.AssemblyName, nf.Descendants(ns + "AssemblyName").Single().Value);
        Assert.Equal("9.0", nf.Descendants(ns + "LangVersion").Single().Value);
        Assert.Contains(nf.Descendants(ns + "ProjectTypeGuids"), e => e.Value.Contains("11A8DD76-328B-46DF-9F39-F559912D0360"));
        // The .nfproj compiles every .cs file in the folder, as the .csproj does by default.
        Assert.Contains(nf.Descendants(ns + "Compile"), e => (string?)e.Attribute("Include") == @"**\*.cs");
        Assert.Single(nf.Descendants(ns + "Compile"));
        // ... and the .csproj compiles exactly that default set: no files added, removed or linked in.
        var csproj = XDocument.Load(project.CsprojPath);
        Assert.True(!csproj.Descendants("Compile").Any() && !csproj.Descendants("EnableDefaultCompileItems").Any(),
            $"{relative}: Compile items or EnableDefaultCompileItems in the .csproj would make it build other sources than the .nfproj");
        // Folders left out of the sources (a driver's samples/, which are projects of their own) are
        // the same in both files, and every nested project folder is left out, so that neither
        // build swallows another project's sources.
        var nfExcluded = ExtraExcludes((string?)nf.Descendants(ns + "Compile").Single().Attribute("Exclude"), "bin", "obj");
        var csExcluded = ExtraExcludes(csproj.Descendants("DefaultItemExcludes").Select(e => e.Value).SingleOrDefault(), "$(DefaultItemExcludes)");
        Assert.True(nfExcluded.SetEquals(csExcluded),
            $"{relative}: the .nfproj leaves out [{string.Join(", ", nfExcluded)}], the .csproj [{string.Join(", ", csExcluded)}]: they must build the same sources");
        foreach (var nested in NestedProjectFolders(project.Directory))
            Assert.True(nfExcluded.Contains(nested),
                $"{relative}: the project in {nested}/ lies inside this one: leave {nested}/** out of both project files");
        Assert.True(File.Exists(Path.Combine(project.Directory, "packages.config")), $"{relative}: packages.config missing");
        Assert.True(File.Exists(Path.Combine(project.Directory, "Properties", "AssemblyInfo.cs")), $"{relative}: Properties/AssemblyInfo.cs missing");
    }

    /// <summary>Top folders named by "folder/**" patterns beyond the defaults, with '/' separators.</summary>
    private static HashSet<string> ExtraExcludes(string? patterns, params string[] defaults)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in (patterns ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = raw.Replace('\\', '/');
            if (defaults.Contains(pattern) || defaults.Any(d => pattern == d + "/**")) continue;
            Assert.True(pattern.EndsWith("/**", StringComparison.Ordinal), $"exclude pattern '{raw}' is not a whole folder (folder/**)");
            result.Add(pattern[..^3]);
        }
        return result;
    }

    /// <summary>First-level folders below <paramref name="directory"/> that hold a project file somewhere inside.</summary>
    private static IEnumerable<string> NestedProjectFolders(string directory) =>
        Directory.EnumerateDirectories(directory)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
            .Where(d => Directory.EnumerateFiles(d, "*.csproj", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(d, "*.nfproj", SearchOption.AllDirectories)).Any())
            .Select(Path.GetFileName)
            .Select(name => name!);

    [Theory]
    [MemberData(nameof(Projects))]
    public void Nfproj_references_the_same_projects(string relative)
    {
        var (project, nf, nfprojPath) = Load(relative);
        XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
        static string Stem(string include) => Path.GetFileNameWithoutExtension(include.Replace('\\', '/'));

        var host = XDocument.Load(project.CsprojPath).Descendants("ProjectReference")
            .Select(e => Stem((string)e.Attribute("Include")!)).OrderBy(s => s).ToList();
        var nano = nf.Descendants(ns + "ProjectReference")
            .Select(e => (string)e.Attribute("Include")!)
            .ToList();
        Assert.Equal(host, nano.Select(Stem).OrderBy(s => s).ToList());
        foreach (var include in nano)
        {
            var target = Path.GetFullPath(Path.Combine(project.Directory, include.Replace('\\', '/')));
            Assert.True(File.Exists(target), $"{Path.GetFileName(nfprojPath)} references missing {include}");
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Packages_config_lists_only_nanoFramework_packages(string relative)
    {
        var project = DeviceProject.All.Single(p => p.RelativePath == relative);
        var packages = XDocument.Load(Path.Combine(project.Directory, "packages.config")).Descendants("package").ToList();
        Assert.Contains(packages, p => (string?)p.Attribute("id") == "nanoFramework.CoreLibrary");
        foreach (var p in packages)
        {
            var id = (string)p.Attribute("id")!;
            Assert.True(id.StartsWith("nanoFramework.", StringComparison.Ordinal), $"{relative}: {id} is not a nanoFramework package");
            Assert.Equal("netnano1.0", (string?)p.Attribute("targetFramework"));
        }
    }
}
