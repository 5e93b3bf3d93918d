using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Meaning of the <see cref="StorageLayout.VoltageQualityValueCount"/> values of the voltage-quality record
    /// (Meter.Storage MeterStorage.VoltageQuality, in the memory's tail since layout version 6): the events
    /// running at the last commit, then per phase the dips, the swells, their cumulative seconds and the start
    /// of the latest one. Written by <see cref="VoltageQualityMonitor"/> at every start and end of an event.
    /// </summary>
    public static class VoltageQualityRecord
    {
        /// <summary>Running events: bit 2·(phase − 1) a dip, bit 2·(phase − 1) + 1 a swell.</summary>
        public const int Running = 0;

        /// <summary>Values per phase.</summary>
        public const int PerPhase = 5;

        private const int Dips = 0;
        private const int Swells = 1;
        private const int DipSeconds = 2;
        private const int SwellSeconds = 3;
        private const int LatestStart = 4;

        /// <summary>Index of the count of <paramref name="kind"/> (<see cref="VoltageQualityDetail.Dip"/> or Swell) on phase 1–3.</summary>
        public static int CountIndex(int phase, int kind)
        {
            return Base(phase) + (kind == VoltageQualityDetail.Dip ? Dips : Swells);
        }

        /// <summary>Index of the cumulative seconds of <paramref name="kind"/> on phase 1–3.</summary>
        public static int SecondsIndex(int phase, int kind)
        {
            return Base(phase) + (kind == VoltageQualityDetail.Dip ? DipSeconds : SwellSeconds);
        }

        /// <summary>Index of the UTC seconds of the latest start (dip or swell) on phase 1–3; 0 = none yet.</summary>
        public static int LatestStartIndex(int phase)
        {
            return Base(phase) + LatestStart;
        }

        /// <summary>The running bit of <paramref name="kind"/> on phase 1–3.</summary>
        public static int RunningBit(int phase, int kind)
        {
            return 1 << (2 * (phase - 1) + (kind == VoltageQualityDetail.Dip ? 0 : 1));
        }

        private static int Base(int phase)
        {
            return 1 + PerPhase * (phase - 1);
        }
    }
}
