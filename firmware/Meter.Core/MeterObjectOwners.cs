using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// Which component owns which objects of the <see cref="MeterObjectTable"/> (reads its values,
    /// takes its validated writes); filled once by the composition root.
    /// </summary>
    public sealed class MeterObjectOwners
    {
        /// <summary>Owners of the <see cref="StandardObjects"/>.</summary>
        public StandardObjectOwners Standard;
        /// <summary>Per-phase active powers.</summary>
        public InstantaneousValues Instantaneous;
        /// <summary>Calibration registers 1-0:128.K.P.</summary>
        public CalibrationAccess Calibration;
        /// <summary>Settings objects, the P1 password and the tariff switching list's writes.</summary>
        public SettingsWriter Settings;
        /// <summary>Reads of every list (display, readout, holidays, tariff switching).</summary>
        public ListSettingsReader ListReader;
        /// <summary>Writes of the display, readout and holiday lists.</summary>
        public ListSettingsWriter Lists;
        /// <summary>Verification mode 1-0:128.128.0.</summary>
        public VerificationSwitch Verification;
        /// <summary>Tamper status and counters.</summary>
        public TamperMonitor Tamper;
        /// <summary>Event counters.</summary>
        public EventRouting Events;
        /// <summary>Dips and swells.</summary>
        public VoltageQualityMonitor VoltageQuality;
        /// <summary>Pulse input and alarm input: register, settings, alarm counter.</summary>
        public ModuleInputs Inputs;
        /// <summary>Disconnect control and limiter objects.</summary>
        public BreakerObjectOwner Breaker;
        /// <summary>THD, unbalance and the EN 50160 week (issue 20).</summary>
        public PowerQualityObjects PowerQuality;
    }
}
