using System.Reflection;

// Shared by the nanoFramework (.nfproj) and the host (.csproj) builds of this assembly.
[assembly: AssemblyTitle("Meter.RigFirmware.Logic")]
[assembly: AssemblyProduct("Open electricity meter firmware")]
[assembly: AssemblyVersion("0.1.0.0")]
