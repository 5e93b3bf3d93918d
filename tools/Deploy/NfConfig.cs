namespace Meter.Deploy;

/// <summary>
/// The deployment settings a user edits in nf.config. Format (see README.md, "nf.config"):
/// <c>key = value</c> lines, <c>#</c> comments, every key known and given once.
/// </summary>
public sealed record NfConfig(string Target, string Board, string SerialPort, string Preset)
{
    /// <summary>Boards with a definition in boards/.</summary>
    public static readonly string[] Boards = { "reference", "devkitc-eval-ade7880", "devkitc-eval-ade7880-lcd" };

    /// <summary>Meter configuration presets (boards/Meter.Boards/MeterPresets).</summary>
    public static readonly string[] Presets = { "ct-5-6a", "direct-5-105a", "single-phase-5-100a" };

    /// <summary>
    /// nanoFramework firmware images (nanoff --target) for the classic ESP32 that every board in
    /// boards/ carries (ESP32-WROVER-E, ESP32-WROOM-32E): the pin maps and Esp32PinRules (boards/Meter.Boards.Wiring) are the
    /// ESP32's, so images for other chips (ESP32-S3, -C3 …) are refused.
    /// </summary>
    public static readonly string[] Targets = { "ESP32_REV0", "ESP32_REV3", "ESP32_PSRAM_REV0", "ESP32_PSRAM_REV3" };

    /// <summary>
    /// Boards whose module has no PSRAM (boards/Meter.Boards BoardDefinition.ModuleHasPsram): the
    /// DevKitC's WROOM module, which uses GPIO16/17 (the PSRAM pins on WROVER modules) for the
    /// optical port. A PSRAM image does not fit them.
    /// </summary>
    public static readonly string[] BoardsWithoutPsram = { "devkitc-eval-ade7880", "devkitc-eval-ade7880-lcd" };

    private static readonly string[] Keys = { "target", "board", "serial_port", "preset" };

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static NfConfig Load(string path)
    {
        if (!File.Exists(path)) throw new NfConfigException($"{path}: file not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses nf.config text; throws <see cref="NfConfigException"/> naming the line and the problem.</summary>
    public static NfConfig Parse(string text, string source = "nf.config")
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string where = $"{source}:{i + 1}";
            var line = lines[i];
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            int eq = line.IndexOf('=');
            if (eq < 0) throw new NfConfigException($"{where}: expected 'key = value', got '{line}'");
            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (Array.IndexOf(Keys, key) < 0)
                throw new NfConfigException($"{where}: unknown key '{key}'; known keys: {string.Join(", ", Keys)}");
            if (values.ContainsKey(key)) throw new NfConfigException($"{where}: '{key}' is given twice");
            if (value.Length == 0) throw new NfConfigException($"{where}: '{key}' has no value");
            values[key] = value;
            lineOf[key] = where;
        }

        foreach (var key in Keys)
            if (!values.ContainsKey(key)) throw new NfConfigException($"{source}: required key '{key}' is missing");

        var config = new NfConfig(
            OneOf(values["target"], Targets, "target", lineOf["target"]),
            OneOf(values["board"], Boards, "board", lineOf["board"]),
            SerialPortName(values["serial_port"], lineOf["serial_port"]),
            OneOf(values["preset"], Presets, "preset", lineOf["preset"]));
        if (config.Target.Contains("_PSRAM_", StringComparison.Ordinal) && Array.IndexOf(BoardsWithoutPsram, config.Board) >= 0)
            throw new NfConfigException(
                $"{lineOf["target"]}: target '{config.Target}' is a PSRAM image, but board '{config.Board}' has no PSRAM " +
                "(it uses GPIO16/17 for the optical port): use ESP32_REV3 or ESP32_REV0");
        return config;
    }

    private static string OneOf(string value, string[] allowed, string key, string where)
    {
        if (Array.IndexOf(allowed, value) < 0)
            throw new NfConfigException($"{where}: {key} '{value}' is not one of: {string.Join(", ", allowed)}");
        return value;
    }

    private static string SerialPortName(string value, string where)
    {
        bool windows = value.StartsWith("COM", StringComparison.Ordinal) && value.Length > 3 && value[3..].All(char.IsAsciiDigit);
        bool unix = value.StartsWith("/dev/", StringComparison.Ordinal) && value.Length > 5 && !value.Contains(' ');
        if (!windows && !unix)
            throw new NfConfigException($"{where}: serial_port '{value}' is neither a Windows port (COM5) nor a device path (/dev/ttyUSB0)");
        return value;
    }
}

/// <summary>A problem in nf.config, with the file and line in its message.</summary>
public sealed class NfConfigException : Exception
{
    public NfConfigException(string message) : base(message) { }
}
