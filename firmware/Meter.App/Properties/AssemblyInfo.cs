using System.Reflection;

// nanoFramework-only assembly (no host build): the application.
[assembly: AssemblyTitle("Meter.App")]
[assembly: AssemblyProduct("Open electricity meter firmware")]
[assembly: AssemblyVersion("0.1.0.0")]
