using System.Text;
using Meter.Core;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Clock;
using Meter.Hal.Simulation.Pins;
using Meter.Hal.Simulation.Serial;
using Meter.Hal.Simulation.Storage;
using Meter.Metrology;
using Meter.Optical;

namespace Meter.Benchmarks;

/// <summary>
/// Bytes and duration of the default full IEC 62056-21 readout in mode A (300 Bd) and mode C
/// (9600 Bd), measured on the bit-accurate virtual serial link (10 bits per 7E1 character)
/// including the meter's reaction times, from the first request character to the BCC. The
/// readout is the assembled meter's own (Meter.Core ElectricityMeter: its register table and
/// default readout list, tamper and voltage-quality objects included), with the values of a
/// meter that ran 65 days on a constant load and closed three billing periods.
/// </summary>
public sealed class ReadoutBenchmark : IBenchmark
{
    public string Name => "readout";

    public string Description => "bytes and time of the default full optical readout, mode A 300 Bd and mode C 9600 Bd";

    public void Run(BenchmarkReport report, string[] args)
    {
        if (args.Length > 0) throw new ArgumentException("readout takes no options");
        var a = Exchange(OpticalProtocolMode.A);
        var c = Exchange(OpticalProtocolMode.C);
        report.Table("Default full readout (virtual time, 10 bits per character)",
            ["mode", "data baud", "probe → meter bytes", "meter → probe bytes", "data message bytes", "data message s", "total s"],
            [a.Row("A", 300), c.Row("C", 9600)]);
        report.Note("Total = first request character to the readout's BCC; meter reaction time 200 ms, baud switch delay 300 ms,");
        report.Note("probe answers the identification after 200 ms in mode C. Values: the direct meter after 65 days at 3 × 10 A, 3 billing periods.");
        report.Note("");
        report.Note(Encoding.ASCII.GetString(c.Received).Replace("\u0002", "<STX>").Replace("\u0003", "<ETX>"));
        report.Figure("mode_a_full_readout_s", a.TotalSeconds);
        report.Figure("mode_c_full_readout_s", c.TotalSeconds);
        report.Figure("readout_data_message_bytes", (long)a.DataBytes);
        report.Figure("mode_a_bytes_total", (long)(a.ProbeBytes + a.MeterBytes));
        report.Figure("mode_c_bytes_total", (long)(c.ProbeBytes + c.MeterBytes));
    }

    private sealed record Result(int ProbeBytes, int MeterBytes, int DataBytes, double DataSeconds, double TotalSeconds, byte[] Received)
    {
        public string[] Row(string mode, int baud) =>
        [
            mode, baud.ToString(), ProbeBytes.ToString(), MeterBytes.ToString(), DataBytes.ToString(),
            DataSeconds.ToString("F3"), TotalSeconds.ToString("F3"),
        ];
    }

    private static Result Exchange(OpticalProtocolMode mode)
    {
        var pair = new VirtualSerialPair(300);
        ElectricityMeter meter = MeterWithThreeBillingPeriods();
        var settings = new OpticalPortSettings { Mode = mode, MaximumBaud = 9600 };
        var server = new OpticalServer(pair.Meter, settings, meter.Table, meter.Readout, null, null);
        var received = new List<byte>();

        void Step()
        {
            pair.AdvanceTo(pair.NowNs + 1_000_000);
            server.Poll(pair.NowMs);
            received.AddRange(pair.Probe.ReadAll());
        }

        pair.Probe.Write("/?!\r\n");
        int identLength = 0;
        while (identLength == 0)
        {
            Step();
            int lf = received.IndexOf(0x0A);
            if (lf >= 0) identLength = lf + 1;
            if (pair.NowMs > 10_000) throw new InvalidOperationException("no identification");
        }
        if (mode == OpticalProtocolMode.C)
        {
            for (int i = 0; i < 200; i++) Step(); // the probe's own reaction time
            pair.Probe.Write("\u00060" + "50\r\n");
            while (pair.Probe.BytesToWrite > 0) Step();
            pair.Probe.BaudRate = 9600;
        }
        // Until the BCC after ETX has arrived and the meter is back to idle.
        while (!(received.Count >= 2 && received[^2] == 0x03 && server.State == OpticalServerState.Idle))
        {
            Step();
            if (pair.NowMs > 600_000) throw new InvalidOperationException("readout did not finish");
        }
        var meterChars = pair.Transcript.Where(ch => ch.Sender == "meter").ToList();
        var probeChars = pair.Transcript.Where(ch => ch.Sender == "probe").ToList();
        var data = meterChars.Skip(identLength).ToList();
        long start = probeChars[0].StartNs;
        long end = meterChars[^1].EndNs;
        return new Result(probeChars.Count, meterChars.Count, data.Count,
            (data[^1].EndNs - data[0].StartNs) / 1e9, (end - start) / 1e9, received.ToArray());
    }

    /// <summary>
    /// The direct 5(105) A meter on the simulated board, from 2025-01-30 for 65 days at a balanced
    /// 3 × 10 A, PF 0.95 in 60-s metering cycles (S0 edges at their times): billing closes on
    /// 02-01, 03-01 and 04-01, so the readout's billing values (VZ) exist.
    /// </summary>
    private static ElectricityMeter MeterWithThreeBillingPeriods()
    {
        var start = new DateTime(2025, 1, 30, 0, 0, 0, DateTimeKind.Utc);
        MeterSettings settings = PresetSettings.FromPresetName("direct-5-105a");
        var chip = new SimulatedAde7880(settings.FullScaleVoltageMillivolts / 1000.0, settings.FullScaleCurrentMilliamps / 1000.0);
        for (int p = 0; p < 3; p++) chip.Phases[p].Set(new PhaseLoad(230, 10, 18.19));
        var rtc = new VirtualRtc(start);
        var hardware = new MeterHardware
        {
            MeteringSpi = chip, MeteringReset = chip.ResetPin, MeteringPm0 = chip.Pm0Pin, MeteringPm1 = chip.Pm1Pin,
            MeteringIrq0 = chip.Irq0Pin, MeteringIrq1 = chip.Irq1Pin, Delay = new VirtualDelay(chip),
            Rtc = rtc, NvMemory = new RamNvMemory(131072), S0Output = new VirtualOutputPin(),
        };
        var meter = new ElectricityMeter(settings, hardware) { MeasurementIntervalCycles = 1 };
        meter.Start(0, start);
        PulseOutput s0 = meter.Metering.S0;
        const long cycleMs = 60_000;
        for (long nowMs = cycleMs; nowMs <= 65L * 86_400_000; nowMs += cycleMs)
        {
            while (s0.NextActionMilliseconds < nowMs)
            {
                long at = Math.Max(s0.NextActionMilliseconds, nowMs - cycleMs);
                meter.Tick(at);
                if (s0.NextActionMilliseconds <= at) break;
            }
            chip.Advance(cycleMs * 1000);
            rtc.Advance(TimeSpan.FromMilliseconds(cycleMs));
            meter.OnEnergyReady(nowMs);
            meter.Tick(nowMs);
        }
        if (meter.Periods.BillingClosings != 3) throw new InvalidOperationException($"expected 3 billing closings, the meter made {meter.Periods.BillingClosings}");
        return meter;
    }
}
