using System.Reflection;

// Shared by the nanoFramework (.nfproj) and the host (.csproj) builds of this sample.
[assembly: AssemblyTitle("Meter.Hal.Lcd.Hd44780Sample")]
[assembly: AssemblyProduct("Open electricity meter firmware")]
[assembly: AssemblyVersion("0.1.0.0")]
