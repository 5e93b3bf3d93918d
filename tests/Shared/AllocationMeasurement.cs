using Xunit;

/// <summary>
/// The test collection of every test that counts bytes with <c>GC.GetAllocatedBytesForCurrentThread</c>.
/// It runs with nothing else in parallel: while other test classes allocate on other threads, the
/// counter was seen to report 0.5–7 KB in metering cycles that allocate nothing (at random cycles,
/// never alone) — a garbage collection started by another thread retires this thread's allocation
/// context, and the runtime's per-thread count is not exact across it (dotnet/runtime#63487).
/// Alone, the count is the code's own. Compiled into each host test project by Directory.Build.targets.
/// </summary>
[CollectionDefinition(AllocationMeasurement.Collection, DisableParallelization = true)]
public sealed class AllocationMeasurement
{
    /// <summary>The collection's name, for <c>[Collection(AllocationMeasurement.Collection)]</c>.</summary>
    public const string Collection = "allocation measurement";

    /// <summary>
    /// Bytes this thread allocated running <paramref name="run"/>(attempt), the least over up to
    /// <paramref name="attempts"/> runs (stops at the first 0). Code that allocates does so in every run;
    /// a one-off count from the runtime (threads a test process keeps, e.g. a finished test's sockets,
    /// can still start a collection) shows in one run only.
    /// </summary>
    public static long LeastBytesAllocated(System.Action<int> run, int attempts = 3)
    {
        long least = long.MaxValue;
        for (int attempt = 0; attempt < attempts && least != 0; attempt++)
        {
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            run(attempt);
            least = System.Math.Min(least, System.GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
