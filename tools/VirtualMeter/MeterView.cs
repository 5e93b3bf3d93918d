using System.Globalization;
using System.Text;
using Meter.Core;
using Meter.Hal;
using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Lcd;
using Meter.Metrology;
using Meter.Simulation;

namespace Meter.VirtualMeter;

/// <summary>The text the virtual meter shows: the LCD, pulse counts, registers, where the optical port listens.</summary>
public static class MeterView
{
    /// <summary>Index of the time line in <see cref="Lines"/> (printed alone as the status when output is redirected).</summary>
    public const int TimeLine = 3;

    /// <summary>The screen (interactive) or a status block (redirected output).</summary>
    public static IReadOnlyList<string> Lines(VirtualMeterHost host, CapturedLcd lcd, double speed) => host.Inspect(h =>
    {
        var m = h.Meter;
        var lines = new List<string>();
        DateTime utc = DateTimeOffset.FromUnixTimeSeconds(m.UtcSeconds).UtcDateTime;
        var local = m.TimeRule.ToLocal(m.UtcSeconds);
        // Lines kept within 80 columns where the values allow, so the screen does not wrap.
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"Virtual meter {m.Settings.PresetName} · meter no. {m.Settings.MeterNumber} · speed {(speed == 0 ? "max" : "×" + speed.ToString("0.##", CultureInfo.InvariantCulture))}"));
        lines.Add($"optical port {h.OpticalEndpoint}{(!h.HasOpticalPort ? "" : $" (password {m.Settings.Passwords[0]})")}");
        lines.Add($"load: {h.LoadDescription}");
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"time {utc:yyyy-MM-dd HH:mm:ss}Z (local {local.Year:0000}-{local.Month:00}-{local.Day:00} {local.Hour:00}:{local.Minute:00}{(local.IsSummerTime ? " summer" : "")}) · simulated {TimeSpan.FromMilliseconds(h.VirtualMilliseconds):d\\.hh\\:mm\\:ss}"));
        if (h.DlmsPorts.Any) lines.Add(h.DlmsPorts.Description); // after the time line: TimeLine stays 3
        // The glass, boxed like TerminalLcdRenderer draws it: indicators, value and unit, OBIS id, status words.
        string border = "  +" + new string('-', TerminalLcdRenderer.InnerWidth) + "+";
        lines.Add(border);
        foreach (var line in TerminalLcdRenderer.RenderLines(lcd.Frame)) lines.Add("  |" + line + "|");
        lines.Add(border);
        var e = m.Metering.Accumulator;
        long s0 = m.Metering.S0?.EmittedPulses ?? 0;
        long led = h.Board.Chip.CfPulses[0];
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"A+ {Kwh(e.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0))} kWh (T1 {Kwh(e.ReadTariffActiveImport(0, true, 0))}, T2 {Kwh(e.ReadTariffActiveImport(1, true, 0))}) · A- {Kwh(e.EnergyIn(EnergyRegister.ActiveExport, MeterChannel.Total, true, 0))} kWh"));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"R+ {Kwh(e.EnergyIn(EnergyRegister.ReactiveImport, MeterChannel.Total, true, 0))} kvarh · R- {Kwh(e.EnergyIn(EnergyRegister.ReactiveExport, MeterChannel.Total, true, 0))} kvarh"));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"S0 pulses {s0} ({m.Settings.S0ImpPerKwh} imp/kWh) · LED pulses {led} ({m.Settings.MeterConstantImpPerKwh} imp/kWh)"));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"tariff T{m.ActiveTariff + 1} · quadrant {(e.IsNoLoad ? "-" : e.LastQuadrant.ToString())} · profile entries {m.Periods.ProfileEntries} · billing periods {m.BillingPeriodCounter} · register saves {m.RegisterSaves}"));
        var board = h.Board; // the virtual meter always has the reference board's inputs
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"inputs: terminal cover {(board.TerminalCover!.Read() ? "OPEN" : "on")} · magnet {(board.MagneticSensor!.Read() ? "none" : "PRESENT")} · tariff I/O 1 {(board.TariffInput1!.Read() ? 0 : 1)}, I/O 2 {(board.TariffInput2!.Read() ? 0 : 1)}{(m.Tariffs.Mode == Meter.Clock.TariffControlMode.ModuleInputs ? $" (DD {m.Tariffs.Inputs.Code:00})" : " (not in control)")}"));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"tamper C.51.0 {m.Tamper.Status:X2} · magnetic {m.Tamper.CountOf(TamperDetail.Magnetic)} · terminal cover {m.Tamper.CountOf(TamperDetail.TerminalCover)}"));
        var inputs = m.Inputs;
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"pulse input 24.2.1 {inputs.RegisterValue / 1000}.{inputs.RegisterValue % 1000:000} {PulseUnitText(inputs.PulseUnit)} ({inputs.PulseCount} pulses, {inputs.PulseConstant}/unit, DD {inputs.Code:00}{(h.PulseFeed is { } f ? $", fed every {f.PeriodMilliseconds} ms" : "")}) · alarm {(inputs.AlarmActive ? "ACTIVE" : "off")} ×{inputs.AlarmCount}{(inputs.RequestsDisconnect ? " (disconnect requested)" : "")}"));
        lines.Add(BreakerLine(m, board));
        lines.Add(VoltageQualityLine(m.VoltageQuality));
        lines.Add(PrepaymentLine(m.Prepayment));
        if (m.PowerQuality != null) lines.Add(PowerQualityLine(m));
        return (IReadOnlyList<string>)lines;
    });

    // Credit (0-0:128.30.0), its state and the disconnect request prepayment would give the breaker.
    private static string PrepaymentLine(Meter.Core.Prepayment p) => !p.IsActive ? "prepayment off" : string.Create(CultureInfo.InvariantCulture,
        $"credit {p.RemainingWh / 1000.0:0.000} kWh{(p.EmergencyCreditInUse ? " (emergency credit in use)" : "")}{(p.IsCreditLow ? " · LOW" : "")}{(p.IsExhausted ? " · EXHAUSTED" : "")}{(p.RequestsDisconnect ? " · disconnect requested" : p.IsExhausted ? " · friendly time" : "")} · last token {p.LastSequence}");

    private static readonly string[] ControlStateNames = { "DISCONNECTED", "connected", "READY FOR RECONNECTION (hold b)" };

    /// <summary>The breaker: disconnect control state (0-0:96.3.10), mode, contacts, limiter.</summary>
    private static string BreakerLine(ElectricityMeter m, SimulatedBoard board)
    {
        var d = m.Disconnect;
        string contacts = board.Breaker == null ? "none" : board.Breaker.Contacts == BreakerPosition.Open ? "open" : "closed";
        string limiter = m.Limiter.MonitoredValue == LimiterMonitoredValue.None ? "off"
            : $"{m.Limiter.ThresholdActive(m.UtcSeconds)} {(m.Limiter.MonitoredValue == LimiterMonitoredValue.PhaseCurrent ? "mA" : "W")}{(m.Limiter.OverThreshold ? " OVER" : "")}";
        return string.Create(CultureInfo.InvariantCulture,
            $"breaker 96.3.10 {d.ControlState} {ControlStateNames[d.ControlState]} · mode {d.ControlMode} · contacts {contacts}{((d.Status & DisconnectControl.StatusFeedbackMismatch) != 0 ? " FEEDBACK MISMATCH" : "")} · limiter {limiter}");
    }

    // Dips and swells per phase with their cumulative seconds (OBIS x2.32.0 / x2.33.0, x2.36.0 / x2.37.0).
    private static string VoltageQualityLine(VoltageQualityMonitor q)
    {
        string Per(int kind) => string.Join("/", Enumerable.Range(1, 3).Select(p => q.CountOf(p, kind).ToString(CultureInfo.InvariantCulture)))
            + " (" + string.Join("/", Enumerable.Range(1, 3).Select(p => q.SecondsOf(p, kind).ToString(CultureInfo.InvariantCulture))) + " s)";
        return $"voltage L1/L2/L3: dips {Per(VoltageQualityDetail.Dip)} · swells {Per(VoltageQualityDetail.Swell)}";
    }

    // THD per phase, u2, frequency and the EN 50160 week (OBIS x2.7.124, 12.7.128, 14.7.0, 12.128.0); "-" before a value exists.
    private static string PowerQualityLine(ElectricityMeter m)
    {
        PowerQualityRecorder q = m.PowerQuality!;
        var v = q.Values;
        string Pct(int hundredths) => (hundredths / 100.0).ToString("0.00", CultureInfo.InvariantCulture);
        string thd = string.Join("/", Enumerable.Range(0, 3).Select(p => v.Harmonics.IsComplete(p) ? Pct(v.Harmonics.Thd(p)) : "-"));
        string u2 = v.UnbalanceValid ? Pct(v.Unbalance) + " %" : "-";
        var week = q.CurrentWeek;
        string verdict = week.Intervals == 0 ? "no 10-min value yet" : (week.Passes() ? "passes" : "FAILS") + $" ({week.Intervals} × 10 min)";
        return $"quality: THD {thd} % · u2 {u2} · f {Frequency(m)} Hz · EN 50160 week {verdict}";
    }

    private static string Frequency(ElectricityMeter m)
    {
        var metering = m.Metering;
        int period = metering.Measurements.Period[0];
        return !metering.MeasurementsValid || period <= 0 ? "-" : (metering.MeasurementScale.PeriodToMillihertz(period) / 1000.0).ToString("0.00", CultureInfo.InvariantCulture);
    }

    private static string Kwh(long wh) => (wh / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Draws <paramref name="lines"/> from the top-left corner, clearing the rest of each line.</summary>
    public static void Draw(IReadOnlyList<string> lines, string footer)
    {
        var sb = new StringBuilder("\u001b[H");
        foreach (var line in lines) sb.Append(line).Append("\u001b[K\n");
        sb.Append("\u001b[K\n").Append(footer).Append("\u001b[K\n\u001b[J");
        Console.Out.Write(sb.ToString());
        Console.Out.Flush();
    }

    private static string PulseUnitText(int code) => code switch
    {
        PulseInputUnit.KilowattHour => "kWh",
        PulseInputUnit.CubicMetre => "m³",
        PulseInputUnit.Litre => "L",
        _ => "(no unit)",
    };
}
