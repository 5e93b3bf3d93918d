using Meter.Core;
using nanoFramework.Runtime.Native;

namespace Meter.App
{
    /// <summary>
    /// Restarting cleanly after a fault: the fault goes to the event log first (a restart event
    /// whose detail is the fault code, Meter.Core EventRouting.LogRestart), then the device
    /// reboots; the registers are restored from NV memory at the next start.
    /// </summary>
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
