using System.Diagnostics;
using Meter.Deploy;

// dotnet run --project tools/Deploy -- check  [nf.config]
// dotnet run --project tools/Deploy -- flash  [--dry-run] [nf.config]   nanoCLR image (nanoff --update)
// dotnet run --project tools/Deploy -- deploy [--dry-run] [nf.config]   settings, build, nanoff --deploy
// dotnet run --project tools/Deploy -- all    [--dry-run] [nf.config]   flash, then deploy
// Run from the repository root. --dry-run prints the exact commands without running anything.
string[] commands = { "check", "flash", "deploy", "all" };
if (args.Length == 0 || Array.IndexOf(commands, args[0]) < 0)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/Deploy -- check|flash|deploy|all [--dry-run] [nf.config]");
    return 2;
}

bool dryRun = args.Skip(1).Contains("--dry-run");
var rest = args.Skip(1).Where(a => a != "--dry-run").ToArray();
if (rest.Length > 1 || rest.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
{
    Console.Error.WriteLine("unexpected arguments: " + string.Join(" ", rest));
    return 2;
}
var path = rest.Length == 1 ? rest[0] : "nf.config";

NfConfig config;
try
{
    config = NfConfig.Load(path);
}
catch (NfConfigException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

if (args[0] == "check")
{
    Console.WriteLine($"{path}: ok");
    Console.WriteLine($"  target      {config.Target}");
    Console.WriteLine($"  board       {config.Board}");
    Console.WriteLine($"  serial_port {config.SerialPort}");
    Console.WriteLine($"  preset      {config.Preset}");
    return 0;
}

bool windows = OperatingSystem.IsWindows();
var steps = new List<DeployStep>();
if (args[0] is "flash" or "all") steps.AddRange(DeployPlan.Flash(config));
if (args[0] is "deploy" or "all") steps.AddRange(DeployPlan.Deploy(config, windows));

foreach (var step in steps)
{
    Console.WriteLine("# " + step.What);
    Console.WriteLine(step.CommandLine);
    if (dryRun) continue;
    if (step.Program == null)
    {
        File.WriteAllText(DeployPlan.SettingsPath, DeployPlan.SettingsFile(config));
        continue;
    }
    var info = new ProcessStartInfo(step.Program) { UseShellExecute = false };
    foreach (var a in step.Arguments) info.ArgumentList.Add(a);
    try
    {
        using var process = Process.Start(info)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"{step.Program} failed with exit code {process.ExitCode}; stopped.");
            return 1;
        }
    }
    catch (System.ComponentModel.Win32Exception)
    {
        Console.Error.WriteLine($"{step.Program} not found: see README.md, Building for the ESP32 (install nanoff with 'dotnet tool install -g nanoff').");
        return 1;
    }
}
return 0;
