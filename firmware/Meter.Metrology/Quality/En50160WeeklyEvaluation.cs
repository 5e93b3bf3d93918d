namespace Meter.Metrology.Quality
{
    /// <summary>
    /// EN 50160:2010 evaluation of one week of 10-min values (<see cref="TenMinuteRecord"/>), a pure class:
    /// counts of the values within the limits of <see cref="En50160Limits"/> and a verdict per criterion —
    /// supply voltage (§4.2.2: 95 % within Un ± 10 %, all within Un + 10 % / − 15 %, each phase), frequency
    /// (§4.2.1: 99.5 % of the 10-s values within ± 1 %, all within + 4 % / − 6 %), THD ≤ 8 % (§4.2.5, 95 %),
    /// each harmonic 2–25 within Table 1 (§4.2.5, 95 %), unbalance ≤ 2 % (§4.2.4, 95 %). Flagged intervals
    /// (IEC 61000-4-30 §4.7: a dip, swell or interruption in them) are left out of every count: EN 50160
    /// deals with those as voltage events (§4.3) and IEC 61000-4-30 §4.7 leaves to the evaluation how flagged
    /// data are used; the 95 % shares are of the unflagged intervals. No allocation after construction.
    /// </summary>
    public sealed class En50160WeeklyEvaluation
    {
        /// <summary>Length of the evaluation period, s.</summary>
        public const long WeekSeconds = 7L * 86400;

        private const int Row = HarmonicSpectrum.LastOrder + 1;
        // 1970-01-05 00:00 UTC, the first Monday of the Unix time scale.
        private const long FirstMonday = 4L * 86400;

        private readonly long _nominalMillivolts;
        private readonly int[] _voltageNarrow = new int[3];
        private readonly int[] _voltageWide = new int[3];
        private readonly int[] _harmonicsEvaluated = new int[3];
        private readonly int[] _thdWithin = new int[3];
        private readonly int[] _harmonicWithin = new int[3 * Row];

        /// <summary>Evaluates against the nominal phase voltage <paramref name="nominalMillivolts"/> (Un, e.g. 230,000).</summary>
        public En50160WeeklyEvaluation(long nominalMillivolts)
        {
            if (nominalMillivolts <= 0) throw new System.ArgumentOutOfRangeException("nominalMillivolts", "the nominal voltage must be positive");
            _nominalMillivolts = nominalMillivolts;
        }

        /// <summary>Monday 00:00 UTC on or before <paramref name="utcSeconds"/>: the start of its evaluation week.</summary>
        public static long WeekStartOf(long utcSeconds)
        {
            return FixedPoint.FloorDiv(utcSeconds - FirstMonday, WeekSeconds) * WeekSeconds + FirstMonday;
        }

        /// <summary>UTC seconds at which the evaluated week starts.</summary>
        public long WeekStart { get; private set; }

        /// <summary>10-min values added, flagged ones included.</summary>
        public int Intervals { get; private set; }

        /// <summary>Flagged 10-min values, left out of the evaluation.</summary>
        public int FlaggedIntervals { get; private set; }

        /// <summary>Unflagged 10-min values: the denominator of the voltage shares.</summary>
        public int EvaluatedIntervals { get { return Intervals - FlaggedIntervals; } }

        /// <summary>Unflagged intervals with unbalance values.</summary>
        public int UnbalanceEvaluated { get; private set; }

        /// <summary>Unflagged intervals with unbalance ≤ 2 %.</summary>
        public int UnbalanceWithin { get; private set; }

        /// <summary>10-s frequency values of the unflagged intervals.</summary>
        public int FrequencyValues { get; private set; }

        /// <summary>Of them, within ± 1 %.</summary>
        public int FrequencyWithinNarrow { get; private set; }

        /// <summary>Of them, within + 4 % / − 6 %.</summary>
        public int FrequencyWithinWide { get; private set; }

        /// <summary>Unflagged intervals with phase 0..2 within Un ± 10 %.</summary>
        public int VoltageWithinNarrow(int phase) { return _voltageNarrow[phase]; }

        /// <summary>Unflagged intervals with phase 0..2 within Un + 10 % / − 15 %.</summary>
        public int VoltageWithinWide(int phase) { return _voltageWide[phase]; }

        /// <summary>Unflagged intervals with harmonics measured on phase 0..2.</summary>
        public int HarmonicsEvaluated(int phase) { return _harmonicsEvaluated[phase]; }

        /// <summary>Of them, with THD ≤ 8 %.</summary>
        public int ThdWithin(int phase) { return _thdWithin[phase]; }

        /// <summary>Of them, with harmonic <paramref name="order"/> (2..25) within EN 50160 Table 1.</summary>
        public int HarmonicWithin(int phase, int order)
        {
            En50160Limits.HarmonicLimit(order); // checks the order
            return _harmonicWithin[phase * Row + order];
        }

        /// <summary>Clears every count and starts the week at <paramref name="weekStart"/> (UTC seconds).</summary>
        public void Start(long weekStart)
        {
            WeekStart = weekStart;
            Intervals = 0;
            FlaggedIntervals = 0;
            UnbalanceEvaluated = 0;
            UnbalanceWithin = 0;
            FrequencyValues = 0;
            FrequencyWithinNarrow = 0;
            FrequencyWithinWide = 0;
            for (int p = 0; p < 3; p++)
            {
                _voltageNarrow[p] = 0;
                _voltageWide[p] = 0;
                _harmonicsEvaluated[p] = 0;
                _thdWithin[p] = 0;
            }
            for (int i = 0; i < _harmonicWithin.Length; i++) _harmonicWithin[i] = 0;
        }

        /// <summary>Counts the 10-min value <paramref name="record"/>, which must end within the week.</summary>
        public void Add(TenMinuteRecord record)
        {
            if (record == null) throw new System.ArgumentNullException("record");
            if (record.IntervalEnd <= WeekStart || record.IntervalEnd > WeekStart + WeekSeconds)
                throw new System.ArgumentException("the 10-min value does not end within the evaluated week");
            Intervals++;
            if (record.Flagged)
            {
                FlaggedIntervals++;
                return;
            }
            for (int p = 0; p < 3; p++)
            {
                long v = record.VoltageMillivolts[p];
                if (En50160Limits.Within(v, _nominalMillivolts, En50160Limits.VoltageNarrowPerMille, En50160Limits.VoltageNarrowPerMille)) _voltageNarrow[p]++;
                if (En50160Limits.Within(v, _nominalMillivolts, En50160Limits.VoltageWideBelowPerMille, En50160Limits.VoltageWideAbovePerMille)) _voltageWide[p]++;
                if (!record.HarmonicsValid[p]) continue;
                _harmonicsEvaluated[p]++;
                if (record.Thd[p] <= En50160Limits.ThdLimit) _thdWithin[p]++;
                for (int order = HarmonicSpectrum.FirstOrder; order <= HarmonicSpectrum.LastOrder; order++)
                    if (record.Harmonic(p, order) <= En50160Limits.HarmonicLimit(order)) _harmonicWithin[p * Row + order]++;
            }
            if (record.UnbalanceValid)
            {
                UnbalanceEvaluated++;
                if (record.Unbalance <= En50160Limits.UnbalanceLimit) UnbalanceWithin++;
            }
            FrequencyValues += record.FrequencyValues;
            FrequencyWithinNarrow += record.FrequencyWithinNarrow;
            FrequencyWithinWide += record.FrequencyWithinWide;
        }

        /// <summary>Supply voltage (§4.2.2), every phase.</summary>
        public int VoltageVerdict()
        {
            int evaluated = EvaluatedIntervals;
            if (evaluated == 0) return En50160Verdict.NoData;
            for (int p = 0; p < 3; p++)
                if (!Share(_voltageNarrow[p], evaluated, En50160Limits.WeeklySharePerMille) || _voltageWide[p] != evaluated) return En50160Verdict.Fail;
            return En50160Verdict.Pass;
        }

        /// <summary>Power frequency (§4.2.1).</summary>
        public int FrequencyVerdict()
        {
            if (FrequencyValues == 0) return En50160Verdict.NoData;
            return Share(FrequencyWithinNarrow, FrequencyValues, En50160Limits.FrequencySharePerMille) && FrequencyWithinWide == FrequencyValues
                ? En50160Verdict.Pass : En50160Verdict.Fail;
        }

        /// <summary>THD ≤ 8 % for 95 % of the values, every phase with harmonics.</summary>
        public int ThdVerdict()
        {
            return PhaseShareVerdict(_thdWithin, 0);
        }

        /// <summary>Harmonic <paramref name="order"/> (2..25) within Table 1 for 95 % of the values, every phase with harmonics.</summary>
        public int HarmonicVerdict(int order)
        {
            En50160Limits.HarmonicLimit(order);
            return PhaseShareVerdict(_harmonicWithin, order);
        }

        /// <summary>All harmonics 2–25 (<see cref="HarmonicVerdict"/> of each).</summary>
        public int HarmonicsVerdict()
        {
            int verdict = En50160Verdict.NoData;
            for (int order = HarmonicSpectrum.FirstOrder; order <= HarmonicSpectrum.LastOrder; order++)
            {
                int v = HarmonicVerdict(order);
                if (v == En50160Verdict.Fail) return v;
                if (v == En50160Verdict.Pass) verdict = v;
            }
            return verdict;
        }

        /// <summary>Unbalance ≤ 2 % for 95 % of the values (§4.2.4).</summary>
        public int UnbalanceVerdict()
        {
            if (UnbalanceEvaluated == 0) return En50160Verdict.NoData;
            return Share(UnbalanceWithin, UnbalanceEvaluated, En50160Limits.WeeklySharePerMille) ? En50160Verdict.Pass : En50160Verdict.Fail;
        }

        /// <summary>The week passes: no criterion fails and the supply voltage was evaluated.</summary>
        public bool Passes()
        {
            return VoltageVerdict() == En50160Verdict.Pass && FrequencyVerdict() != En50160Verdict.Fail && ThdVerdict() != En50160Verdict.Fail
                && HarmonicsVerdict() != En50160Verdict.Fail && UnbalanceVerdict() != En50160Verdict.Fail;
        }

        // Phases with harmonic values each need the share; phases without are not judged.
        private int PhaseShareVerdict(int[] within, int order)
        {
            int verdict = En50160Verdict.NoData;
            for (int p = 0; p < 3; p++)
            {
                int evaluated = _harmonicsEvaluated[p];
                if (evaluated == 0) continue;
                int count = order == 0 ? within[p] : within[p * Row + order];
                if (!Share(count, evaluated, En50160Limits.WeeklySharePerMille)) return En50160Verdict.Fail;
                verdict = En50160Verdict.Pass;
            }
            return verdict;
        }

        // count / total ≥ perMille / 1000, exactly.
        private static bool Share(int count, int total, int perMille)
        {
            return (long)count * 1000 >= (long)total * perMille;
        }
    }
}
