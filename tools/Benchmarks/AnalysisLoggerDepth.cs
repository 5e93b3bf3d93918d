using System.Globalization;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Benchmarks;

/// <summary>
/// Depth in days of the analysis logger (issue 20) with the 8 default channels (voltage L1–L3 in 0.1 V, frequency in
/// 0.01 Hz, THD L1–L3 and u2 in 0.01 %) in its region of the meter's layout (<see cref="StorageLayout.DefaultAnalysisRegionSize"/>,
/// <see cref="StorageLayout.AnalysisBlockSize"/>-byte blocks), measured by running the real <see cref="AnalysisLog"/>
/// encoder on 10-min values derived from the residential reference year (each phase's voltage drops 2 V per kW it draws
/// and rises as much per kW it exports, plus a seeded ripple; THD and u2 follow the load) until the ring wrapped, then one
/// more year, taking the smallest span readable back through <see cref="AnalysisLogReader"/> at each midnight.
/// </summary>
internal static class AnalysisLoggerDepth
{
    public static (double Days, double BytesPerInterval) Measure(string referenceYearCsv)
    {
        var phasePower = new List<double[]>();
        foreach (string line in File.ReadLines(referenceYearCsv).Skip(1))
        {
            string[] f = line.Split(',');
            if (f.Length < 4) continue;
            phasePower.Add(new[] { 1, 2, 3 }.Select(i => double.Parse(f[i], CultureInfo.InvariantCulture)).ToArray());
        }
        int region = StorageLayout.DefaultAnalysisRegionSize;
        var memory = new RamNvMemory(region);
        var log = new AnalysisLog(memory, 0, region, StorageLayout.AnalysisBlockSize, 8, 1);
        log.Recover();
        var reader = new AnalysisLogReader(log);
        var oldest = new AnalysisEntry(8);
        var random = new Random(20);
        var values = new long[8];
        var start = new DateTime(2025, 1, 1);
        long minute = 0, intervals = 0, wrappedAt = -1;
        double minDepth = double.MaxValue;
        while (wrappedAt < 0 || minute - wrappedAt < 366L * 1440)
        {
            minute += AnalysisLog.PeriodMinutes;
            double[] p = phasePower[(int)(minute / 15 % phasePower.Count)];
            for (int ph = 0; ph < 3; ph++)
            {
                values[ph] = 2300 - (long)Math.Round(p[ph] * 0.02) + random.Next(-8, 9); // 2 V a kW, ± 0.8 V ripple
                values[4 + ph] = 180 + (long)Math.Round(Math.Abs(p[ph]) * 0.05) + random.Next(-20, 21); // THD ~ 1.8 % + load
            }
            values[3] = 5000 + random.Next(-4, 5);
            values[7] = 40 + (long)Math.Round(Math.Abs(p[0] - p[2]) * 0.02) + random.Next(-5, 6);
            log.Append(start.AddMinutes(minute), values, 0);
            intervals++;
            if (wrappedAt < 0 && log.CurrentBlockSequence >= log.BlockCount) wrappedAt = minute;
            if (wrappedAt >= 0 && minute % 1440 == 0)
            {
                reader.Reset();
                if (!reader.Next(oldest)) throw new InvalidOperationException("the analysis log reads nothing back");
                minDepth = Math.Min(minDepth, (log.LastMinute - oldest.EndMinute + AnalysisLog.PeriodMinutes) / 1440.0);
            }
        }
        double blockBytes = (log.CurrentBlockSequence - 1) * (double)log.BlockSize + log.CurrentTail;
        return (minDepth, blockBytes / intervals);
    }
}
