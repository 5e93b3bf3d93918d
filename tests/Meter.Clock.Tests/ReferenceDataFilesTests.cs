using Meter.ReferenceData;

namespace Meter.Clock.Tests;

/// <summary>
/// Where the reference load profiles are looked for (tools/Shared/ReferenceData.cs): METER_DATA_DIR
/// first, then tools/VirtualMeter/scenarios in the repository; a missing file is an error that
/// lists the places tried.
/// </summary>
public class ReferenceDataFilesTests
{
    private const string Name = "profile-under-test.csv";

    private static string TempTree()
    {
        string root = Path.Combine(Path.GetTempPath(), "refdata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return root;
    }

    private static string Put(string dir, string content)
    {
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, Name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void The_environment_variable_comes_before_the_copy_in_the_repository()
    {
        string tree = TempTree();
        try
        {
            string repo = Path.Combine(tree, "clone");
            string inRepo = Put(Path.Combine(repo, "tools", "VirtualMeter", "scenarios"), "repo");
            string fromEnv = Put(Path.Combine(tree, "elsewhere"), "env");
            Assert.Equal(fromEnv, ReferenceDataFiles.Find(Name, Path.Combine(tree, "elsewhere"), repo));
            Assert.Equal(inRepo, ReferenceDataFiles.Find(Name, null, repo));
            File.Delete(fromEnv);
            Assert.Equal(inRepo, ReferenceDataFiles.Find(Name, Path.Combine(tree, "elsewhere"), repo));
        }
        finally { Directory.Delete(tree, recursive: true); }
    }

    [Fact]
    public void Missing_file_is_an_error_naming_every_place_tried_and_none_outside_the_repository()
    {
        string tree = TempTree();
        try
        {
            string repo = Path.Combine(tree, "clone");
            // A copy beside the repository (the old workspace layout) is not looked at any more.
            Put(Path.Combine(tree, "shared", "data"), "beside");
            var e = Assert.Throws<FileNotFoundException>(() => ReferenceDataFiles.Find(Name, Path.Combine(tree, "env"), repo));
            Assert.Contains(Path.Combine(repo, "tools", "VirtualMeter", "scenarios", Name), e.Message);
            Assert.Contains(Path.Combine(tree, "env", Name), e.Message);
            Assert.DoesNotContain("shared", e.Message);
            Assert.Contains(ReferenceDataFiles.DirectoryVariable, e.Message);
        }
        finally { Directory.Delete(tree, recursive: true); }
    }

    [Theory]
    [InlineData("residential-pv-2025-15min.csv")]
    [InlineData("commercial-ct-2025-15min.csv")]
    public void Both_reference_years_ship_in_the_repository(string file)
    {
        string? root = ReferenceDataFiles.RepoRoot();
        Assert.NotNull(root);
        string path = ReferenceDataFiles.Find(file, null, root);
        Assert.StartsWith(root!, path);
        // A whole year at 15 min: 365 × 96 intervals and the header.
        Assert.Equal(365 * 96 + 1, File.ReadLines(path).Count());
    }

    [Fact]
    public void Without_a_repository_root_the_message_says_so()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ReferenceDataFiles.Find(Name, null, null));
        Assert.Contains("MeterFirmware.sln not found", e.Message);
    }

    [Fact]
    public void Repository_root_is_the_folder_holding_the_solution()
    {
        string? root = ReferenceDataFiles.RepoRoot();
        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root!, "MeterFirmware.sln")));
        Assert.True(File.Exists(Path.Combine(root!, "tools", "Shared", "ReferenceData.cs")));
    }
}
