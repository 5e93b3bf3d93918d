using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// OBIS codes of the voltage-quality counters (IEC 62056-61 / DLMS UA Blue Book, electricity value group D:
    /// 31 … 34 under-limit threshold, occurrence counter, duration, magnitude; 35 … 38 the same over limit). C = 32,
    /// 52, 72 is the voltage of L1, L2, L3 and C = 12 any phase. So 1-0:32.32.0 / 52.32.0 / 72.32.0 number of voltage
    /// sags (dips) L1 … L3 and 1-0:32.36.0 … number of swells, as DSMR P1 reads them; D = 33 / 37 the cumulative
    /// duration, seconds. 1-0:12.32.0 / 12.36.0 are the sums over the phases (a dip on two phases at once counts
    /// twice: no polyphase aggregation as in IEC 61000-4-30 §5.4.2.2), short enough for the default readout.
    /// </summary>
    public static class VoltageQualityObjects
    {
        /// <summary>Value group D of the occurrence counter of dips (under limit).</summary>
        public const int DipCount = 32;
        /// <summary>Value group D of the cumulative duration of dips.</summary>
        public const int DipDuration = 33;
        /// <summary>Value group D of the occurrence counter of swells (over limit).</summary>
        public const int SwellCount = 36;
        /// <summary>Value group D of the cumulative duration of swells.</summary>
        public const int SwellDuration = 37;

        /// <summary>Value group C of the voltage of any phase.</summary>
        public const int AnyPhase = 12;

        /// <summary>1-0:12.32.0 voltage dips on all phases together.</summary>
        public static readonly ObisCode DipsAnyPhase = new ObisCode(1, 0, AnyPhase, DipCount, 0, 255);
        /// <summary>1-0:12.36.0 voltage swells on all phases together.</summary>
        public static readonly ObisCode SwellsAnyPhase = new ObisCode(1, 0, AnyPhase, SwellCount, 0, 255);

        /// <summary>Objects <see cref="MeterObjectTable.Declare"/> adds from here: 4 a phase and the two sums.</summary>
        public const int Count = 3 * 4 + 2;

        /// <summary>The code of quantity <paramref name="d"/> (<see cref="DipCount"/> … <see cref="SwellDuration"/>) of phase 1–3.</summary>
        public static ObisCode Of(int phase, int d)
        {
            return new ObisCode(1, 0, (byte)VoltageGroupOf(phase), (byte)d, 0, 255);
        }

        /// <summary>Phase 1–3 of a per-phase voltage-quality code, <see cref="AnyPhase"/> for a sum, 0 for any other code.</summary>
        public static int PhaseOf(ObisCode code)
        {
            if (code.A != 1 || code.B != 0 || code.E != 0 || code.F != 255) return 0;
            if (code.D != DipCount && code.D != DipDuration && code.D != SwellCount && code.D != SwellDuration) return 0;
            if (code.C == 32) return 1;
            if (code.C == 52) return 2;
            if (code.C == 72) return 3;
            if (code.C == AnyPhase && (code.D == DipCount || code.D == SwellCount)) return AnyPhase;
            return 0;
        }

        /// <summary>
        /// The kind (<see cref="VoltageQualityDetail.Dip"/> or <see cref="VoltageQualityDetail.Swell"/>) of a code
        /// <see cref="PhaseOf"/> accepts.
        /// </summary>
        public static int KindOf(ObisCode code)
        {
            return code.D == DipCount || code.D == DipDuration ? VoltageQualityDetail.Dip : VoltageQualityDetail.Swell;
        }

        /// <summary>True for the duration codes (D = 33 / 37).</summary>
        public static bool IsDuration(ObisCode code)
        {
            return code.D == DipDuration || code.D == SwellDuration;
        }

        // IEC 62056-61 value group C: 32 voltage L1, 52 L2, 72 L3.
        private static int VoltageGroupOf(int phase)
        {
            return 12 + 20 * phase;
        }
    }
}
