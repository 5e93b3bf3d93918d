namespace Meter.Tool;

/// <summary>
/// Every OBIS address MeterTool reads or writes, in one place so it can be aligned with the
/// meter's register table (firmware/Meter.Obis StandardObjects) and optical server
/// (firmware/Meter.Optical). Standard codes follow IEC 62056-61; the calibration and
/// configuration-list codes are manufacturer-specific (group C = 128 and 21/13 as noted) and
/// PROVISIONAL until the server defines them.
/// </summary>
public static class MeterAddresses
{
    // ---- Standard objects (IEC 62056-61; as in firmware/Meter.Obis/StandardObjects.cs) ----

    /// <summary>0-0:1.0.0 clock, value "YY-MM-DD hh:mm:ss" (Meter.Obis ObisDateTime).</summary>
    public const string Clock = "0-0:1.0.0";
    /// <summary>0-0:96.1.0 meter serial number.</summary>
    public const string MeterNumber = "0-0:96.1.0";
    /// <summary>1-0:0.8.0 demand integration period, minutes (1..60).</summary>
    public const string IntegrationPeriod = "1-0:0.8.0";
    /// <summary>1-0:0.3.3 S0 pulse output constant, imp/kWh (1..10000).</summary>
    public const string PulseFigure = "1-0:0.3.3";
    /// <summary>1-0:0.3.0 active energy meter constant (test LED), imp/kWh — legal.</summary>
    public const string MeterConstant = "1-0:0.3.0";

    /// <summary>Instantaneous voltage of phase 1..3: 1-0:32/52/72.7.0.</summary>
    public static string Voltage(int phase) => $"1-0:{12 + 20 * phase}.7.0";
    /// <summary>Instantaneous current of phase 1..3: 1-0:31/51/71.7.0.</summary>
    public static string Current(int phase) => $"1-0:{11 + 20 * phase}.7.0";
    /// <summary>Instantaneous active power import of phase 1..3: 1-0:21/41/61.7.0.</summary>
    public static string ActivePower(int phase) => $"1-0:{1 + 20 * phase}.7.0";

    /// <summary>
    /// 0-0:128.4.0 tariff control (manufacturer-specific; firmware/Meter.Core TariffControlSetting): M·100 + DD,
    /// 000 timetable, 1DD the module's tariff inputs with DD code 01, 02, 07..14, 200 register control.
    /// </summary>
    public const string TariffControl = "0-0:128.4.0";

    // ---- Profiles (IEC 62056-61 C = 99, VDEW/DIN 43863-3 requests "P.01(from;to)", "P.98(from;to)") ----

    /// <summary>Load profile request address, read with R1 "P.01(YYMMDDhhmm;YYMMDDhhmm)"; PROVISIONAL.</summary>
    public const string LoadProfile = "P.01";
    /// <summary>Analysis logger request address (power quality, 10-min values), R1 "P.02(from;to)", P.01's format (issue 20).</summary>
    public const string AnalysisLogger = "P.02";
    /// <summary>EN 50160 result of the current / last finished week, 10-min values and flagged ones of the current week: 1-0:12.128.0 … 3 (firmware/Meter.Core PowerQualityObjects).</summary>
    public const string QualityCurrentWeek = "1-0:12.128.0", QualityPreviousWeek = "1-0:12.128.1", QualityWeekIntervals = "1-0:12.128.2", QualityWeekFlagged = "1-0:12.128.3";
    /// <summary>Logbook (event log) request address, read with R1 "P.98(from;to)" (firmware/Meter.Core EventLogRequest).</summary>
    public const string Logbook = "P.98";
    /// <summary>Event counter of event kind <paramref name="kind"/> (0 = all events): 0-0:96.15.K (firmware/Meter.Core EventCounterObjects).</summary>
    public static string EventCounter(int kind) => $"0-0:96.15.{kind}";

    // ---- Configuration lists, written entry by entry "nn;item" then "nn;" (ConfigureCommand.ListWrites;
    //      the meter's side: firmware/Meter.Core ListSettings, ListEntryBuffer) ----

    /// <summary>0-0:21.0.0 general local port readout: the data sets of the readout, items "OBIS" or "OBIS;N" (N = 0..99 billing periods).</summary>
    public const string ReadoutList = "0-0:21.0.0";
    /// <summary>0-0:21.0.1 general display readout: the meter's normal (scrolling) display list, 1..16 OBIS codes.</summary>
    public const string DisplayListNormal = "0-0:21.0.1";
    /// <summary>0-0:21.0.2 alternate display readout: the push-button list, up to 40 OBIS codes, must keep 1.8.0 and 2.8.0.</summary>
    public const string DisplayListAlternate = "0-0:21.0.2";
    /// <summary>0-0:11.0.0 special days table: holidays (Sunday tariff), items "MM-DD" (every year) or "YY-MM-DD", up to 32; empty = none.</summary>
    public const string HolidayTable = "0-0:11.0.0";
    /// <summary>0-0:13.0.0 activity calendar (tariff switching table; COSEM class 20).</summary>
    public const string TariffTable = "0-0:13.0.0";

    // ---- Calibration (manufacturer-specific, C = 128: 1-0:128.K.P, K = kind, P = phase 1..3) ----
    // Values are the raw ADE7880 register contents as signed decimal integers.

    /// <summary>xVGAIN, voltage gain (ADE7880 data sheet Rev. C, 24-bit ZPSE, gain = 1 + x/2^23).</summary>
    public static string VoltageGain(int phase) => Calibration(1, phase);
    /// <summary>xIGAIN, current gain (same format as xVGAIN).</summary>
    public static string CurrentGain(int phase) => Calibration(2, phase);
    /// <summary>xPGAIN, power gain (same format).</summary>
    public static string PowerGain(int phase) => Calibration(3, phase);
    /// <summary>xPHCAL, phase compensation (10 bits: lead n = 0..383, lag 512 + n, n = 0..63).</summary>
    public static string PhaseCalibration(int phase) => Calibration(4, phase);
    /// <summary>xVRMSOS, voltage rms offset (rms = √(rms0² + 128·x)).</summary>
    public static string VoltageRmsOffset(int phase) => Calibration(5, phase);
    /// <summary>xIRMSOS, current rms offset (rms = √(rms0² + 128·x)).</summary>
    public static string CurrentRmsOffset(int phase) => Calibration(6, phase);

    /// <summary>1-0:128.128.0 verification mode: write 1 (seal open) for the fine display and the faster test LED, 0 to end it.</summary>
    public const string VerificationMode = "1-0:128.128.0";

    private static string Calibration(int kind, int phase)
    {
        if (phase is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(phase), "phase is 1, 2 or 3");
        return $"1-0:128.{kind}.{phase}";
    }
}
