using System.Reflection;
using Meter.Benchmarks;
using Spectre.Console;

// dotnet run -c Release --project tools/Benchmarks -- NAME [options]
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
{
    Console.WriteLine("usage: dotnet run -c Release --project tools/Benchmarks -- NAME [options]");
    Console.WriteLine();
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-16} {b.Description}");
    return args.Length == 0 ? 2 : 0;
}

var chosen = benchmarks.FirstOrDefault(b => b.Name == args[0]);
if (chosen is null)
{
    Console.Error.WriteLine($"unknown benchmark '{args[0]}'; known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

var report = new BenchmarkReport(AnsiConsole.Console);
try
{
    chosen.Run(report, args.Skip(1).ToArray());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{chosen.Name}: {e.Message}");
    return 2;
}
catch (FileNotFoundException e)
{
    // A reference data file is missing: the message names every place looked in.
    Console.Error.WriteLine($"{chosen.Name}: {e.Message}");
    return 2;
}
report.WriteFigures(Console.Out);
return 0;
