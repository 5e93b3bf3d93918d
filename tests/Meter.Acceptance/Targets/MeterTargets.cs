namespace Meter.Acceptance.Targets;

/// <summary>
/// The target chosen by one setting, <c>METER_TARGET</c>: unset or <c>virtual</c> = the virtual meter (started by each
/// test), <c>serial:DEVICE</c> = a real board on an optical head at DEVICE (e.g. <c>serial:/dev/ttyUSB0</c>, <c>serial:COM3</c>);
/// <c>METER_PASSWORD</c> = its level-1 password (default 00000000).
/// </summary>
public static class MeterTargets
{
    /// <summary>The environment variable naming the target.</summary>
    public const string TargetVariable = "METER_TARGET";

    /// <summary>The environment variable with the real board's password.</summary>
    public const string PasswordVariable = "METER_PASSWORD";

    /// <summary>The password of a meter out of the box (Kamstrup's and the virtual meter's default).</summary>
    public const string DefaultPassword = "00000000";

    /// <summary>The target for a test; <paramref name="virtualStartUtc"/> is where the virtual meter's clock starts (a real board keeps its own).</summary>
    /// <exception cref="ArgumentException">METER_TARGET is neither <c>virtual</c> nor <c>serial:DEVICE</c>.</exception>
    public static IMeterTarget Open(DateTime virtualStartUtc) =>
        Open(Environment.GetEnvironmentVariable(TargetVariable), Environment.GetEnvironmentVariable(PasswordVariable), virtualStartUtc);

    /// <summary>The target <paramref name="setting"/> names (null/empty/"virtual", or "serial:DEVICE").</summary>
    public static IMeterTarget Open(string? setting, string? password, DateTime virtualStartUtc)
    {
        if (string.IsNullOrEmpty(setting) || setting == "virtual") return new VirtualMeterTarget(virtualStartUtc);
        if (setting.StartsWith("serial:", StringComparison.Ordinal) && setting.Length > "serial:".Length)
            return new SerialMeterTarget(setting["serial:".Length..], string.IsNullOrEmpty(password) ? DefaultPassword : password);
        throw new ArgumentException($"{TargetVariable}='{setting}': give virtual (default) or serial:DEVICE, e.g. serial:/dev/ttyUSB0");
    }

    /// <summary>True when the tests run against the virtual meter.</summary>
    public static bool IsVirtual
    {
        get
        {
            string? setting = Environment.GetEnvironmentVariable(TargetVariable);
            return string.IsNullOrEmpty(setting) || setting == "virtual";
        }
    }
}
