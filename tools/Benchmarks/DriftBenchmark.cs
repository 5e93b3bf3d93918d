using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Meter.Metrology;

namespace Meter.Benchmarks;

/// <summary>
/// 10 simulated years of 1-s metering cycles at a constant, awkward 3-phase load: the exact integer
/// registers against a <c>double</c> (and a <c>float</c>) accumulator of the kind hobby firmware uses,
/// then the time and allocation of one <see cref="EnergyAccumulator.AddCycle"/> on this host.
/// </summary>
public sealed class DriftBenchmark : IBenchmark
{
    // Shelly/Tasmota LSB: 0.24576 W·s per count = 512 / 7 500 000 Wh (not a binary fraction: double rounds it).
    private const long LsbNumerator = 24_576;
    private const long LsbDenominator = 360_000_000;

    // ≈ 1.23 kW, 1.22 kW, 1.23 kW per phase; reactive of mixed sign (phase B in quadrant IV); counts per 1-s cycle.
    private static readonly int[] Active = { 5_023, 4_987, 5_011 };
    private static readonly int[] Reactive = { 1_777, -211, 903 };
    private static readonly int[] Apparent = { 5_331, 4_992, 5_093 };

    public string Name => "drift";

    public string Description => "10 years at an awkward constant load: integer register error (0) vs double/float accumulators; time and allocation per cycle";

    public void Run(BenchmarkReport report, string[] args)
    {
        int years = 10;
        for (int i = 0; i + 1 < args.Length; i++)
            if (args[i] == "--years" && (!int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out years) || years < 1 || years > 50))
                throw new ArgumentException("--years must be 1 … 50");

        long cycles = years * 31_557_600L; // Julian years of 365.25 d, 1-s cycles
        var constant = new EnergyConstant(LsbNumerator, LsbDenominator);
        var config = new MeteringConfiguration(ConnectionType.ThreePhaseFourWire, PhaseSummation.VectorSum, constant, constant, constant, 1, new CurrentTransformerRatio(5, 5), 0);
        var acc = new EnergyAccumulator(config);

        // What a float-based firmware does every cycle: Wh += counts × 0.24576 / 3600.
        const double whPerCountDouble = 0.24576 / 3600.0;
        const float whPerCountFloat = 0.24576f / 3600f;
        double doubleWh = 0;
        float floatWh = 0;
        int cycleCounts = Active[0] + Active[1] + Active[2];

        var wall = Stopwatch.StartNew();
        for (long c = 0; c < cycles; c++)
        {
            acc.AddCycle(Active, Reactive, Apparent, 0, 1000);
            doubleWh += cycleCounts * whPerCountDouble;
            floatWh += cycleCounts * whPerCountFloat;
        }
        wall.Stop();

        // Independent exact expectation: counts = cycles × per-cycle sum; Wh = counts × 24576 / 360 000 000.
        BigInteger exactCounts = (BigInteger)cycles * cycleCounts;
        long registerCounts = acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total);
        // Every register, per phase and total, plus the tariff registers: |register − cycles × expected per cycle|, summed.
        BigInteger integerErrorCounts = 0;
        int registersChecked = 0;
        for (int channel = 0; channel < MeterChannel.Count; channel++)
        {
            long[] perCycle = ExpectedPerCycle(channel);
            for (int r = 0; r < EnergyAccumulator.RegisterCount; r++)
            {
                integerErrorCounts += BigInteger.Abs(acc.GetCounts((EnergyRegister)r, channel) - (BigInteger)cycles * perCycle[r]);
                registersChecked++;
            }
        }
        long[] total = ExpectedPerCycle(MeterChannel.Total);
        integerErrorCounts += BigInteger.Abs(acc.GetTariffActiveImportCounts(0) - (BigInteger)cycles * total[(int)EnergyRegister.ActiveImport]);
        integerErrorCounts += BigInteger.Abs(acc.GetTariffReactiveImportCounts(0) - (BigInteger)cycles * total[(int)EnergyRegister.ReactiveImport]);
        registersChecked += 2;
        BigInteger exactMilliWhFloor = exactCounts * LsbNumerator * 1000 / LsbDenominator;
        long registerMilliWh = acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, -3);
        double exactWh = (double)(exactCounts * LsbNumerator * 1_000_000_000 / LsbDenominator) / 1e9; // exact to 1 nWh
        double doubleErrorWh = Math.Abs(doubleWh - exactWh);
        double floatErrorWh = Math.Abs(floatWh - exactWh);

        // Time and allocation of the accumulator alone, on this host (the device is ~100× slower, see nanoframework.md).
        var timing = new EnergyAccumulator(config);
        const int warmup = 100_000, measured = 5_000_000;
        for (int i = 0; i < warmup; i++) timing.AddCycle(Active, Reactive, Apparent, 0, 1000);
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < measured; i++) timing.AddCycle(Active, Reactive, Apparent, 0, 1000);
        sw.Stop();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        double nsPerCycle = sw.Elapsed.TotalNanoseconds / measured;
        double bytesPerCycle = (double)bytes / measured;

        // The whole metrology part of a cycle: accumulator, one S0 output, demand.
        var full = new EnergyAccumulator(config);
        var s0 = new PulseOutput(new NullPin(), full, new PulseOutputSettings(EnergyRegister.ActiveImport, 10_000, false, 30, 100_000, NoLoadIndication.Off));
        var demand = new DemandMeter(full, 15);
        long clock = 1_750_000_000;
        for (int i = 0; i < warmup; i++) FullCycle(full, s0, demand, clock++);
        long fullBytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var fullWatch = Stopwatch.StartNew();
        for (int i = 0; i < measured; i++) FullCycle(full, s0, demand, clock++);
        fullWatch.Stop();
        double fullNsPerCycle = fullWatch.Elapsed.TotalNanoseconds / measured;
        double fullBytesPerCycle = (double)(GC.GetAllocatedBytesForCurrentThread() - fullBytesBefore) / measured;

        report.Table($"{years} years of 1-s cycles at {cycleCounts} counts/s (≈ {cycleCounts * 0.24576:F1} W), 0.24576 W·s per count",
            new[] { "accumulator", "A+ after the run", "error" },
            new[]
            {
                new[] { "exact (independent)", $"{exactWh:F3} Wh", "—" },
                new[] { "integer registers", $"{registerCounts} counts = {registerMilliWh} mWh", $"{integerErrorCounts} counts over all {registersChecked} registers, mWh floor {(registerMilliWh == exactMilliWhFloor ? "exact" : "WRONG")}" },
                new[] { "double (Wh += counts × 0.24576/3600)", $"{doubleWh:F3} Wh", $"{doubleErrorWh:F6} Wh" },
                new[] { "float", $"{floatWh:F3} Wh", $"{floatErrorWh:F1} Wh" },
            });
        report.Table("Metrology per 1-s cycle on this host", new[] { "work", "cycles", "ns per cycle", "bytes allocated per cycle" },
            new[]
            {
                new[] { "EnergyAccumulator.AddCycle", measured.ToString(CultureInfo.InvariantCulture), nsPerCycle.ToString("F1", CultureInfo.InvariantCulture), bytesPerCycle.ToString("F3", CultureInfo.InvariantCulture) },
                new[] { "+ PulseOutput.Update + DemandMeter.Update", measured.ToString(CultureInfo.InvariantCulture), fullNsPerCycle.ToString("F1", CultureInfo.InvariantCulture), fullBytesPerCycle.ToString("F3", CultureInfo.InvariantCulture) },
            });
        report.Note($"{cycles} simulated cycles in {wall.Elapsed.TotalSeconds:F1} s wall time.");

        report.Figure("simulated_years", years);
        report.Figure("integer_error_counts", (long)integerErrorCounts);
        report.Figure("integer_registers_checked", registersChecked);
        report.Figure("integer_error_mwh", (long)BigInteger.Abs(registerMilliWh - exactMilliWhFloor));
        report.Figure("double_error_wh", doubleErrorWh);
        report.Figure("float_error_wh", floatErrorWh);
        report.Figure("accumulator_ns_per_cycle", nsPerCycle);
        report.Figure("accumulator_bytes_per_cycle", bytesPerCycle);
        report.Figure("metrology_ns_per_cycle", fullNsPerCycle);
        report.Figure("metrology_bytes_per_cycle", fullBytesPerCycle);
    }

    /// <summary>
    /// Counts per cycle each register must gain, from the sign rules alone (IEC 62053-23 quadrants, P ≥ 0 import):
    /// a phase books its own P, Q, S; the total (vector sum) books ΣP, ΣQ, ΣS.
    /// </summary>
    private static long[] ExpectedPerCycle(int channel)
    {
        long p = 0, q = 0, s = 0;
        for (int ph = 0; ph < 3; ph++)
        {
            if (channel != MeterChannel.Total && channel != ph) continue;
            p += Active[ph];
            q += Reactive[ph];
            s += Apparent[ph];
        }
        var e = new long[EnergyAccumulator.RegisterCount];
        bool import = p >= 0;
        e[(int)(import ? EnergyRegister.ActiveImport : EnergyRegister.ActiveExport)] = Math.Abs(p);
        e[(int)(q >= 0 ? EnergyRegister.ReactiveImport : EnergyRegister.ReactiveExport)] = Math.Abs(q);
        EnergyRegister quadrant = q >= 0 ? (import ? EnergyRegister.ReactiveQuadrant1 : EnergyRegister.ReactiveQuadrant2)
                                         : (import ? EnergyRegister.ReactiveQuadrant4 : EnergyRegister.ReactiveQuadrant3);
        e[(int)quadrant] = Math.Abs(q);
        e[(int)(import ? EnergyRegister.ApparentImport : EnergyRegister.ApparentExport)] = s;
        return e;
    }

    private static void FullCycle(EnergyAccumulator acc, PulseOutput s0, DemandMeter demand, long clockSeconds)
    {
        acc.AddCycle(Active, Reactive, Apparent, 0, 1000);
        s0.Update(clockSeconds * 1000);
        demand.Update(clockSeconds, 0);
    }

    private sealed class NullPin : Meter.Hal.IOutputPin
    {
        public void Write(bool high) { }
    }
}
