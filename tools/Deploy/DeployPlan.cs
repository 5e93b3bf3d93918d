namespace Meter.Deploy;

/// <summary>
/// The exact steps that put the meter on an ESP32, from nf.config:
/// <list type="number">
/// <item><b>flash</b>: nanoff writes the nanoCLR firmware image for the target
/// (<c>nanoff --target T --serialport P --update</c>).</item>
/// <item><b>deploy</b>: the helper writes firmware/Meter.App/DeploymentSettings.cs (board and
/// preset), NuGet restores and MSBuild builds the nanoFramework projects (solution configuration
/// Nano-Release), and nanoff writes the application's deployment image
/// (<c>nanoff --target T --serialport P --deploy --image firmware/Meter.App/bin/Release/Meter.App.bin</c>).</item>
/// </list>
/// </summary>
public static class DeployPlan
{
    /// <summary>Deployment image the nanoFramework build writes for the application, relative to the repository.</summary>
    public const string ImagePath = "firmware/Meter.App/bin/Release/Meter.App.bin";

    /// <summary>The settings file the helper writes before building, relative to the repository.</summary>
    public const string SettingsPath = "firmware/Meter.App/DeploymentSettings.cs";

    /// <summary>Steps that flash the nanoCLR image.</summary>
    public static DeployStep[] Flash(NfConfig config) => new[]
    {
        new DeployStep("flash the nanoFramework firmware (nanoCLR) for " + config.Target, "nanoff",
            new[] { "--target", config.Target, "--serialport", config.SerialPort, "--update" }),
    };

    /// <summary>Steps that build the application for <paramref name="config"/> and deploy it; paths in the host's style (<paramref name="windows"/>).</summary>
    public static DeployStep[] Deploy(NfConfig config, bool windows)
    {
        string Native(string path) => windows ? path.Replace('/', '\\') : path;
        return new[]
        {
            new DeployStep("write " + Native(SettingsPath) + " (board " + config.Board + ", preset " + config.Preset + ")", null, Array.Empty<string>()),
            new DeployStep("restore the nanoFramework packages", "nuget", new[] { "restore", "MeterFirmware.sln" }),
            new DeployStep("build the nanoFramework projects", "msbuild",
                new[] { "MeterFirmware.sln", "-p:Configuration=Nano-Release", "-p:Platform=Any CPU", "-verbosity:minimal" }),
            new DeployStep("deploy the application", "nanoff",
                new[] { "--target", config.Target, "--serialport", config.SerialPort, "--deploy", "--image", Native(ImagePath) }),
        };
    }

    /// <summary>The content of DeploymentSettings.cs for <paramref name="config"/>.</summary>
    public static string SettingsFile(NfConfig config) =>
        "namespace Meter.App\n" +
        "{\n" +
        "    /// <summary>\n" +
        "    /// What nf.config chose for this build. Written by the deploy helper\n" +
        "    /// (<c>dotnet run --project tools/Deploy -- deploy</c>) from nf.config before it builds the\n" +
        "    /// application; the committed file matches the committed nf.config.\n" +
        "    /// </summary>\n" +
        "    internal static class DeploymentSettings\n" +
        "    {\n" +
        "        /// <summary>Board definition (boards/Meter.Boards BoardCatalog).</summary>\n" +
        "        public const string Board = \"" + config.Board + "\";\n" +
        "\n" +
        "        /// <summary>Meter configuration preset (boards/Meter.Boards MeterPresets).</summary>\n" +
        "        public const string Preset = \"" + config.Preset + "\";\n" +
        "    }\n" +
        "}\n";
}
