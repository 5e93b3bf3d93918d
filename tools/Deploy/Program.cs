using Meter.Deploy;

// dotnet run --project tools/Deploy -- check [path/to/nf.config]
// Validates nf.config and prints the settings. (Flashing with nanoff arrives with the ESP32 target.)
if (args.Length == 0 || args[0] != "check")
{
    Console.Error.WriteLine("usage: dotnet run --project tools/Deploy -- check [nf.config]");
    return 2;
}

var path = args.Length > 1 ? args[1] : "nf.config";
try
{
    var config = NfConfig.Load(path);
    Console.WriteLine($"{path}: ok");
    Console.WriteLine($"  target      {config.Target}");
    Console.WriteLine($"  board       {config.Board}");
    Console.WriteLine($"  serial_port {config.SerialPort}");
    Console.WriteLine($"  preset      {config.Preset}");
    return 0;
}
catch (NfConfigException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
