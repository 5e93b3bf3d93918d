using Meter.Core;
using nanoFramework.Runtime.Native;

namespace Meter.App
{
    /// <summary>
    /// Restarting cleanly after a fault: the fault goes to the event log first (a restart event
    /// whose detail is the fault code, Meter.Core EventRouting.LogRestart), then the device
    /// reboots; the registers are restored from NV memory at the next start.
    /// </summary>
    /// <remarks>
    /// The registers are deliberately not saved here. After an exception the RAM state may be
    /// half-updated (a fault inside a metering cycle), and after a watchdog fault the stalled
    /// thread may still hold it; a save could then commit a record that fails the restore's
    /// consistency checks (R+ = R1 + R2, tariff sums), which is worse than the loss of a reboot
    /// without a save: less than one save step plus one cycle's energy per register (Meter.Storage
    /// RegisterSavePolicy, the same bound as a power cut without the mains-fail signal).
    /// </remarks>
    internal static class Restart
    {
        /// <summary>Time the reboot handlers get, ms.</summary>
        public const int RebootHandlersMilliseconds = 2000;

        public static void AfterFault(ElectricityMeter meter, int faultCode, string message)
        {
            System.Console.WriteLine("meter: restarting after fault " + faultCode.ToString() + ": " + message);
            try
            {
                if (meter != null) meter.Events.LogRestart(faultCode);
            }
            catch (System.Exception)
            {
                // The log itself may be what failed (NV memory gone): reboot anyway.
            }
            Power.RebootDevice(RebootHandlersMilliseconds);
        }
    }
}
