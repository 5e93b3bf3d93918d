using System.Globalization;
using Spectre.Console;

namespace Meter.Benchmarks;

/// <summary>
/// Output of a benchmark: tables for people first, then the machine-readable figures as
/// <c>key: value</c> lines at the end (the format CI and the issues ask for).
/// </summary>
public sealed class BenchmarkReport
{
    private readonly List<(string Key, string Value)> _figures = new();
    private readonly IAnsiConsole _console;

    public BenchmarkReport(IAnsiConsole console) => _console = console;

    /// <summary>Prints a titled table.</summary>
    public void Table(string title, string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
        foreach (var h in headers) table.AddColumn(Markup.Escape(h));
        foreach (var r in rows) table.AddRow(r.Select(Markup.Escape).ToArray());
        _console.Write(table);
    }

    /// <summary>Prints a line of explanation.</summary>
    public void Note(string text) => _console.WriteLine(text);

    /// <summary>Records a figure, printed as <c>key: value</c> after the tables.</summary>
    public void Figure(string key, double value) =>
        _figures.Add((key, value.ToString("G10", CultureInfo.InvariantCulture)));

    /// <summary>Records an integer figure.</summary>
    public void Figure(string key, long value) =>
        _figures.Add((key, value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Writes the figures; called once by the program after the benchmark ran.</summary>
    public void WriteFigures(TextWriter writer)
    {
        foreach (var (key, value) in _figures) writer.WriteLine($"{key}: {value}");
    }
}
