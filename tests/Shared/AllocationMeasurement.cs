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
}
