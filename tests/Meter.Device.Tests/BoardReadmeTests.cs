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

    /// <summary>The cells of the table row whose pin column is <paramref name="pin"/>.</summary>
    private static string[] Row(string table, string pin)
    {
        var row = table.Split('\n').Single(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("| " + pin + " |", StringComparison.Ordinal));
        return row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
    }

    /// <summary>What the "use at reset" column must say for a pin's <see cref="PinUse"/>.</summary>
    private static bool UseMatches(PinAssignment pin, string cell) => pin.Use switch
    {
        PinUse.OutputHighAtReset => cell == "output, high",
        PinUse.OutputLowAtReset => cell == "output, low",
        // A pull-up inside the ESP32 or the MCP23S17 ("pull-up" on the expander rows is its GPPU).
        PinUse.InputInternalPullUp => cell == "input, internal pull-up" || (pin.Host == PinHost.Expander && cell == "input, pull-up"),
        // A resistor on the board: the row names its value.
        PinUse.InputExternalPull => cell.StartsWith("input, ", StringComparison.Ordinal) && cell.Contains("kΩ", StringComparison.Ordinal),
        PinUse.Peripheral => cell.StartsWith("SPI1", StringComparison.Ordinal) || cell.StartsWith("COM2", StringComparison.Ordinal)
            || cell.StartsWith("COM3", StringComparison.Ordinal),
        _ => false,
    };

    [Fact]
    public void Reference_pin_map_rows_give_each_pins_use_at_reset_and_active_level_as_the_definition()
    {
        // The README is what a board designer builds from: a row saying "internal pull-up" where
        // the definition expects a resistor (GPIO34-39 have none) would give a floating IRQ line.
        var table = Section("Reference board — pin map");
        var board = BoardCatalog.Reference();
        for (int i = 0; i < board.PinCount; i++)
        {
            var pin = board.PinAt(i);
            var cells = Row(table, PinText(pin));
            Assert.True(UseMatches(pin, cells[2]), $"{PinText(pin)}: README says '{cells[2]}', the definition has {pin.Use}");
            Assert.True(pin.ActiveLow == (cells[3] == "low"), $"{PinText(pin)}: README active '{cells[3]}', the definition has ActiveLow = {pin.ActiveLow}");
        }
    }

    [Fact]
    public void DevKitC_wiring_table_has_a_row_for_every_gpio_in_the_definition()
    {
        var table = Section("ESP32-DevKitC + EVAL-ADE7880 — wiring");
        var board = BoardCatalog.DevKitCEvalAde7880();
        for (int i = 0; i < board.PinCount; i++)
            Assert.Contains("| " + PinText(board.PinAt(i)) + " |", table);
    }

    [Fact]
    public void DevKitC_lcd_wiring_table_names_every_gpio_in_the_definition()
    {
        var table = Section("ESP32-DevKitC + EVAL-ADE7880 + character LCD — wiring");
        var board = BoardCatalog.DevKitCEvalAde7880Lcd();
        for (int i = 0; i < board.PinCount; i++)
            if (board.PinAt(i).Host == PinHost.Esp32Gpio)
                Assert.Matches(@"\| (GPIO\d+, )*" + PinText(board.PinAt(i)) + @"(, GPIO\d+)* \|", table);
    }
}
