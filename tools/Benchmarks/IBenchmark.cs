namespace Meter.Benchmarks;

/// <summary>
/// One named benchmark. Implementations are found by reflection, so adding a benchmark is
/// adding one class in its own file.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line, e.g. <c>metering-cycle</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark, writing its table and figures to <paramref name="report"/>.</summary>
    void Run(BenchmarkReport report, string[] args);
}
