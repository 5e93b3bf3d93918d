using Meter.Clock;
using Meter.Dlms;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The meter's stored lists as COSEM profile generics (class 7), by the OBIS codes the optical port's range
    /// requests use where they are standard (IEC 62056-6-1 / Blue Book OBIS, VDEW P.nn = 99.nn):
    /// load profile 1-0:99.1.0.255 (P.01, "load profile with recording period 1"), event log 0-0:99.98.0.255 (P.98,
    /// the standard event log), billing logger 0-0:98.1.0.255 ("data of billing period", profile 1; the optical
    /// port reads it by the billing codes with F = VZ). Logger 2 of the storage is not filled by this meter, so it
    /// is not served.
    /// </summary>
    public static class MeterProfiles
    {
        /// <summary>Logical names.</summary>
        public static readonly byte[] LoadProfileName = new byte[] { 1, 0, 99, 1, 0, 255 };
        /// <summary>Event log.</summary>
        public static readonly byte[] EventLogName = new byte[] { 0, 0, 99, 98, 0, 255 };
        /// <summary>Analysis logger (P.02, quality measurement only).</summary>
        public static readonly byte[] AnalysisName = new byte[] { 1, 0, 99, 2, 0, 255 };
        /// <summary>Billing logger.</summary>
        public static readonly byte[] BillingName = new byte[] { 0, 0, 98, 1, 0, 255 };

        /// <summary>The profile generics over <paramref name="storage"/>, times in the local time of <paramref name="rule"/>.</summary>
        public static ProfileGeneric[] Create(MeterStorage storage, LocalTimeRule rule)
        {
            return Create(storage, rule, null);
        }

        /// <summary>
        /// The profile generics, and with the storage's analysis logger (quality measurement) 1-0:99.2.0.255 of the
        /// channels <paramref name="analysisCodes"/> after them.
        /// </summary>
        public static ProfileGeneric[] Create(MeterStorage storage, LocalTimeRule rule, Meter.Obis.ObisCode[] analysisCodes)
        {
            return Create(storage, rule, analysisCodes, false);
        }

        /// <summary>
        /// As above; with <paramref name="pulseChannel"/> (MeterSettings.PulseInputProfileChannel) the load profile's
        /// capture objects end with the pulse-input register 0-1:24.2.1 (class 3, attribute 2).
        /// </summary>
        public static ProfileGeneric[] Create(MeterStorage storage, LocalTimeRule rule, Meter.Obis.ObisCode[] analysisCodes, bool pulseChannel)
        {
            int channels = storage.Profile.BaseChannelCount;
            byte[] channelC = new byte[channels];
            // P.01's channel order (ProfileRequest): A+ 1.8.0, A- 2.8.0, R+ 3.8.0, R- 4.8.0 — channel i is C = i + 1.
            for (int c = 0; c < channels; c++) channelC[c] = (byte)(c + 1);
            ProfileGeneric load = new ProfileGeneric(LoadProfileName, new LoadProfileSource(storage.Profile, rule, channelC, pulseChannel));
            ProfileGeneric billing = new ProfileGeneric(BillingName, new BillingLoggerSource(storage, rule));
            ProfileGeneric events = new ProfileGeneric(EventLogName, new EventLogSource(storage, rule));
            if (storage.Analysis == null || analysisCodes == null) return new ProfileGeneric[] { load, billing, events };
            return new ProfileGeneric[] { load, billing, events, new ProfileGeneric(AnalysisName, new AnalysisLogSource(storage.Analysis, analysisCodes, rule)) };
        }
    }
}
