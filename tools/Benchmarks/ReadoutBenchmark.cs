using System.Text;
using Meter.Hal.Simulation.Serial;
using Meter.Obis;
using Meter.Optical;

namespace Meter.Benchmarks;

/// <summary>
/// Bytes and duration of the default full IEC 62056-21 readout in mode A (300 Bd) and mode C
/// (9600 Bd), measured on the bit-accurate virtual serial link (10 bits per 7E1 character)
/// including the meter's reaction times, from the first request character to the BCC.
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
        report.Note("probe answers the identification after 200 ms in mode C. Values: realistic test values, 3 billing periods.");
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
        var store = new ObisMemoryStore(128);
        var table = new ObisTable(StandardObjects.Count);
        StandardObjects.AddTo(table, store, store);
        FillTestValues(store);
        var settings = new OpticalPortSettings { Mode = mode, MaximumBaud = 9600 };
        var server = new OpticalServer(pair.Meter, settings, table, DefaultReadout.Create(), null, null);
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

    /// <summary>Test values for every object of the default readout; three closed billing periods (VZ 10..12).</summary>
    private static void FillTestValues(ObisMemoryStore s)
    {
        s.SetText(StandardObjects.MeterNumber, "71234567");
        s.SetText(StandardObjects.FirmwareVersion, "1.0.0");
        s.SetDateTime(StandardObjects.Clock, new ObisDateTime(2026, 11, 23, 14, 5, 17));
        s.SetInteger(StandardObjects.ErrorRegister, 0);
        s.SetInteger(StandardObjects.StatusRegister, 0x0000_0100);
        s.SetInteger(StandardObjects.BillingPeriodCounter, 12);
        long[] energies = [18_734_221, 12_101_883, 6_632_338, 2_417_090, 1_900_512, 516_578, 3_210_044, 987_654];
        ObisCode[] codes =
        [
            StandardObjects.ActiveImport, StandardObjects.ActiveImportT1, StandardObjects.ActiveImportT2,
            StandardObjects.ActiveExport, StandardObjects.ActiveExportT1, StandardObjects.ActiveExportT2,
            StandardObjects.ReactiveImport, StandardObjects.ReactiveExport,
        ];
        for (int i = 0; i < codes.Length; i++)
        {
            s.SetInteger(codes[i], energies[i]);
            for (int vz = 10; vz <= 12; vz++) // one month ≈ 350 kWh less per period back
                s.SetInteger(codes[i].WithF((byte)vz), energies[i] - (13 - vz) * 350_000 * energies[i] / energies[0]);
        }
        s.SetInteger(StandardObjects.MaximumDemandImport, 7_842);
        s.SetCaptureTime(StandardObjects.MaximumDemandImport, new ObisDateTime(2026, 11, 4, 18, 15, 0));
        for (int vz = 10; vz <= 12; vz++)
        {
            var code = StandardObjects.MaximumDemandImport.WithF((byte)vz);
            s.SetInteger(code, 6_500 + vz * 37);
            s.SetCaptureTime(code, new ObisDateTime(2026, vz - 2, 12, 19, 0, 0));
        }
        s.SetInteger(StandardObjects.MaximumDemandExport, 3_911);
        s.SetCaptureTime(StandardObjects.MaximumDemandExport, new ObisDateTime(2026, 11, 9, 12, 45, 0));
        s.SetInteger(StandardObjects.CurrentDemandImport, 1_204);
        s.SetCaptureTime(StandardObjects.CurrentDemandImport, new ObisDateTime(2026, 11, 23, 14, 0, 0));
        s.SetInteger(StandardObjects.ActivePower, 1_187);
        s.SetInteger(StandardObjects.VoltageL1, 2_318);
        s.SetInteger(StandardObjects.VoltageL2, 2_301);
        s.SetInteger(StandardObjects.VoltageL3, 2_325);
        s.SetInteger(StandardObjects.CurrentL1, 2_140);
        s.SetInteger(StandardObjects.CurrentL2, 1_577);
        s.SetInteger(StandardObjects.CurrentL3, 1_402);
        s.SetInteger(StandardObjects.Frequency, 4_998);
    }
}
