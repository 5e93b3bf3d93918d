using System.Globalization;

namespace Meter.Tool.Profile;

/// <summary>
/// What the numbers of a logbook entry mean, as the meter defines them: kinds as
/// firmware/Meter.Storage EventKind, details as Meter.Core (TamperDetail, MetrologyFaultDetail,
/// SettingsRecord indices, calibration kind × 16 + phase), Meter.Storage (StorageArea,
/// CloseReason), Meter.Clock (ClockSetKind, ClockBootOutcome), Meter.Optical (OpticalEventKind).
/// Numbers the tool does not know are shown as they are.
/// </summary>
public static class EventDescriptions
{
    /// <summary>Kind numbers (firmware/Meter.Storage/EventKind.cs).</summary>
    public const int PowerDown = 1, PowerUp = 2, ClockSet = 3, ConfigurationChange = 4, ParameterChange = 5, PasswordFailure = 6,
        Tamper = 7, MetrologyFault = 8, StorageRepair = 9, DebitingStop = 10, LegalDataChange = 11, Login = 12,
        Restart = 13, VoltageQuality = 14;

    /// <summary>Tamper detail bit 7: the tamper ended (Meter.Core TamperDetail.Ended).</summary>
    public const int TamperEnded = 128;

    /// <summary>Voltage-quality detail: phase + 16 dip or + 32 swell, + 128 ended (Meter.Core VoltageQualityDetail).</summary>
    public const int VoltageDip = 16, VoltageSwell = 32, VoltageEventEnded = 128;

    private static readonly Dictionary<int, string> Kinds = new()
    {
        [PowerDown] = "power down", [PowerUp] = "power up", [ClockSet] = "clock set", [ConfigurationChange] = "configuration change",
        [ParameterChange] = "parameter change", [PasswordFailure] = "access refused", [Tamper] = "tamper", [MetrologyFault] = "metrology fault",
        [StorageRepair] = "storage repair", [DebitingStop] = "debiting stop", [LegalDataChange] = "legal data change", [Login] = "login",
        [Restart] = "restart", [VoltageQuality] = "voltage quality",
    };

    // SettingsRecord index → the object written (firmware/Meter.Core SettingsRecord, SettingsWriter, ListSettingsWriter); 128 IntegrationPeriodSetting.
    private static readonly Dictionary<int, string> Settings = new()
    {
        [1] = "1-0:0.3.3 pulse figure", [2] = "0-0:128.1.0 billing target day", [3] = "0-0:128.2.0 debiting interval code",
        [4] = "1-0:0.4.2 CT primary", [5] = "0-0:96.1.0 meter number", [7] = "0-0:96.128.1 password", [9] = "0-0:128.3.0 identification",
        [12] = "0-0:13.0.0 tariff switches", [17] = "0-0:21.0.1 display list", [33] = "0-0:21.0.2 alternate display list",
        [73] = "0-0:21.0.0 readout list", [105] = "0-0:11.0.0 holidays", [126] = "0-0:128.4.0 tariff control", [127] = "0-0:128.5.0 device address", [128] = "1-0:0.8.0 integration period",
    };

    private static readonly string[] TamperSources = ["", "magnetic field", "terminal cover", "meter cover"];
    private static readonly string[] MetrologyFaults = ["", "ADE7880 reset", "ADE7880 configuration changed", "ADE7880 not responding",
        "ADE7880 configuration not verified", "ADE7880 read not verified", "ADE7880 energy reads not verified"];
    private static readonly string[] StorageAreas = ["", "format", "registers", "billing", "logger 2", "events", "event counters", "profile", "settings", "demand", "voltage quality",
        "whole memory unreadable, formatted", "calendar", "device state (breaker, credit, inputs)", "quality area (analysis logger, weekly results)", "calibration"];
    private static readonly string[] CloseReasons = ["", "scheduled", "command", "external input"];
    private static readonly string[] CalibrationKinds = ["", "VGAIN", "IGAIN", "PGAIN", "PHCAL", "VRMSOS", "IRMSOS"];
    // Meter.Hal.Device FaultCode: why the firmware restarted itself.
    private static readonly string[] RestartCauses = ["", "unhandled exception", "ADE7880 driver exception", "program error", "watchdog: a thread stalled", "out of memory"];
    private static readonly string[] BootOutcomes = ["", "restored at start: RTC backup lost", "restored at start: RTC unreadable", "restored at start: RTC behind the stored time"];

    /// <summary>The kind's name, or "kind N".</summary>
    public static string KindName(int kind) => Kinds.TryGetValue(kind, out var name) ? name : $"kind {kind}";

    /// <summary>The detail in words where the tool knows it (phase, tamper source and start/end, object written, …), else "N".</summary>
    public static string DetailText(LogbookEntry e)
    {
        int d = e.Detail;
        string number = d.ToString(CultureInfo.InvariantCulture);
        switch (e.Kind)
        {
            case PowerDown:
            case PowerUp:
                return d == 0 ? "meter" : d <= 3 ? $"phase L{d}" : number;
            case ClockSet:
                // At start the detail is a boot outcome and the old value 0 (Meter.Core ElectricityMeter.Start); a setting is adjusted/jumped.
                if (e.OldValue == 0 && d >= 1 && d < BootOutcomes.Length) return BootOutcomes[d];
                return d == 0 ? "adjusted" : d == 1 ? "jumped" : number;
            case Tamper:
                int source = d & ~TamperEnded;
                string what = source < TamperSources.Length && source > 0 ? TamperSources[source] : $"source {source}";
                return what + ((d & TamperEnded) != 0 ? " ended" : " started");
            case ParameterChange:
                if (d == 0) return "object " + PackedCode(e.OldValue);
                return Settings.TryGetValue(d, out var setting) ? setting : number;
            case LegalDataChange:
                if (d == 0) return "object " + PackedCode(e.OldValue);
                if (d == 128) return "verification mode switched (test LED imp/kWh)";
                if (d == 129) return "verification mode timed out (test LED imp/kWh)";
                if (d >= 17 && d < 128 && d / 16 < CalibrationKinds.Length && d % 16 is >= 1 and <= 3)
                    return $"1-0:128.{d / 16}.{d % 16} {CalibrationKinds[d / 16]} L{d % 16}";
                return Settings.TryGetValue(d, out var legal) ? legal : number;
            case PasswordFailure:
                // Detail: Meter.Optical OpticalEventKind; 6 = a refused W1, old the object, new nn of its (ERnn).
                if (d == 6) return $"write refused ER{e.NewValue:00} object {PackedCode(e.OldValue)}";
                return d switch { 2 => "wrong password", 3 => "port locked", 4 => "login while locked", _ => number };
            case MetrologyFault:
                if (d == 16) return "S0 pulse backlog overrun";
                return d > 0 && d < MetrologyFaults.Length ? MetrologyFaults[d] : number;
            case StorageRepair:
                return d > 0 && d < StorageAreas.Length ? StorageAreas[d] : number;
            case DebitingStop:
                return d > 0 && d < CloseReasons.Length ? CloseReasons[d] : number;
            case Login:
                return $"level {d}";
            case Restart:
                return d > 0 && d < RestartCauses.Length ? RestartCauses[d] : number;
            case VoltageQuality:
                int phase = d & 15, type = d & (VoltageDip | VoltageSwell);
                if (phase < 1 || phase > 3 || (type != VoltageDip && type != VoltageSwell) || (d & ~(15 | VoltageDip | VoltageSwell | VoltageEventEnded)) != 0) return number;
                return $"voltage {(type == VoltageDip ? "dip" : "swell")} L{phase}" + ((d & VoltageEventEnded) != 0 ? " ended" : " started");
            default:
                return number;
        }
    }

    /// <summary>
    /// The old (or new) value in words: UTC times where the kind stores times, the values of
    /// parameter changes the meter packs into one number (texts, lists, holidays, tariff
    /// switches: <see cref="SettingValues"/>), else the number.
    /// </summary>
    public static string ValueText(LogbookEntry e, bool old)
    {
        long v = old ? e.OldValue : e.NewValue;
        if (e.Kind == ParameterChange && SettingValues.Text(e.Detail, v) is string setting) return setting;
        bool isTime = e.Kind switch
        {
            ClockSet or PowerUp => true,
            PowerDown or Restart => !old,
            Tamper => (e.Detail & TamperEnded) != 0,
            VoltageQuality => (e.Detail & VoltageEventEnded) != 0,
            _ => false,
        };
        return isTime && v > 0 ? UtcText(v) : v.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>UTC seconds since 1970 as "yyyy-MM-dd HH:mm:ssZ".</summary>
    public static string UtcText(long seconds) =>
        seconds < -62135596800L || seconds > 253402300799L ? seconds.ToString(CultureInfo.InvariantCulture)
            : DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z";

    // C·65536 + D·256 + E (Meter.Core EventRouting.PackCode) → "C.D.E".
    private static string PackedCode(long packed) =>
        packed is < 0 or > 0xFFFFFF ? packed.ToString(CultureInfo.InvariantCulture) : $"{packed >> 16}.{(packed >> 8) & 0xFF}.{packed & 0xFF}";
}
