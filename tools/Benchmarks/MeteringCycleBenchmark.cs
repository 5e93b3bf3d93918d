using System.Globalization;
using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Benchmarks;

/// <summary>
/// The ADE7880 metering cycle (<see cref="Ade7880Driver.TakeEnergy"/>) against the simulated
/// chip: SPI frames and bytes per cycle (counted by the simulated chip, independently of the
/// driver) and managed bytes allocated per cycle after start-up
/// (GC.GetAllocatedBytesForCurrentThread around each call, which includes the simulated chip's
/// SPI handling, so the figure is an upper bound for the driver).
/// </summary>
public sealed class MeteringCycleBenchmark : IBenchmark
{
    public string Name => "metering-cycle";

    public string Description => "ADE7880 metering cycle: SPI transactions, bus bytes and managed allocation per cycle";

    public void Run(BenchmarkReport report, string[] args)
    {
        int cycles = 10_000;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--cycles" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0) { cycles = n; i++; }
            else throw new ArgumentException($"unknown option '{args[i]}' (use --cycles N)");
        }

        var rows = new List<string[]>();
        Result? headline = null;
        foreach (var (label, verify, fundamental) in new[]
        {
            ("verified reads (default)", true, false),
            ("verified reads + xFWATTHR", true, true),
            ("unverified reads", false, false),
        })
        {
            var r = Measure(verify, fundamental, cycles);
            headline ??= r;
            rows.Add(new[] { label, F(r.Frames), F(r.Bytes), F(r.Alloc), r.Cycles.ToString(CultureInfo.InvariantCulture) });
        }
        var m = MeasureMeasurements();
        rows.Add(new[] { "ReadMeasurements (rms, powers, period, angle, PF, peaks, THD; driver alone)", F(m.Frames), F(m.Bytes), F(m.Alloc), m.Cycles.ToString(CultureInfo.InvariantCulture) });

        report.Table("ADE7880 metering cycle on the simulated chip (loads 230 V: 5 A PF 1, 3 A PF 0.5 lag, 7 A PF 0.5 lead; 1 s cycles)",
            new[] { "cycle", "SPI frames/cycle", "bytes/cycle", "alloc bytes/cycle", "cycles" }, rows);
        report.Note("Frames and bytes are counted by the simulated chip (the ReadMeasurements row: by a constant-answer SPI after start-up, so only the driver is measured); allocation is measured around each driver call after start-up and warm-up. Default cycle = STATUS1, STATUS0 and 9 energy registers, each + LAST_RWDATA32 (22), LAST_ADD (1), plus one write-1-to-clear per status register with a bit other than HREADY set. ReadMeasurements = 27 reads + STATUS0 (harmonic engine on; + VTHD, ITHD, HCONFIG, STATUS0 when HREADY: per-phase THD round robin; the constant answer never shows HREADY).");
        report.Figure("spi_transactions_per_cycle", headline!.Frames);
        report.Figure("spi_bytes_per_cycle", headline.Bytes);
        report.Figure("alloc_bytes_per_cycle", headline.Alloc);
    }

    private sealed record Result(double Frames, double Bytes, double Alloc, int Cycles);

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static (SimulatedAde7880 Chip, Ade7880Driver Driver) Rig(bool verify, bool fundamental)
    {
        var chip = new SimulatedAde7880(460, 20);
        chip.Phases[0].Set(new PhaseLoad(230, 5, 0));
        chip.Phases[1].Set(new PhaseLoad(230, 3, 60));
        chip.Phases[2].Set(new PhaseLoad(230, 7, -60));
        var driver = new Ade7880Driver(chip, chip.ResetPin, chip.Pm0Pin, chip.Pm1Pin, chip.Irq0Pin, chip.Irq1Pin, new VirtualDelay(chip));
        driver.Start(new Ade7880Configuration
        {
            FullScaleVoltageMillivolts = 460_000,
            FullScaleCurrentMilliamps = 20_000,
            VerifyReads = verify,
            ReadFundamentalActive = fundamental,
        });
        return (chip, driver);
    }

    private static Result Measure(bool verify, bool fundamental, int cycles)
    {
        var (chip, driver) = Rig(verify, fundamental);
        var reading = new EnergyReading();
        for (int i = 0; i < 100; i++) { chip.Advance(1_000_000); driver.TakeEnergy(reading); } // warm-up (JIT)
        long frames = 0, bytes = 0, alloc = 0;
        for (int i = 0; i < cycles; i++)
        {
            chip.Advance(1_000_000);
            long f0 = chip.Frames, b0 = chip.Bytes;
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            driver.TakeEnergy(reading);
            alloc += GC.GetAllocatedBytesForCurrentThread() - a0;
            frames += chip.Frames - f0;
            bytes += chip.Bytes - b0;
        }
        return new Result((double)frames / cycles, (double)bytes / cycles, (double)alloc / cycles, cycles);
    }

    /// <summary>Passes frames to the simulated chip, or answers them with a constant pattern (to isolate the driver's own allocation).</summary>
    private sealed class SwitchableSpi : Meter.Hal.ISpiDevice
    {
        private readonly Meter.Hal.ISpiDevice _chip;
        public SwitchableSpi(Meter.Hal.ISpiDevice chip) => _chip = chip;
        public bool Constant { get; set; }
        public long Frames { get; private set; }
        public long Bytes { get; private set; }

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
        {
            Frames++;
            Bytes += writeBuffer.Length;
            if (!Constant) { _chip.TransferFullDuplex(writeBuffer, readBuffer); return; }
            for (int i = 0; i < readBuffer.Length; i++) readBuffer[i] = (byte)(i < 3 ? 0 : 0x12);
        }
    }

    private static Result MeasureMeasurements()
    {
        // The simulated chip computes measurements with LINQ and doubles (host code); the driver
        // is measured alone by answering its frames with a constant pattern after start-up.
        var chip = new SimulatedAde7880(460, 20);
        var spi = new SwitchableSpi(chip);
        var driver = new Ade7880Driver(spi, chip.ResetPin, chip.Pm0Pin, chip.Pm1Pin, chip.Irq0Pin, chip.Irq1Pin, new VirtualDelay(chip));
        driver.Start(new Ade7880Configuration { FullScaleVoltageMillivolts = 460_000, FullScaleCurrentMilliamps = 20_000 });
        spi.Constant = true;
        var m = new PhaseMeasurements();
        for (int i = 0; i < 100; i++) driver.ReadMeasurements(m);
        const int n = 1000;
        long frames = 0, bytes = 0, alloc = 0;
        for (int i = 0; i < n; i++)
        {
            long f0 = spi.Frames, b0 = spi.Bytes;
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            driver.ReadMeasurements(m);
            alloc += GC.GetAllocatedBytesForCurrentThread() - a0;
            frames += spi.Frames - f0;
            bytes += spi.Bytes - b0;
        }
        return new Result((double)frames / n, (double)bytes / n, (double)alloc / n, n);
    }
}
