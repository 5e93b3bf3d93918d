namespace Meter.Hal
{
    /// <summary>
    /// Waits a short, bounded time (reset pulses, chip start-up polling). Drivers take it as a
    /// constructor argument instead of calling Thread.Sleep, so tests and the simulator can run
    /// them in virtual time. On the board it is implemented with Thread.Sleep or a busy wait.
    /// </summary>
    public interface IDelay
    {
        /// <summary>Returns after at least <paramref name="microseconds"/> µs have passed.</summary>
        void Wait(int microseconds);
    }
}
