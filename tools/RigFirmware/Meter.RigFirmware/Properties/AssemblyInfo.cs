using System.Reflection;

[assembly: AssemblyTitle("Meter.RigFirmware")]
[assembly: AssemblyProduct("Open electricity meter firmware")]
[assembly: AssemblyVersion("0.1.0.0")]
