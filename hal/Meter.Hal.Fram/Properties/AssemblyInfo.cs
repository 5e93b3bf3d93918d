using System.Reflection;

// Shared by the nanoFramework (.nfproj) and the host (.csproj) builds of this assembly.
[assembly: AssemblyTitle("Meter.Hal.Fram")]
[assembly: AssemblyProduct("Open electricity meter firmware")]
[assembly: AssemblyVersion("0.1.0.0")]

// The host tests check the frame layout (AddressBytes); nothing else sees the internals.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Meter.Device.Tests")]
