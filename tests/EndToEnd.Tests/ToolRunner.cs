using Meter.Simulation;

namespace EndToEnd.Tests;

/// <summary>
/// A virtual meter on a free TCP port, run in the background at the given speed, and MeterTool's
/// command line run in process against it (its console output captured).
/// </summary>
public sealed class MeterUnderTest : IDisposable
{
    public const string Password = "00000000";

    public MeterUnderTest(string load = "balanced", double speed = 1, bool sealOpen = false, double currentGainError = 0, DateTime? start = null,
        CapturedLcd? lcd = null, TimeSpan? opticalIdleTimeout = null)
    {
        Host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = load,
            Speed = speed,
            Optical = "tcp:127.0.0.1:0",
            SealOpen = sealOpen,
            CurrentGainError = currentGainError,
            Start = start ?? new DateTime(2025, 5, 14, 8, 0, 0, DateTimeKind.Utc),
            Password = Password,
            OpticalIdleTimeout = opticalIdleTimeout,
        }, lcd);
        Host.RunInBackground();
    }

    public VirtualMeterHost Host { get; }

    /// <summary>Waits (up to 60 s of wall time) until <paramref name="condition"/> holds on the running meter.</summary>
    public void WaitUntil(Func<VirtualMeterHost, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Host.Inspect(condition))
        {
            if (Host.Failure != null) throw new InvalidOperationException("the virtual meter stopped", Host.Failure);
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the virtual meter did not reach: " + what);
            Thread.Sleep(50);
        }
    }

    public (int Code, string Out, string Error) Tool(params string[] args)
    {
        // The previous command's session ended first (its client gone, the meter idle): on a loaded machine the meter's
        // thread can take longer than the client's 2 s wait for the identification to notice, which then reads "port busy".
        WaitUntil(h => h.Meter.Optical.State == Meter.Optical.OpticalServerState.Idle, "the optical port idle before the next command");
        lock (ConsoleGate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (o, e) = (new StringWriter(), new StringWriter());
            Console.SetOut(o);
            Console.SetError(e);
            try
            {
                int code = Meter.Tool.Program.Main([.. args, "--tcp", $"127.0.0.1:{Host.TcpPort}"]);
                return (code, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }

    private static readonly object ConsoleGate = new();

    public void Dispose() => Host.Dispose();
}
