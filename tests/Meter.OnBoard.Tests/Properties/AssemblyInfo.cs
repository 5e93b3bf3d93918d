using System.Reflection;

// nanoFramework-only assembly: on-board tests.
[assembly: AssemblyTitle("Meter.OnBoard.Tests")]
[assembly: AssemblyProduct("Open electricity meter firmware")]
[assembly: AssemblyVersion("0.1.0.0")]
