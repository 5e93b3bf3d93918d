using System.Globalization;
using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using Meter.Metrology.Quality;

namespace Meter.Benchmarks;

/// <summary>
/// Quality measurement on the simulated ADE7880: per 1-s cycle the energy cycle (<see cref="Ade7880Driver.TakeEnergy"/>),
/// the measurement read with the harmonic scan (<see cref="Ade7880Driver.ReadMeasurements"/>), the quantities
/// (<see cref="PhaseQualityValues"/>) and the 10-min aggregation (<see cref="TenMinuteAggregator"/>). SPI frames are
/// counted by the simulated chip. Allocation: the simulated chip allocates (host code), so the frames' answers are
/// recorded in a first run and replayed to a second, identical driver and firmware pipeline, around whose cycles
/// GC.GetAllocatedBytesForCurrentThread is measured (the replay itself copies into the driver's buffers).
/// </summary>
public sealed class QualityBenchmark : IBenchmark
{
    private const int FullScaleMv = 460_000, FullScaleMa = 20_000;
    private const long Start = 1_733_400_000; // a 10-min tick (2024-12-05T12:00Z)

    public string Name => "quality";

    public string Description => "power-quality measurement: SPI transactions per second and managed allocation per 1-s cycle, harmonic scan on";

    public void Run(BenchmarkReport report, string[] args)
    {
        int cycles = 3_600;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--cycles" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0) { cycles = n; i++; }
            else throw new ArgumentException($"unknown option '{args[i]}' (use --cycles N)");
        }
        var off = Measure(false, cycles);
        var on = Measure(true, cycles);
        var rows = new List<string[]>
        {
            new[] { "quality measurement off", F(off.EnergyFrames), F(off.MeasurementFrames), F(off.EnergyFrames + off.MeasurementFrames), F(off.Alloc) },
            new[] { "quality measurement on", F(on.EnergyFrames), F(on.MeasurementFrames), F(on.EnergyFrames + on.MeasurementFrames), F(on.Alloc) },
        };
        report.Table($"Quality measurement on the simulated chip, {cycles} cycles of 1 s (230 V, 3rd 5 %, 5th 6 %, 7th 5 %; C 220 V shifted 2°)",
            new[] { "mode", "energy cycle frames/s", "measurement frames/s", "SPI frames/s", "alloc bytes/cycle" }, rows);
        report.Note("Energy cycle = TakeEnergy (unchanged by quality measurement). Measurement = ReadMeasurements every cycle: 27 reads + STATUS0, + VTHD, ITHD, HCONFIG, STATUS0 on HREADY (HSTIME 750 ms, so every 1-s read); quality on adds FVRMS, FWATT, FVA and three HxVRMS per read and HX, HY, HZ after each phase C (harmonic orders 2–25 of each phase every 24 s). Allocation covers driver, PhaseQualityValues.Update and TenMinuteAggregator.Add on replayed answers.");
        report.Figure("spi_transactions_per_second", on.EnergyFrames + on.MeasurementFrames);
        report.Figure("energy_cycle_frames_quality_off", off.EnergyFrames);
        report.Figure("energy_cycle_frames_quality_on", on.EnergyFrames);
        report.Figure("alloc_bytes_per_cycle", on.Alloc);
    }

    private sealed record Result(double EnergyFrames, double MeasurementFrames, double Alloc);

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// Passes frames to its chip; while <see cref="Recording"/> also keeps each answer; while <see cref="Replaying"/>
    /// answers from a recording instead, in the same order.
    /// </summary>
    private sealed class RecordReplaySpi : ISpiDevice
    {
        private readonly ISpiDevice _chip;
        private List<byte[]> _answers = new();
        private int _next;

        public RecordReplaySpi(ISpiDevice chip) => _chip = chip;
        public bool Recording { get; set; }
        public bool Replaying { get; private set; }
        public List<byte[]> Answers => _answers;

        public void Replay(List<byte[]> answers)
        {
            _answers = answers;
            _next = 0;
            Replaying = true;
        }

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
        {
            if (!Replaying)
            {
                _chip.TransferFullDuplex(writeBuffer, readBuffer);
                if (Recording) _answers.Add((byte[])readBuffer.Clone());
                return;
            }
            byte[] answer = _answers[_next++];
            if (answer.Length != readBuffer.Length) throw new InvalidOperationException("replay diverged from the recorded frames");
            Buffer.BlockCopy(answer, 0, readBuffer, 0, answer.Length);
        }
    }

    private sealed class Pipeline
    {
        public readonly Ade7880Driver Driver;
        public readonly MeteringChipConfiguration Configuration;
        public readonly EnergyReading Reading = new();
        public readonly PhaseMeasurements Measurements = new();
        public readonly PhaseQualityValues Values = new();
        public readonly TenMinuteAggregator Aggregator;

        public Pipeline(ISpiDevice spi, SimulatedAde7880 pins, bool quality)
        {
            Driver = new Ade7880Driver(spi, pins.ResetPin, pins.Pm0Pin, pins.Pm1Pin, pins.Irq0Pin, pins.Irq1Pin, new VirtualDelay(pins));
            Configuration = new MeteringChipConfiguration { FullScaleVoltageMillivolts = FullScaleMv, FullScaleCurrentMilliamps = FullScaleMa, QualityMeasurement = quality };
            Aggregator = new TenMinuteAggregator(50_000, Driver.MeasurementScale.PeriodClockHz);
        }

        public void Cycle(long second)
        {
            Driver.TakeEnergy(Reading);
            Driver.ReadMeasurements(Measurements);
            Values.Update(Measurements, Driver.MeasurementScale, FullScaleMv, FullScaleMa);
            Aggregator.Add(Start + second, Values, Measurements.Period[0], false);
        }
    }

    private static SimulatedAde7880 Chip()
    {
        var chip = new SimulatedAde7880(460, 20);
        var harmonics = new[] { new Harmonic(3, 11.5, 0.5, 0), new Harmonic(5, 13.8, 0.4, 0), new Harmonic(7, 11.5, 0.3, 0) };
        chip.Phases[0].Set(new PhaseLoad(230, 10, 0) { Harmonics = harmonics });
        chip.Phases[1].Set(new PhaseLoad(230, 8, 30) { Harmonics = harmonics });
        chip.Phases[2].Set(new PhaseLoad(220, 5, -20) { Harmonics = harmonics, VoltageShiftDegrees = 2 });
        return chip;
    }

    private static Result Measure(bool quality, int cycles)
    {
        // Live run: frames counted by the chip, answers recorded.
        var chip = Chip();
        var recorder = new RecordReplaySpi(chip);
        var live = new Pipeline(recorder, chip, quality);
        live.Driver.Start(live.Configuration);
        recorder.Recording = true;
        long energyFrames = 0, measurementFrames = 0;
        for (int s = 0; s < cycles; s++)
        {
            chip.Advance(1_000_000);
            long f0 = chip.Frames;
            live.Driver.TakeEnergy(live.Reading);
            long f1 = chip.Frames;
            live.Driver.ReadMeasurements(live.Measurements);
            energyFrames += f1 - f0;
            measurementFrames += chip.Frames - f1;
            live.Values.Update(live.Measurements, live.Driver.MeasurementScale, FullScaleMv, FullScaleMa);
            live.Aggregator.Add(Start + s, live.Values, live.Measurements.Period[0], false);
        }

        // Replay: the same frames answered from the recording, allocation measured after a warm-up.
        // Started live on an identical chip (the same driver state as the recording's), then replayed.
        var twin = Chip();
        var player = new RecordReplaySpi(twin);
        var replay = new Pipeline(player, twin, quality);
        replay.Driver.Start(replay.Configuration);
        player.Replay(recorder.Answers);
        int warmUp = Math.Min(100, cycles / 2);
        long alloc = 0;
        for (int s = 0; s < cycles; s++)
        {
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            replay.Cycle(s);
            if (s >= warmUp) alloc += GC.GetAllocatedBytesForCurrentThread() - a0;
        }
        return new Result((double)energyFrames / cycles, (double)measurementFrames / cycles, (double)alloc / (cycles - warmUp));
    }
}
