using Meter.ReferenceData;

namespace Meter.Clock.Tests;

/// <summary>
/// Where the reference load profiles are looked for (tools/Shared/ReferenceData.cs): shared/data
/// beside the repository first, then METER_DATA_DIR, then /work/shared/data; a missing file is an
/// error that lists the places tried.
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
    public void Shared_data_beside_the_repository_comes_before_the_environment_variable()
    {
        string tree = TempTree();
        try
        {
            string repo = Path.Combine(tree, "clone");
            string beside = Put(Path.Combine(tree, "shared", "data"), "beside");
            string fromEnv = Put(Path.Combine(tree, "elsewhere"), "env");
            Assert.Equal(beside, ReferenceDataFiles.Find(Name, Path.Combine(tree, "elsewhere"), repo));
            File.Delete(beside);
            Assert.Equal(fromEnv, ReferenceDataFiles.Find(Name, Path.Combine(tree, "elsewhere"), repo));
        }
        finally { Directory.Delete(tree, recursive: true); }
    }

    [Fact]
    public void Missing_file_is_an_error_naming_every_place_tried()
    {
        string tree = TempTree();
        try
        {
            string repo = Path.Combine(tree, "clone");
            var e = Assert.Throws<FileNotFoundException>(() => ReferenceDataFiles.Find(Name, Path.Combine(tree, "env"), repo));
            Assert.Contains(Path.Combine(tree, "shared", "data", Name), e.Message);
            Assert.Contains(Path.Combine(tree, "env", Name), e.Message);
            Assert.Contains("/work/shared/data/" + Name, e.Message);
            Assert.Contains(ReferenceDataFiles.DirectoryVariable, e.Message);
        }
        finally { Directory.Delete(tree, recursive: true); }
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
