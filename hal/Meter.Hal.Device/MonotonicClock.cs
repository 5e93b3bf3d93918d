namespace Meter.Hal.Device
{
    /// <summary>
    /// Milliseconds since start-up from Environment.TickCount64 (nanoFramework.Runtime.Native on
    /// the ESP32, the runtime on .NET): the monotonic time the app feeds the meter with.
    /// </summary>
    public static class MonotonicClock
    {
        /// <summary>Milliseconds since the system started; never goes back.</summary>
        public static long NowMilliseconds
        {
            get { return System.Environment.TickCount64; }
        }
    }
}
