using System.Reflection;
using Meter.Deploy;

namespace Meter.Tools.Tests;

public class NfConfigTests
{
    private const string Valid = """
        # comment line
        target = ESP32_PSRAM_REV3
        board = reference   # trailing comment
        serial_port = COM5
        preset = ct-5-6a
        """;

    [Fact]
    public void Reads_every_key()
    {
        var c = NfConfig.Parse(Valid);
        Assert.Equal(new NfConfig("ESP32_PSRAM_REV3", "reference", "COM5", "ct-5-6a"), c);
    }

    [Fact]
    public void The_repository_nf_config_is_valid()
    {
        var root = typeof(NfConfigTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var c = NfConfig.Load(Path.Combine(root, "nf.config"));
        Assert.Contains(c.Board, NfConfig.Boards);
    }

    [Theory]
    [InlineData("colour = red", "nf.config:6: unknown key 'colour'; known keys: target, board, serial_port, preset")]
    [InlineData("board = reference", "nf.config:6: 'board' is given twice")]
    [InlineData("just words", "nf.config:6: expected 'key = value', got 'just words'")]
    public void An_extra_line_is_named_with_its_line_number(string extra, string message)
    {
        var e = Assert.Throws<NfConfigException>(() => NfConfig.Parse(Valid + "\n" + extra));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    // Lines of Valid: 1 comment, 2 target, 3 board, 4 serial_port, 5 preset.
    [InlineData("board = reference", "board = mega2560", "nf.config:3: board 'mega2560' is not one of: reference, devkitc-eval-ade7880, devkitc-eval-ade7880-lcd")]
    [InlineData("preset = ct-5-6a", "preset = 5A", "nf.config:5: preset '5A' is not one of: ct-5-6a, direct-5-105a, single-phase-5-100a")]
    [InlineData("serial_port = COM5", "serial_port = ttyUSB0", "nf.config:4: serial_port 'ttyUSB0' is neither a Windows port (COM5) nor a device path (/dev/ttyUSB0)")]
    [InlineData("target = ESP32_PSRAM_REV3", "target = ESP8266", "nf.config:2: target 'ESP8266' is not one of: ESP32_REV0, ESP32_REV3, ESP32_PSRAM_REV0, ESP32_PSRAM_REV3")]
    // The boards carry a classic ESP32: an ESP32-S3 image does not fit their pin maps.
    [InlineData("target = ESP32_PSRAM_REV3", "target = ESP32_S3", "nf.config:2: target 'ESP32_S3' is not one of: ESP32_REV0, ESP32_REV3, ESP32_PSRAM_REV0, ESP32_PSRAM_REV3")]
    [InlineData("board = reference", "board = devkitc-eval-ade7880", "nf.config:2: target 'ESP32_PSRAM_REV3' is a PSRAM image, but board 'devkitc-eval-ade7880' has no PSRAM (it uses GPIO16/17 for the optical port): use ESP32_REV3 or ESP32_REV0")]
    [InlineData("preset = ct-5-6a", "", "nf.config: required key 'preset' is missing")]
    [InlineData("preset = ct-5-6a", "preset =", "nf.config:5: 'preset' has no value")]
    public void A_bad_value_is_refused_naming_its_line_and_what_is_allowed(string original, string replacement, string message)
    {
        var e = Assert.Throws<NfConfigException>(() => NfConfig.Parse(Valid.Replace(original, replacement)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void The_devkitc_board_reads_with_a_non_psram_image()
    {
        var c = NfConfig.Parse(Valid.Replace("board = reference", "board = devkitc-eval-ade7880").Replace("ESP32_PSRAM_REV3", "ESP32_REV3"));
        Assert.Equal(new NfConfig("ESP32_REV3", "devkitc-eval-ade7880", "COM5", "ct-5-6a"), c);
    }
}
