using Meter.Deploy;

namespace Meter.Device.Tests;

public class DeployPlanTests
{
    private static NfConfig Config(string port = "COM5") =>
        NfConfig.Parse($"target = ESP32_REV3\nboard = devkitc-eval-ade7880\nserial_port = {port}\npreset = ct-5-6a\n");

    [Fact]
    public void Flash_writes_the_nanoclr_image_for_the_target_on_the_port()
    {
        var steps = DeployPlan.Flash(Config());
        Assert.Equal(new[] { "nanoff --target ESP32_REV3 --serialport COM5 --update" }, steps.Select(s => s.CommandLine));
    }

    [Fact]
    public void Deploy_writes_settings_restores_builds_and_deploys_the_image_on_windows()
    {
        var steps = DeployPlan.Deploy(Config(), windows: true);
        Assert.Equal(new[]
        {
            @"(helper) write firmware\Meter.App\DeploymentSettings.cs (board devkitc-eval-ade7880, preset ct-5-6a)",
            "nuget restore MeterFirmware.sln",
            "msbuild MeterFirmware.sln -p:Configuration=Nano-Release \"-p:Platform=Any CPU\" -verbosity:minimal",
            @"nanoff --target ESP32_REV3 --serialport COM5 --deploy --image firmware\Meter.App\bin\Release\Meter.App.bin",
        }, steps.Select(s => s.CommandLine));
        Assert.Null(steps[0].Program);
    }

    [Fact]
    public void Deploy_on_linux_uses_forward_slashes_and_the_device_path()
    {
        var last = DeployPlan.Deploy(Config("/dev/ttyUSB0"), windows: false).Last();
        Assert.Equal("nanoff", last.Program);
        Assert.Equal(new[] { "--target", "ESP32_REV3", "--serialport", "/dev/ttyUSB0", "--deploy", "--image", "firmware/Meter.App/bin/Release/Meter.App.bin" }, last.Arguments);
    }

    [Fact]
    public void Settings_file_names_the_board_and_preset_and_the_committed_one_matches_the_committed_nf_config()
    {
        var root = RepoRoot();
        var committed = NfConfig.Load(Path.Combine(root, "nf.config"));
        var text = File.ReadAllText(Path.Combine(root, DeployPlan.SettingsPath)).Replace("\r\n", "\n");
        Assert.Equal(DeployPlan.SettingsFile(committed), text);
        Assert.Contains("public const string Board = \"devkitc-eval-ade7880\";", DeployPlan.SettingsFile(Config()));
        Assert.Contains("public const string Preset = \"ct-5-6a\";", DeployPlan.SettingsFile(Config()));
    }

    [Fact]
    public void The_deployed_image_is_the_one_of_the_app_project()
    {
        // nanoff deploys <AssemblyName>.bin from the app's Release folder: the .nfproj must build that name as an Exe.
        var nfproj = File.ReadAllText(Path.Combine(RepoRoot(), "firmware/Meter.App/Meter.App.nfproj"));
        Assert.Contains("<AssemblyName>Meter.App</AssemblyName>", nfproj);
        Assert.Contains("<OutputType>Exe</OutputType>", nfproj);
        Assert.EndsWith("/Meter.App.bin", DeployPlan.ImagePath);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.config"))) dir = dir.Parent;
        if (dir != null) return dir.FullName;
        // Artifacts outside the tree (METER_ARTIFACTS): fall back to the source location.
        dir = new DirectoryInfo(Path.GetDirectoryName(ThisFile())!);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.config"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (nf.config) not found");
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
