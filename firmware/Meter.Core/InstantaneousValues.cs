using Meter.Hal;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The instantaneous values (IEC 62056-61 D = 7) from the measurements of the last cycle that
    /// read them: active power total and per phase, rms voltage and current per phase, frequency.
    /// Also the one place where the chip's codes become physical quantities (ADE7880 full-scale
    /// scaling), for the metrology-event log and the display's phase symbols as well.
    /// </summary>
    public sealed class InstantaneousValues : ObisValueOwner
    {
        /// <summary>1-0:21.7.0 instantaneous active power L1 (W with one decimal).</summary>
        public static readonly ObisCode ActivePowerL1 = new ObisCode(21, 7, 0);
        /// <summary>1-0:41.7.0 instantaneous active power L2.</summary>
        public static readonly ObisCode ActivePowerL2 = new ObisCode(41, 7, 0);
        /// <summary>1-0:61.7.0 instantaneous active power L3.</summary>
        public static readonly ObisCode ActivePowerL3 = new ObisCode(61, 7, 0);

        private readonly MeteringCycle _metering;

        /// <summary>Values of the measurements <paramref name="metering"/> reads.</summary>
        public InstantaneousValues(MeteringCycle metering)
        {
            _metering = metering;
        }

        /// <summary>
        /// True when the rms code <paramref name="voltageRms"/> is above 10 % of full scale: the
        /// phase has supply (phase symbol, Kamstrup 382 "Mains voltage reading"; supply back after a loss).
        /// </summary>
        public static bool HasVoltage(MeasurementScale scale, int voltageRms)
        {
            return (long)voltageRms * 10 > scale.FullScaleRmsCode;
        }

        /// <summary>The rms voltage of phase index <paramref name="phase"/> (0..2) in mV.</summary>
        public long VoltageMillivolts(int phase)
        {
            return _metering.MeasurementScale.RmsToMilli(_metering.Measurements.VoltageRms[phase], _metering.NominalVoltageMillivolts);
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (!_metering.MeasurementsValid) return false;
            PhaseMeasurements m = _metering.Measurements;
            int phase = (code.C - 1) / 20;  // 21/41/61, 31/51/71, 32/52/72 → 1, 2, 3; 1/14 → 0
            int quantity = (code.C - 1) % 20 + 1; // 1 = P+, 11 = I, 12 = U (IEC 62056-61 Table 8)
            if (code.C == 14)
            {
                // Frequency of phase A in 0.01 Hz (ADE7880 xPERIOD at 256 kHz).
                if (m.Period[0] <= 0) return false;
                value = _metering.MeasurementScale.PeriodToMillihertz(m.Period[0]) / 10;
                return true;
            }
            if (code.C == 1)
            {
                long sum = 0;
                for (int p = 0; p < 3; p++) sum += PowerMilliwatts(m.ActivePower[p]);
                value = sum > 0 ? sum / 1000 : 0; // 1.7.0 is P+ (import) in W
                return true;
            }
            if (phase < 1 || phase > 3) return false;
            int i = phase - 1;
            if (quantity == 1)
            {
                long mw = PowerMilliwatts(m.ActivePower[i]);
                value = mw > 0 ? mw / 100 : 0; // P+ of the phase in 0.1 W
                return true;
            }
            if (quantity == 12) { value = VoltageMillivolts(i) / 100; return true; }
            if (quantity == 11) { value = _metering.MeasurementScale.RmsToMilli(m.CurrentRms[i], _metering.NominalCurrentMilliamps); return true; }
            return false;
        }

        /// <summary>
        /// xWATT code → mW. The instantaneous power registers read PMAX/16 at full-scale inputs
        /// ("AWATT multiplier is 16", docs/ade7880-notes.md §7; the simulated chip models it).
        /// </summary>
        private long PowerMilliwatts(int code)
        {
            long microwatts = _metering.MeasurementScale.PowerToMicrowatts(code, _metering.NominalVoltageMillivolts, _metering.NominalCurrentMilliamps);
            return microwatts / 1000;
        }
    }
}
