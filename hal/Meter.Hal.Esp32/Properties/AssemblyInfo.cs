using System.Reflection;

// nanoFramework-only assembly (no host build): ESP32 specifics.
[assembly: AssemblyTitle("Meter.Hal.Esp32")]
[assembly: AssemblyProduct("Open electricity meter firmware")]
[assembly: AssemblyVersion("0.1.0.0")]
