using System.Runtime.InteropServices;

namespace Meter.Benchmarks;

/// <summary>
/// CPU time of the calling thread: on a machine shared with other work, the time the benchmark
/// itself used, apart from the time it waited for a core. Linux clock_gettime with
/// CLOCK_THREAD_CPUTIME_ID (3); elsewhere the process's CPU time.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    /// <summary>Seconds of CPU used so far by this thread.</summary>
    public static double Seconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var t) == 0) return t.Seconds + t.Nanoseconds / 1e9;
        return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }
}
