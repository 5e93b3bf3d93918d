using System.Globalization;
using System.Text.Json;

namespace Meter.Tool.Calibration;

/// <summary>What the test rig applies to one phase: rms voltage, rms current, power factor (inductive), frequency.</summary>
public sealed record ReferenceValues(decimal Voltage, decimal Current, decimal PowerFactor, int FrequencyHz)
{
    /// <summary>Active power the rig delivers: U × I × PF.</summary>
    public decimal ActivePower => Voltage * Current * PowerFactor;

    /// <summary>Checks the values; throws naming the first bad one.</summary>
    public ReferenceValues Validated()
    {
        if (Voltage <= 0 || Voltage > 1000) throw new ArgumentException($"reference voltage {Voltage} V must be in (0, 1000]");
        if (Current <= 0 || Current > 200) throw new ArgumentException($"reference current {Current} A must be in (0, 200]");
        if (PowerFactor <= 0 || PowerFactor > 1) throw new ArgumentException($"reference power factor {PowerFactor} must be in (0, 1]");
        if (FrequencyHz is not (50 or 60)) throw new ArgumentException($"frequency {FrequencyHz} Hz must be 50 or 60");
        return this;
    }

    /// <summary>
    /// Reads the rig's reference from a JSON file its software writes:
    /// {"voltage": 230.0, "current": 5.0, "powerFactor": 1.0, "frequency": 50}.
    /// </summary>
    public static ReferenceValues FromRigFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"cannot read rig file {path}: {e.Message}");
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            decimal Get(string name, decimal? fallback)
            {
                if (root.TryGetProperty(name, out var p)) return p.GetDecimal();
                return fallback ?? throw new ArgumentException($"rig file {path}: \"{name}\" is missing");
            }
            return new ReferenceValues(Get("voltage", null), Get("current", null), Get("powerFactor", 1m),
                (int)Get("frequency", 50m)).Validated();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"rig file {path} is not {{\"voltage\":…, \"current\":…, \"powerFactor\":…, \"frequency\":…}}: {e.Message}");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"U = {Voltage} V, I = {Current} A, PF = {PowerFactor}, f = {FrequencyHz} Hz, P = {ActivePower} W");
}
