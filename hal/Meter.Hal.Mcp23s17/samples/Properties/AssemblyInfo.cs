using System.Reflection;

// Shared by the nanoFramework (.nfproj) and the host (.csproj) builds of this sample.
[assembly: AssemblyTitle("Meter.Hal.Mcp23s17.Sample")]
[assembly: AssemblyProduct("Open electricity meter firmware")]
[assembly: AssemblyVersion("0.1.0.0")]
