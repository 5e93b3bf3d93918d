using System.Text;
using Meter.Boards;
using Meter.Core;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Serial;
using Meter.Metrology;
using Meter.Optical;
using Meter.Simulation;

namespace Meter.Benchmarks;

/// <summary>
/// Bytes and duration of the default full IEC 62056-21 readout in mode A (300 Bd) and mode C
/// (at the highest rate both ends agree on: the meter's offer, the probe's 19200 Bd), measured on
/// the bit-accurate virtual serial link (10 bits per 7E1 character) including the reaction times,
/// from the first request character to the BCC. Mode C is the assembled meter's own optical port
/// (Meter.Core ElectricityMeter: its port settings, range-request link, register table and default
/// readout list), polled every millisecond; mode A the same table and list behind a mode A server.
/// The values are those of a meter that ran 65 days on a constant load and closed three billing
/// periods. wire_time_ratio = measured time / (every character's time on the wire at its rate +
/// the standard's minimum reaction time at each turn of the half-duplex line, IEC 62056-21 §5.3).
/// </summary>
public sealed class ReadoutBenchmark : IBenchmark
{
    private const int ProbeMaximumBaud = 19200;

    public string Name => "readout";

    public string Description => "bytes and time of the default full optical readout, mode A 300 Bd and mode C at the highest agreed rate";

    public void Run(BenchmarkReport report, string[] args)
    {
        if (args.Length > 0) throw new ArgumentException("readout takes no options");
        var a = Exchange(OpticalProtocolMode.A);
        var c = Exchange(OpticalProtocolMode.C);
        report.Table("Default full readout (virtual time, 10 bits per character)",
            ["mode", "data baud", "probe → meter bytes", "meter → probe bytes", "data message bytes", "data message s", "total s", "wire + min tr s", "ratio"],
            [a.Row("A"), c.Row("C")]);
        report.Note($"Total = first request character to the readout's BCC; the meter's reaction time and baud switch delay as its port has them,");
        report.Note($"the probe answers the identification after the minimum reaction time the meter's id declares (200 ms, 20 ms with a lower-case third letter) in mode C and proposes the meter's rate up to {ProbeMaximumBaud} Bd.");
        report.Note("Values: the direct meter after 65 days at 3 × 10 A, 3 billing periods.");
        report.Note("");
        report.Note(Encoding.ASCII.GetString(c.Received).Replace("\u0002", "<STX>").Replace("\u0003", "<ETX>"));
        report.Figure("mode_a_full_readout_s", a.TotalSeconds);
        report.Figure("mode_c_baud", (long)c.DataBaud);
        report.Figure("mode_c_full_readout_s", c.TotalSeconds);
        report.Figure("wire_time_ratio", c.TotalSeconds / c.WireSeconds);
        report.Figure("mode_a_wire_time_ratio", a.TotalSeconds / a.WireSeconds);
        report.Figure("readout_data_message_bytes", (long)a.DataBytes);
        report.Figure("mode_a_bytes_total", (long)(a.ProbeBytes + a.MeterBytes));
        report.Figure("mode_c_bytes_total", (long)(c.ProbeBytes + c.MeterBytes));
    }

    private sealed record Result(int DataBaud, int ProbeBytes, int MeterBytes, int DataBytes, double DataSeconds, double TotalSeconds,
        double WireSeconds, byte[] Received)
    {
        public string[] Row(string mode) =>
        [
            mode, DataBaud.ToString(), ProbeBytes.ToString(), MeterBytes.ToString(), DataBytes.ToString(),
            DataSeconds.ToString("F3"), TotalSeconds.ToString("F3"), WireSeconds.ToString("F3"), (TotalSeconds / WireSeconds).ToString("F3"),
        ];
    }

    private static Result Exchange(OpticalProtocolMode mode)
    {
        var pair = new VirtualSerialPair(300);
        ElectricityMeter meter = MeterWithThreeBillingPeriods(pair.Meter);
        Action<long> poll;
        int minimumReactionMs;
        if (mode == OpticalProtocolMode.C)
        {
            poll = ms => meter.PollOpticalPort(ms); // the port's clock is its own (OpticalPortOnOwnClock)
            minimumReactionMs = new OpticalPortSettings { ManufacturerId = meter.Settings.ManufacturerId }.MinimumReactionTimeMs;
        }
        else
        {
            // The same table and readout list behind a mode A server on a link of its own.
            pair = new VirtualSerialPair(300);
            var settings = new OpticalPortSettings { Mode = mode, ManufacturerId = meter.Settings.ManufacturerId, Identification = meter.Settings.Identification };
            settings.ReactionTimeMs = settings.MinimumReactionTimeMs; // as the meter sets its own port
            var server = new OpticalServer(pair.Meter, settings, meter.Table, meter.Readout, null, null);
            poll = ms => server.Poll(ms);
            minimumReactionMs = settings.MinimumReactionTimeMs;
        }
        var received = new List<byte>();
        var link = pair;

        void Step()
        {
            link.AdvanceTo(link.NowNs + 1_000_000);
            poll(link.NowMs);
            received.AddRange(link.Probe.ReadAll());
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
        int dataBaud = 300;
        if (mode == OpticalProtocolMode.C)
        {
            // Z of "/XXXZ…": the highest rate both ends agree on (IEC 62056-21 §6.3.14 table, '0' 300 … '6' 19200).
            int offered = BaudRateCharacter.FromModeC(received[4]);
            foreach (int rate in new[] { 300, 600, 1200, 2400, 4800, 9600, 19200 })
                if (rate <= offered && rate <= ProbeMaximumBaud) dataBaud = rate;
            for (int i = 0; i < minimumReactionMs; i++) Step(); // the probe's own reaction time: tr min as the id declares
            pair.Probe.Write("\u00060" + (char)BaudRateCharacter.ModeC(dataBaud) + "0\r\n");
            while (pair.Probe.BytesToWrite > 0) Step();
            pair.Probe.BaudRate = dataBaud;
        }
        // Until the BCC after ETX has arrived.
        while (!(received.Count >= identLength + 2 && received[^2] == 0x03))
        {
            Step();
            if (pair.NowMs > 600_000) throw new InvalidOperationException("readout did not finish");
        }
        var all = pair.Transcript.ToList();
        var meterChars = all.Where(ch => ch.Sender == "meter").ToList();
        var probeChars = all.Where(ch => ch.Sender == "probe").ToList();
        var data = meterChars.Skip(identLength).ToList();
        long start = probeChars[0].StartNs;
        long end = meterChars[^1].EndNs;
        // Lower bound: each character at its rate, and tr min at every turn of the line (request → identification,
        // identification → option select, option select → data message).
        double wire = all.Sum(ch => 10.0 / ch.Baud);
        int turns = 0;
        for (int i = 1; i < all.Count; i++)
            if (all[i].Sender != all[i - 1].Sender) turns++;
        wire += turns * minimumReactionMs / 1000.0;
        return new Result(dataBaud, probeChars.Count, meterChars.Count, data.Count,
            (data[^1].EndNs - data[0].StartNs) / 1e9, (end - start) / 1e9, wire, received.ToArray());
    }

    /// <summary>
    /// The direct 5(105) A meter on the simulated board, from 2025-01-30 for 65 days at a balanced
    /// 3 × 10 A, PF 0.95 in 60-s metering cycles (S0 edges at their times): billing closes on
    /// 02-01, 03-01 and 04-01, so the readout's billing values (VZ) exist.
    /// </summary>
    private static ElectricityMeter MeterWithThreeBillingPeriods(Meter.Hal.ISerialLink optical)
    {
        var start = new DateTime(2025, 1, 30, 0, 0, 0, DateTimeKind.Utc);
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        MeterSettings settings = PresetSettings.FromPreset(preset);
        SimulatedBoard board = SimulatedBoard.For(preset, start).WithOpticalLink(optical).WithoutInputs().Build();
        SimulatedAde7880 chip = board.Chip;
        for (int p = 0; p < 3; p++) chip.Phases[p].Set(new PhaseLoad(230, 10, 18.19));
        var rtc = board.Rtc;
        var meter = new ElectricityMeter(settings, board.Hardware()) { MeasurementIntervalCycles = 1, OpticalPortOnOwnClock = true };
        meter.Start(0, start);
        const int cycleMs = 60_000;
        for (long fromMs = 0; fromMs < 65L * 86_400_000; fromMs += cycleMs) VirtualCycle.Run(meter, chip, rtc, fromMs, cycleMs);
        if (meter.Periods.BillingClosings != 3) throw new InvalidOperationException($"expected 3 billing closings, the meter made {meter.Periods.BillingClosings}");
        return meter;
    }
}
