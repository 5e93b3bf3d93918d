using System.Xml.Linq;

namespace Meter.NanoGuard.Tests;

/// <summary>
/// Dependencies point one way (issue 17): boards describe, drivers drive, firmware uses the HAL's
/// interfaces, tools and the app compose. Every project reference of every .csproj and .nfproj is
/// checked against <see cref="Allowed"/>; a project in a folder no rule knows fails too, so a new
/// project must be placed in a layer on purpose. The table is the one in README.md ("Projects").
/// </summary>
public class LayerRulesTests
{
    internal enum Layer
    {
        /// <summary>hal/Meter.Hal: the interfaces every driver implements and the firmware uses.</summary>
        HalContracts,
        /// <summary>A chip driver or device adaptor under hal/ (ADE7880, DS3234, LCDs, GPIO/SPI/UART adaptors).</summary>
        Driver,
        /// <summary>hal/Meter.Hal.Esp32: nanoFramework-only ESP32 platform code.</summary>
        Platform,
        /// <summary>boards/Meter.Boards: pin maps and board facts, pure description.</summary>
        BoardDescription,
        /// <summary>Other projects under boards/: open a described board's pins and buses and build its drivers.</summary>
        BoardWiring,
        /// <summary>A firmware library under firmware/ (metrology, clock, storage, OBIS, optical, display).</summary>
        Firmware,
        /// <summary>firmware/Meter.Core: the meter composed from the firmware libraries over HAL interfaces.</summary>
        FirmwareCore,
        /// <summary>firmware/Meter.App: the device program, composition root on the board.</summary>
        DeviceApp,
        /// <summary>hal/Meter.Hal.Simulation: the simulated board (host only).</summary>
        Simulation,
        /// <summary>A driver's samples/ program (nanoFramework).</summary>
        DriverSample,
        /// <summary>A host program or library under tools/.</summary>
        Tool,
        /// <summary>A test project under tests/.</summary>
        Test,
    }

    /// <summary>What each layer may reference. Anything not listed is a leak.</summary>
    internal static readonly IReadOnlyDictionary<Layer, Layer[]> Allowed = new Dictionary<Layer, Layer[]>
    {
        [Layer.HalContracts] = [],
        [Layer.Driver] = [Layer.HalContracts],
        [Layer.Platform] = [Layer.HalContracts, Layer.Driver],
        [Layer.BoardDescription] = [Layer.HalContracts],
        [Layer.BoardWiring] = [Layer.HalContracts, Layer.Driver, Layer.BoardDescription],
        [Layer.Firmware] = [Layer.HalContracts, Layer.Firmware],
        [Layer.FirmwareCore] = [Layer.HalContracts, Layer.Firmware, Layer.BoardDescription], // a preset's rating → settings (PresetSettings)
        [Layer.DeviceApp] = [Layer.HalContracts, Layer.Driver, Layer.Platform, Layer.BoardDescription, Layer.BoardWiring, Layer.Firmware, Layer.FirmwareCore],
        [Layer.Simulation] = [Layer.HalContracts, Layer.Driver, Layer.BoardDescription, Layer.BoardWiring, Layer.Firmware, Layer.FirmwareCore],
        [Layer.DriverSample] = [Layer.HalContracts, Layer.Driver, Layer.Platform],
        [Layer.Tool] = [Layer.HalContracts, Layer.Driver, Layer.BoardDescription, Layer.BoardWiring, Layer.Firmware, Layer.FirmwareCore, Layer.Simulation, Layer.Tool],
        [Layer.Test] = [Layer.HalContracts, Layer.Driver, Layer.DriverSample, Layer.Platform, Layer.BoardDescription, Layer.BoardWiring, Layer.Firmware, Layer.FirmwareCore, Layer.DeviceApp, Layer.Simulation, Layer.Tool],
    };

    /// <summary>
    /// Test projects that may reference a program (an Exe): each tests that program itself. Every other
    /// reference to a program is a leak (a test or tool must use a library, not another program's insides).
    /// </summary>
    internal static readonly (string Test, string Program)[] ProgramsUnderTest =
    [
        ("tests/EndToEnd.Tests", "tools/VirtualMeter"),   // runs the meter and the tool as a user does
        ("tests/EndToEnd.Tests", "tools/MeterTool"),
        ("tests/MeterTool.Tests", "tools/MeterTool"),
        ("tests/Meter.Tools.Tests", "tools/Deploy"),
        ("tests/Meter.Device.Tests", "tools/Deploy"),     // the board names nf.config accepts
    ];

    /// <summary>The layer of the project in folder <paramref name="folder"/> (repository-relative, '/'), or null if no rule places it.</summary>
    internal static Layer? LayerOf(string folder)
    {
        var parts = folder.Split('/');
        if (parts.Length >= 3 && parts[0] == "hal" && parts.Contains("samples")) return Layer.DriverSample;
        // The bench rig's firmware (issue 21): a tool of the bench, its own program on a second ESP32.
        if (parts.Length == 3 && parts[0] == "tools" && parts[1] == "RigFirmware") return Layer.Tool;
        if (parts.Length != 2) return null;
        return (parts[0], parts[1]) switch
        {
            ("hal", "Meter.Hal") => Layer.HalContracts,
            ("hal", "Meter.Hal.Simulation") => Layer.Simulation,
            ("hal", "Meter.Hal.Esp32") => Layer.Platform,
            ("hal", _) => Layer.Driver,
            ("boards", "Meter.Boards") => Layer.BoardDescription,
            ("boards", _) => Layer.BoardWiring,
            ("firmware", "Meter.App") => Layer.DeviceApp,
            ("firmware", "Meter.Core") => Layer.FirmwareCore,
            ("firmware", _) => Layer.Firmware,
            ("tools", _) => Layer.Tool,
            ("tests", _) => Layer.Test,
            _ => null,
        };
    }

    internal sealed record Reference(string From, string To, string ProjectFile);

    /// <summary>Every project file of the repository (no build output), repository-relative with '/'.</summary>
    internal static IEnumerable<string> ProjectFiles() =>
        new[] { "firmware", "hal", "boards", "tools", "tests" }
            .Select(top => Path.Combine(RepoFiles.Root, top))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.*proj", SearchOption.AllDirectories))
            .Where(p => p.EndsWith(".csproj", StringComparison.Ordinal) || p.EndsWith(".nfproj", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(RepoFiles.Root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" or "artifacts"))
            .OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>The project references of <paramref name="projectFile"/>, as folders (a project is its folder).</summary>
    internal static IEnumerable<Reference> ReferencesOf(string projectFile)
    {
        var from = Path.GetDirectoryName(projectFile)!.Replace('\\', '/');
        var doc = XDocument.Load(Path.Combine(RepoFiles.Root, projectFile));
        foreach (var element in doc.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
        {
            var include = ((string?)element.Attribute("Include") ?? "").Replace('\\', '/');
            var target = Path.GetFullPath(Path.Combine(RepoFiles.Root, from, include));
            var to = Path.GetDirectoryName(Path.GetRelativePath(RepoFiles.Root, target))!.Replace('\\', '/');
            yield return new Reference(from, to, projectFile);
        }
    }

    private static bool IsProgram(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepoFiles.Root, folder), "*.csproj")
            .Any(p => XDocument.Load(p).Descendants("OutputType").Any(e => e.Value.Trim() == "Exe"));

    /// <summary>Why <paramref name="reference"/> breaks the rules, or null when it keeps them.</summary>
    internal static string? Violation(Reference reference, Func<string, bool> isProgram)
    {
        var from = LayerOf(reference.From);
        var to = LayerOf(reference.To);
        if (from is null) return $"{reference.ProjectFile}: no layer rule places {reference.From}";
        if (to is null) return $"{reference.ProjectFile} references {reference.To}, which no layer rule places";
        if (!Allowed[from.Value].Contains(to.Value))
            return $"{reference.ProjectFile} ({from}) references {reference.To} ({to}): {from} may reference only {string.Join(", ", Allowed[from.Value])}";
        if (isProgram(reference.To) && !ProgramsUnderTest.Contains((reference.From, reference.To)))
            return $"{reference.ProjectFile} references the program {reference.To}: move what it needs into a library";
        return null;
    }

    [Fact]
    public void Every_project_is_in_a_layer()
    {
        var unplaced = ProjectFiles().Where(p => LayerOf(Path.GetDirectoryName(p)!.Replace('\\', '/')) is null).ToList();
        Assert.True(unplaced.Count == 0, "projects no layer rule places (add the folder to LayerRulesTests.LayerOf and README.md's project table): " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Every_project_reference_points_down_the_layers()
    {
        var violations = ProjectFiles().SelectMany(ReferencesOf).Select(r => Violation(r, IsProgram)).OfType<string>().ToList();
        Assert.True(violations.Count == 0, "layer rule broken:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_checker_refuses_the_leaks_issue_17_named()
    {
        // The four leaks the redesign removed must each be caught if they came back.
        static bool NotAProgram(string _) => false;
        Assert.NotNull(Violation(new("boards/Meter.Boards", "hal/Meter.Hal.Ade7880", "x"), NotAProgram));
        Assert.NotNull(Violation(new("hal/Meter.Hal.Device", "boards/Meter.Boards", "x"), NotAProgram));
        Assert.NotNull(Violation(new("firmware/Meter.Core", "hal/Meter.Hal.Ade7880", "x"), NotAProgram));
        Assert.NotNull(Violation(new("tests/Meter.Core.Tests", "tools/VirtualMeter", "x"), folder => folder == "tools/VirtualMeter"));
        // ... while the directions the design wants pass.
        Assert.Null(Violation(new("firmware/Meter.Core", "firmware/Meter.Storage", "x"), NotAProgram));
        Assert.Null(Violation(new("firmware/Meter.App", "hal/Meter.Hal.Ade7880", "x"), NotAProgram));
        Assert.Null(Violation(new("tests/EndToEnd.Tests", "tools/VirtualMeter", "x"), folder => folder == "tools/VirtualMeter"));
    }

    [Fact]
    public void The_readme_lists_every_project()
    {
        var readme = File.ReadAllText(Path.Combine(RepoFiles.Root, "README.md"));
        var missing = ProjectFiles()
            .Select(p => Path.GetDirectoryName(p)!.Replace('\\', '/'))
            .Distinct()
            .Where(folder => !readme.Contains("`" + folder + "`", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "README.md's project table does not list (as `folder`): " + string.Join(", ", missing));
    }
}
