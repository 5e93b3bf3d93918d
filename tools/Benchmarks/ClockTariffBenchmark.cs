using System.Diagnostics;
using System.Globalization;
using Meter.Clock;

namespace Meter.Benchmarks;

/// <summary>
/// The clock and tariff path the metering loop calls every cycle: UTC → local time (GMT code 01,
/// EU summer time) and the active tariff from a 4-tariff weekday/weekend timetable with holidays,
/// plus the next possible tariff change. Time and allocation per call on this host, and the
/// year's tariff switches at 1-s resolution (a deterministic figure).
/// </summary>
public sealed class ClockTariffBenchmark : IBenchmark
{
    public string Name => "clock-tariff";

    public string Description => "UTC→local and timetable tariff evaluation per metering cycle: ns and bytes per call; tariff switches in 2025";

    public void Run(BenchmarkReport report, string[] args)
    {
        int calls = 5_000_000;
        for (int i = 0; i + 1 < args.Length; i++)
            if (args[i] == "--calls" && (!int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out calls) || calls < 1000 || calls > 100_000_000))
                throw new ArgumentException("--calls must be 1000 … 100000000");

        var rule = new LocalTimeRule(1, SummerTimeTable.Eu);
        var controller = new TariffController(rule);
        var workingDay = new TariffDayProfile(0).SwitchAt(6, 0, 1).SwitchAt(17, 0, 2).SwitchAt(21, 0, 1).SwitchAt(23, 0, 0);
        var weekend = new TariffDayProfile(0).SwitchAt(8, 0, 3).SwitchAt(22, 0, 0);
        var holidays = new HolidayTable().AddFixed(1, 1).AddFixed(12, 25).AddFixed(12, 26)
            .AddDate(2025, 4, 17).AddDate(2025, 4, 18).AddDate(2025, 4, 21).AddDate(2025, 5, 29).AddDate(2025, 6, 9);
        controller.UseTimetable(TariffTimetable.AllYear(holidays, workingDay, weekend, weekend));

        long start = UnixTime.ToSeconds(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        long end = UnixTime.ToSeconds(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        // Deterministic figure: switches in 2025 at 1-s resolution, and how many calls the
        // NextPossibleChange hint saves (evaluate only when the hint says a change may happen).
        int switches = 0, hintedEvaluations = 0, last = controller.Evaluate(start);
        long nextCheck = controller.NextPossibleChange(start);
        for (long t = start + 1; t < end; t++)
        {
            int tariff = controller.Evaluate(t);
            bool changed = tariff != last;
            if (changed) switches++;
            if (t >= nextCheck)
            {
                hintedEvaluations++;
                nextCheck = controller.NextPossibleChange(t);
            }
            else if (changed)
            {
                throw new InvalidOperationException($"tariff changed at {t} before the hinted instant {nextCheck}");
            }

            last = tariff;
        }

        long step = (end - start) / calls;
        if (step < 1) step = 1;
        long toLocalNs = Measure(calls, i => rule.ToLocal(start + i * step).SecondOfDay, out long toLocalBytes);
        long evaluateNs = Measure(calls, i => controller.Evaluate(start + i * step), out long evaluateBytes);
        long nextNs = Measure(calls, i => (int)(controller.NextPossibleChange(start + i * step) & 1), out long nextBytes);

        report.Table("Clock and tariff path per call (this host; nanoFramework interprets IL, expect ~100× slower)",
            new[] { "call", "ns/call", "bytes allocated/call" },
            new[]
            {
                new[] { "LocalTimeRule.ToLocal", Per(toLocalNs, calls), Per(toLocalBytes, calls) },
                new[] { "TariffController.Evaluate (timetable)", Per(evaluateNs, calls), Per(evaluateBytes, calls) },
                new[] { "TariffController.NextPossibleChange", Per(nextNs, calls), Per(nextBytes, calls) },
            });
        report.Note($"2025 at 1-s resolution: {switches} tariff switches; evaluating only at the hinted instants needs {hintedEvaluations} evaluations instead of {end - start - 1}.");

        report.Figure("clock.to_local_ns_per_call", (double)toLocalNs / calls);
        report.Figure("clock.tariff_evaluate_ns_per_call", (double)evaluateNs / calls);
        report.Figure("clock.next_change_ns_per_call", (double)nextNs / calls);
        report.Figure("clock.tariff_evaluate_bytes_per_call", (double)evaluateBytes / calls);
        report.Figure("clock.tariff_switches_2025", switches);
        report.Figure("clock.hinted_evaluations_2025", hintedEvaluations);
    }

    private static long Measure(int calls, Func<long, int> call, out long allocatedBytes)
    {
        int sink = 0;
        for (int i = 0; i < 10_000; i++) sink += call(i); // warm up
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++) sink += call(i);
        watch.Stop();
        allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        GC.KeepAlive(sink);
        return (long)(watch.Elapsed.TotalMilliseconds * 1_000_000);
    }

    private static string Per(long total, int calls) => ((double)total / calls).ToString("F1", CultureInfo.InvariantCulture);
}
