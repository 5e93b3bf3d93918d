namespace Meter.Core
{
    /// <summary>
    /// Detail byte of a <see cref="Meter.Storage.EventKind.VoltageQuality"/> event: phase 1–3 plus
    /// <see cref="Dip"/> or <see cref="Swell"/>, plus <see cref="Ended"/> for the end (as <see cref="TamperDetail.Ended"/>).
    /// </summary>
    public static class VoltageQualityDetail
    {
        /// <summary>A voltage dip (IEC 61000-4-30 §5.4.2): below 90 % of the declared voltage.</summary>
        public const int Dip = 16;

        /// <summary>A voltage swell (IEC 61000-4-30 §5.4.3): above 110 % of the declared voltage.</summary>
        public const int Swell = 32;

        /// <summary>Bit 7: the event ended; old/new value = its start and end, UTC seconds.</summary>
        public const int Ended = TamperDetail.Ended;

        /// <summary>The detail of <paramref name="kind"/> (<see cref="Dip"/> or <see cref="Swell"/>) on <paramref name="phase"/> 1–3.</summary>
        public static int Of(int phase, int kind)
        {
            return phase + kind;
        }
    }
}
