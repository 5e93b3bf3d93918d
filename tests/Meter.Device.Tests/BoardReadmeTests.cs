using Meter.Boards;

namespace Meter.Device.Tests;

/// <summary>boards/README.md's pin tables list every pin of the catalog boards as the code has them.</summary>
public class BoardReadmeTests
{
    private static string Section(string heading)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "boards", "README.md"))) dir = dir.Parent;
        dir ??= new DirectoryInfo(Path.GetDirectoryName(ThisFile())!).Parent!.Parent!;
        var text = File.ReadAllText(Path.Combine(dir.FullName, "boards", "README.md"));
        int start = text.IndexOf("## " + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, heading + " section missing");
        int end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    private static string PinText(PinAssignment pin) => pin.Host == PinHost.Expander
        ? "MCP23S17 GP" + (pin.Number < 8 ? "A" : "B") + (pin.Number % 8)
        : "GPIO" + pin.Number;

    [Fact]
    public void Reference_pin_map_table_has_a_row_for_every_pin_in_the_definition()
    {
        var table = Section("Reference board — pin map");
        var board = BoardCatalog.Reference();
        for (int i = 0; i < board.PinCount; i++)
            Assert.Contains("| " + PinText(board.PinAt(i)) + " |", table);
        // As many table rows as pins in the definition (the header row is the one extra "| " line).
        Assert.Equal(board.PinCount, table.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1);
    }

    [Fact]
    public void DevKitC_wiring_table_has_a_row_for_every_gpio_in_the_definition()
    {
        var table = Section("ESP32-DevKitC + EVAL-ADE7880 — wiring");
        var board = BoardCatalog.DevKitCEvalAde7880();
        for (int i = 0; i < board.PinCount; i++)
            Assert.Contains("| " + PinText(board.PinAt(i)) + " |", table);
    }
}
