using System.Globalization;
using Meter.Hal.Simulation.Storage;
using Meter.ReferenceData;
using Meter.Storage;

namespace Meter.Benchmarks;

/// <summary>
/// Load-profile logging depth in days for every energy-type set × integration period in 64, 128
/// and 256 KiB of NV memory (the profile gets what the default layout leaves: registers,
/// billing logger, logger 2 and event log come first), measured by running the real
/// <see cref="LoadProfile"/> encoder on the residential reference year until the ring has
/// wrapped and then for one more year, taking the smallest depth seen (winter and summer
/// compress differently). Printed next to the seed meters' tables.
/// </summary>
public sealed class ProfileDepthBenchmark : IBenchmark
{
    private const string ProfileFile = "residential-pv-2025-15min.csv";
    private static readonly int[] Periods = { 5, 15, 30, 60 };
    private static readonly int[] SizesKiB = { 64, 128, 256 };

    // Kamstrup 351 B / 382 J "Logging depth in days" (5/15/30/60 min) and OMNIPOWER (15/30/60 min).
    private static readonly Dictionary<int, int[]> Kamstrup = new()
    {
        [ProfileChannels.APlus] = new[] { 37, 110, 225, 450 },
        [ProfileChannels.APlusAMinus] = new[] { 26, 80, 160, 320 },
        [ProfileChannels.APlusRPlus] = new[] { 26, 80, 160, 320 },
        [ProfileChannels.FourQuadrant] = new[] { 17, 50, 100, 200 },
    };

    // Kamstrup 351C (Russian data sheet, "Интервал усреднения" table), 5/15/30/60 min.
    private static readonly Dictionary<int, int[]> Kamstrup351C = new()
    {
        [ProfileChannels.APlus] = new[] { 92, 275, 550, 1100 },
        [ProfileChannels.APlusAMinus] = new[] { 77, 231, 462, 924 },
        [ProfileChannels.APlusRPlus] = new[] { 77, 231, 462, 924 },
        [ProfileChannels.FourQuadrant] = new[] { 58, 175, 350, 700 },
    };

    private static readonly Dictionary<int, int[]> Omnipower = new()
    {
        [ProfileChannels.APlus] = new[] { 0, 278, 556, 1113 },
        [ProfileChannels.APlusAMinus] = new[] { 0, 235, 470, 941 },
        [ProfileChannels.FourQuadrant] = new[] { 0, 180, 360, 720 },
        [ProfileChannels.ActiveAndQuadrants] = new[] { 0, 145, 291, 583 },
        [ProfileChannels.All] = new[] { 0, 122, 244, 489 },
    };

    public string Name => "profile-depth";

    public string Description => "load-profile depth (days) per energy type × period in 64/128/256 KiB on the residential reference year";

    public void Run(BenchmarkReport report, string[] args)
    {
        string? path = null;
        for (int i = 0; i + 1 < args.Length; i++)
            if (args[i] == "--data") path = args[i + 1];
        if (path != null && !File.Exists(path)) throw new ArgumentException($"--data '{path}' does not exist");
        path ??= ReferenceDataFiles.Find(ProfileFile);
        var year = LoadYear(path);

        var rows = new List<string[]>();
        double a4At15In256 = 0;
        double bytesPerInterval = 0;
        for (int set = ProfileChannels.APlus; set <= ProfileChannels.All; set++)
        {
            for (int p = 0; p < Periods.Length; p++)
            {
                int period = Periods[p];
                var row = new List<string> { ProfileChannels.Name(set), $"{period} min" };
                foreach (int kib in SizesKiB)
                {
                    var (days, bpi) = MeasureDepth(year, set, period, kib * 1024);
                    row.Add(days.ToString("F0", CultureInfo.InvariantCulture));
                    if (set == ProfileChannels.FourQuadrant && period == 15 && kib == 256)
                    {
                        a4At15In256 = days;
                        bytesPerInterval = bpi;
                    }
                }
                row.Add(Kamstrup.TryGetValue(set, out var k) ? k[p].ToString(CultureInfo.InvariantCulture) : "–");
                row.Add(Kamstrup351C.TryGetValue(set, out var kc) ? kc[p].ToString(CultureInfo.InvariantCulture) : "–");
                row.Add(Omnipower.TryGetValue(set, out var o) && o[p] > 0 ? o[p].ToString(CultureInfo.InvariantCulture) : "–");
                rows.Add(row.ToArray());
            }
        }
        var layout = new StorageLayout();
        report.Table("Load-profile depth in days (residential reference year, registers in Wh/varh)",
            new[] { "energy type", "period", "64 KiB", "128 KiB", "256 KiB", "351B/382J", "351C", "OMNIPOWER" }, rows);
        report.Note($"Profile region = memory − {layout.ProfileAddress} bytes of other records (default layout: {layout.RegisterCount} registers × {layout.RegisterSlots} slots, " +
            $"36 billing periods × {layout.BillingValueCount} values, logger 2 {layout.Logger2Depth} × {layout.Logger2ValueCount}, {layout.EventCapacity} events); " +
            $"{layout.ProfileBlockSize}-byte blocks, one spare. Depth = smallest span held over a year after the ring wrapped.");
        report.Note("The seeds' tables give no memory size; their depths are the manufacturers' figures.");
        report.Figure("days_a4_15min_256kib", Math.Round(a4At15In256, 1));
        report.Figure("bytes_per_interval_a4_15min", Math.Round(bytesPerInterval, 2));
        var (analysisDays, analysisBytes) = AnalysisLoggerDepth.Measure(path);
        report.Note($"Analysis logger (quality measurement): 8 default channels at 10 min in its {StorageLayout.DefaultAnalysisRegionSize / 1024} KiB region, " +
            $"{analysisBytes:F2} bytes an interval (values derived from the reference year, AnalysisLoggerDepth).");
        report.Figure("days_analysis_10min_8ch_64kib", Math.Round(analysisDays, 1));
        report.Figure("bytes_per_interval_analysis_8ch", Math.Round(analysisBytes, 2));
    }

    /// <summary>One 15-min sample: total active and reactive power in 0.1 W / 0.1 var.</summary>
    private sealed record Sample(long PdW, long QdVar);

    private static List<Sample> LoadYear(string path)
    {
        var list = new List<Sample>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] f = line.Split(',');
            if (f.Length < 7) continue;
            double p = 0, q = 0;
            for (int i = 1; i <= 3; i++) p += double.Parse(f[i], CultureInfo.InvariantCulture);
            for (int i = 4; i <= 6; i++) q += double.Parse(f[i], CultureInfo.InvariantCulture);
            list.Add(new Sample((long)Math.Round(p * 10), (long)Math.Round(q * 10)));
        }
        if (list.Count < 96) throw new ArgumentException($"{path}: too few rows");
        return list;
    }

    /// <summary>Channel registers in energy units of 0.1 W·min (exact integers); Wh = units / 600.</summary>
    private static void AddEnergy(long[] acc, int set, Sample s, long minutes)
    {
        long p = s.PdW * minutes, q = s.QdVar * minutes;
        long aPlus = Math.Max(p, 0), aMinus = Math.Max(-p, 0), rPlus = Math.Max(q, 0), rMinus = Math.Max(-q, 0);
        // Quadrants (IEC 62053-23): R1 = Q+ while importing, R2 = Q+ exporting, R3 = Q− exporting, R4 = Q− importing.
        long r1 = p >= 0 ? rPlus : 0, r2 = p < 0 ? rPlus : 0, r3 = p < 0 ? rMinus : 0, r4 = p >= 0 ? rMinus : 0;
        long[] all = set switch
        {
            ProfileChannels.APlus => new[] { aPlus },
            ProfileChannels.APlusAMinus => new[] { aPlus, aMinus },
            ProfileChannels.APlusRPlus => new[] { aPlus, rPlus },
            ProfileChannels.FourQuadrant => new[] { aPlus, aMinus, rPlus, rMinus },
            ProfileChannels.ActiveAndQuadrants => new[] { aPlus, aMinus, r1, r2, r3, r4 },
            _ => new[] { aPlus, aMinus, rPlus, rMinus, r1, r2, r3, r4 },
        };
        for (int c = 0; c < acc.Length; c++) acc[c] += all[c];
    }

    private static (double Days, double BytesPerInterval) MeasureDepth(List<Sample> year, int set, int period, int memorySize)
    {
        int channels = ProfileChannels.ChannelCount(set);
        var layout = new StorageLayout { ProfileChannelCount = channels, ProfilePeriodMinutes = period };
        var memory = new RamNvMemory(memorySize);
        var storage = new MeterStorage(memory, layout, new RegisterSavePolicy(Enumerable.Repeat(5L, layout.RegisterCount).ToArray()));
        storage.Open(new DateTime(2025, 1, 1));
        var profile = storage.Profile;
        var start = new DateTime(2025, 1, 1);
        var acc = new long[channels];
        var registers = new long[channels];
        profile.Start(start, registers);
        long profileBytesBefore = memory.ByteWrites;

        long minute = 0;
        long intervals = 0;
        double minDepth = double.MaxValue;
        long wrappedAtMinute = -1;
        long limitMinutes = 30L * 366 * 1440; // give up after 30 years
        int i = 0;
        while (minute < limitMinutes)
        {
            var s = year[i % year.Count];
            i++;
            // Split each 15-min sample into 5-min steps so that 5-min periods see the same load.
            for (int sub = 0; sub < 3; sub++)
            {
                AddEnergy(acc, set, s, 5);
                minute += 5;
                if (minute % period != 0) continue;
                for (int c = 0; c < channels; c++) registers[c] = acc[c] / 600; // Wh, varh
                profile.Append(start.AddMinutes(minute), registers, IntervalStatus.None);
                intervals++;
                if (wrappedAtMinute < 0 && profile.CurrentBlockSequence >= profile.BlockCount) wrappedAtMinute = minute;
                if (wrappedAtMinute >= 0 && minute % 1440 == 0)
                    minDepth = Math.Min(minDepth, (profile.LastMinute - profile.OldestMinute) / 1440.0);
            }
            if (wrappedAtMinute >= 0 && minute - wrappedAtMinute >= 366L * 1440) break;
        }
        if (wrappedAtMinute < 0) minDepth = limitMinutes / 1440.0; // never wrapped: at least this much
        // Encoded bytes an interval: block bytes used (headers and end markers included) over intervals.
        double blockBytes = (profile.CurrentBlockSequence - 1) * (double)profile.BlockSize + profile.CurrentTail;
        return (minDepth, blockBytes / intervals);
    }
}
