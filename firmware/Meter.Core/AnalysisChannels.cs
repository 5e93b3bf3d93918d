using Meter.Metrology.Quality;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The channels the analysis logger can record (issue 20; the P.02 contract), each an OBIS code of group A = 1,
    /// B = 0 (IEC 62056-61) and its value of a 10-min interval (<see cref="TenMinuteRecord"/>) as an integer in the
    /// channel's decimals: 32.7.0 / 52.7.0 / 72.7.0 voltage L1 … L3 (V, 1 decimal); 31.7.0 / 51.7.0 / 71.7.0 current
    /// (A, 2); 14.7.0 frequency (Hz, 2); 32.7.124 / 52.7.124 / 72.7.124 voltage THD (%, 2); 32.7.n / 52.7.n / 72.7.n
    /// harmonic n = 2 … 25 of the voltage in % of the fundamental (2); 12.7.128 voltage unbalance u2 (%, 2); 13.7.0
    /// power factor (no unit, 3); 1.7.0 / 2.7.0 active power import / export (kW, 3). THD, harmonics and u2 of an
    /// interval without those values (harmonic scan not yet through) are 0.
    /// </summary>
    public static class AnalysisChannels
    {
        private const int Voltage = 0, Current = 1, Frequency = 2, Thd = 3, Harmonic = 4, Unbalance = 5, PowerFactor = 6, Import = 7, Export = 8;

        /// <summary>The default 8 channels: voltage L1 … L3, frequency, voltage THD L1 … L3, unbalance u2.</summary>
        public static ObisCode[] Default()
        {
            return new ObisCode[]
            {
                new ObisCode(32, 7, 0), new ObisCode(52, 7, 0), new ObisCode(72, 7, 0), new ObisCode(14, 7, 0),
                new ObisCode(32, 7, 124), new ObisCode(52, 7, 124), new ObisCode(72, 7, 124), new ObisCode(12, 7, 128),
            };
        }

        /// <summary>True when <paramref name="code"/> is a channel the logger can record.</summary>
        public static bool IsChannel(ObisCode code)
        {
            int phase, order;
            return KindOf(code, out phase, out order) >= 0;
        }

        /// <summary>Checks a channel list: 1 … 24 codes, each a recordable channel, none twice.</summary>
        /// <exception cref="System.ArgumentException">The list is bad (the message names the code).</exception>
        public static void Validate(ObisCode[] codes)
        {
            if (codes == null || codes.Length < 1 || codes.Length > AnalysisLog.MaxChannels)
                throw new System.ArgumentException("AnalysisChannelCodes must list 1 … 24 channels");
            for (int i = 0; i < codes.Length; i++)
            {
                if (!IsChannel(codes[i]))
                    throw new System.ArgumentException("AnalysisChannelCodes: " + codes[i].ToString() + " is not an analysis-logger channel (see AnalysisChannels)");
                for (int k = 0; k < i; k++)
                    if (codes[k] == codes[i]) throw new System.ArgumentException("AnalysisChannelCodes: " + codes[i].ToString() + " is listed twice");
            }
        }

        /// <summary>CRC-32 of the list's C, D, E: kept in every analysis block, so a firmware with another list never misreads them.</summary>
        public static uint ChannelSet(ObisCode[] codes)
        {
            byte[] bytes = new byte[3 * codes.Length];
            for (int i = 0; i < codes.Length; i++)
            {
                bytes[3 * i] = codes[i].C;
                bytes[3 * i + 1] = codes[i].D;
                bytes[3 * i + 2] = codes[i].E;
            }
            return Crc32.Compute(bytes, 0, bytes.Length);
        }

        /// <summary>Decimals of the channel's value (1 voltage, 3 power factor and power, else 2).</summary>
        public static int Decimals(ObisCode code)
        {
            int phase, order;
            int kind = KindOf(code, out phase, out order);
            return kind == Voltage ? 1 : kind == PowerFactor || kind == Import || kind == Export ? 3 : 2;
        }

        /// <summary>
        /// Factor from the channel's value to the scaler of the meter's own register of that code, for DLMS capture objects
        /// (a client scales a captured value by the register's scaler_unit): 10 for currents (the registers 31/51/71.7.0
        /// count mA, scaler −3; the channel hundredths of an ampere), 1 otherwise (voltage −1, frequency −2, THD and u2 −2,
        /// 1.7.0 W, as the channels).
        /// </summary>
        public static int RegisterFactor(ObisCode code)
        {
            int phase, order;
            return KindOf(code, out phase, out order) == Current ? 10 : 1;
        }

        /// <summary>Unit text of the channel ("" for the power factor).</summary>
        public static string Unit(ObisCode code)
        {
            int phase, order;
            switch (KindOf(code, out phase, out order))
            {
                case Voltage: return "V";
                case Current: return "A";
                case Frequency: return "Hz";
                case PowerFactor: return "";
                case Import:
                case Export: return "kW";
                default: return "%";
            }
        }

        /// <summary>The channel's value of interval <paramref name="r"/>, an integer in <see cref="Decimals"/>.</summary>
        public static long Value(ObisCode code, TenMinuteRecord r)
        {
            int phase, order;
            switch (KindOf(code, out phase, out order))
            {
                case Voltage: return RoundedDivision(r.VoltageMillivolts[phase], 100);
                case Current: return RoundedDivision(r.CurrentMilliamps[phase], 10);
                case Frequency: return RoundedDivision(r.FrequencyMeanMillihertz, 10);
                case Thd: return r.HarmonicsValid[phase] ? r.Thd[phase] : 0;
                case Harmonic: return r.HarmonicsValid[phase] ? r.Harmonic(phase, order) : 0;
                case Unbalance: return r.UnbalanceValid ? r.Unbalance : 0;
                case PowerFactor: return RoundedDivision(r.PowerFactor, 10);
                case Import: return RoundedDivision(r.ImportMilliwatts, 1000);
                case Export: return RoundedDivision(r.ExportMilliwatts, 1000);
                default: throw new System.ArgumentException("not an analysis-logger channel");
            }
        }

        // IEC 62056-61 value group C: 32/52/72 voltage, 31/51/71 current of L1 … L3; D = 7 instantaneous value.
        private static int KindOf(ObisCode code, out int phase, out int order)
        {
            phase = 0;
            order = 0;
            if (code.A != 1 || code.B != 0 || code.D != 7) return -1;
            int c = code.C, e = code.E;
            if (c == 32 || c == 52 || c == 72)
            {
                phase = (c - 32) / 20;
                if (e == 0) return Voltage;
                if (e == PowerQualityObjects.ThdE) return Thd;
                order = e;
                return e >= HarmonicSpectrum.FirstOrder && e <= HarmonicSpectrum.LastOrder ? Harmonic : -1;
            }
            if ((c == 31 || c == 51 || c == 71) && e == 0)
            {
                phase = (c - 31) / 20;
                return Current;
            }
            if (c == 14 && e == 0) return Frequency;
            if (c == 12 && e == 128) return Unbalance;
            if (c == 13 && e == 0) return PowerFactor;
            if (c == 1 && e == 0) return Import;
            if (c == 2 && e == 0) return Export;
            return -1;
        }

        private static long RoundedDivision(long value, long divisor)
        {
            return value >= 0 ? (value + divisor / 2) / divisor : -((-value + divisor / 2) / divisor);
        }
    }
}
