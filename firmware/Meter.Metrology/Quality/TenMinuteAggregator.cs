namespace Meter.Metrology.Quality
{
    /// <summary>
    /// 10-min aggregation per IEC 61000-4-30 §4.4/§4.5 (class S): the measurement values (one per
    /// measurement read, about 1 s apart, see <see cref="PhaseQualityValues"/>) of each interval are aggregated as the
    /// square root of the mean of their squares; intervals follow the clock's 10-min ticks (§4.5:
    /// 00:00, 00:10, … UTC), so a value taken at clock second t belongs to [600⌊t/600⌋, +600). An
    /// interval in which a dip, swell or interruption happened is flagged (§4.7: an aggregated value that
    /// includes a flagged value is flagged). Frequency: the 10-s values of §5.1 (<see cref="TenSecondFrequency"/>)
    /// are counted into the EN 50160 bands. Integer sums, no allocation after construction.
    /// </summary>
    public sealed class TenMinuteAggregator
    {
        /// <summary>Interval length, s.</summary>
        public const int IntervalSeconds = 600;

        private const int Row = HarmonicSpectrum.LastOrder + 1;

        private readonly long _nominalMillihertz;
        private readonly TenSecondFrequency _frequency;
        private readonly TenMinuteRecord _completed = new TenMinuteRecord();

        private long _interval = long.MinValue;
        private bool _flagged;
        private int _samples;
        private readonly long[] _voltageSquares = new long[3];
        private readonly long[] _currentSquares = new long[3];
        private long _powerFactorSum, _importSum, _exportSum, _frequencySum;
        private readonly long[] _thdSquares = new long[3];
        private readonly int[] _thdSamples = new int[3];
        private readonly long[] _harmonicSquares = new long[3 * Row];
        private long _unbalanceSquares;
        private int _unbalanceSamples;
        private int _frequencyValues, _frequencyNarrow, _frequencyWide;
        private long _frequencyMin, _frequencyMax;

        /// <summary>
        /// Aggregates around a nominal frequency of <paramref name="nominalMillihertz"/> (50,000 or 60,000)
        /// with periods counted by a <paramref name="periodClockHz"/> clock (the chip's MeasurementScale).
        /// </summary>
        public TenMinuteAggregator(long nominalMillihertz, long periodClockHz)
        {
            if (nominalMillihertz <= 0) throw new System.ArgumentOutOfRangeException("nominalMillihertz", "the nominal frequency must be positive");
            _nominalMillihertz = nominalMillihertz;
            _frequency = new TenSecondFrequency(periodClockHz);
        }

        /// <summary>The last completed interval (valid after <see cref="Add"/> returned true, until the next completion).</summary>
        public TenMinuteRecord Completed { get { return _completed; } }

        /// <summary>
        /// Adds the values <paramref name="q"/> and the line period <paramref name="period"/> (phase A, chip
        /// ticks) taken at UTC second <paramref name="clockSeconds"/>; <paramref name="disturbed"/> when a dip,
        /// swell or interruption ran since the previous call. True when this value opened a new interval and
        /// the previous one is now in <see cref="Completed"/>. Values must come in time order.
        /// </summary>
        public bool Add(long clockSeconds, PhaseQualityValues q, int period, bool disturbed)
        {
            if (q == null) throw new System.ArgumentNullException("q");
            long interval = FixedPoint.FloorDiv(clockSeconds, IntervalSeconds);
            if (_interval != long.MinValue && interval < _interval)
                throw new System.ArgumentException("quality values must come in time order (the clock went back: start a new aggregator)");
            // A 10-s value completed by this sample belongs to the interval it started in: still the open one.
            if (_frequency.Add(clockSeconds, period)) AddFrequency(_frequency.Millihertz);
            bool completed = false;
            if (interval != _interval)
            {
                if (_samples > 0)
                {
                    Close();
                    completed = true;
                }
                Clear();
                _interval = interval;
            }
            AddValues(q, disturbed);
            return completed;
        }

        /// <summary>Drops the open interval (e.g. after the clock was set back); the next value opens a new one.</summary>
        public void Restart()
        {
            Clear();
            _interval = long.MinValue;
            _frequency.Restart();
        }

        private void AddValues(PhaseQualityValues q, bool disturbed)
        {
            _samples++;
            if (disturbed) _flagged = true;
            for (int p = 0; p < 3; p++)
            {
                long v = q.VoltageMillivolts[p];
                _voltageSquares[p] += v * v;
                long i = q.CurrentMilliamps[p];
                _currentSquares[p] += i * i;
                if (!q.Harmonics.IsComplete(p)) continue;
                long thd = q.Harmonics.Thd(p);
                _thdSquares[p] += thd * thd;
                _thdSamples[p]++;
                for (int order = HarmonicSpectrum.FirstOrder; order <= HarmonicSpectrum.LastOrder; order++)
                {
                    long r = q.Harmonics.Ratio(p, order);
                    _harmonicSquares[p * Row + order] += r * r;
                }
            }
            _powerFactorSum += q.TotalPowerFactor;
            if (q.ActivePowerMilliwatts >= 0) _importSum += q.ActivePowerMilliwatts; else _exportSum -= q.ActivePowerMilliwatts;
            if (q.UnbalanceValid)
            {
                _unbalanceSquares += (long)q.Unbalance * q.Unbalance;
                _unbalanceSamples++;
            }
        }

        private void AddFrequency(long millihertz)
        {
            _frequencyValues++;
            _frequencySum += millihertz;
            if (En50160Limits.Within(millihertz, _nominalMillihertz, En50160Limits.FrequencyNarrowPerMille, En50160Limits.FrequencyNarrowPerMille)) _frequencyNarrow++;
            if (En50160Limits.Within(millihertz, _nominalMillihertz, En50160Limits.FrequencyWideBelowPerMille, En50160Limits.FrequencyWideAbovePerMille)) _frequencyWide++;
            if (_frequencyValues == 1 || millihertz < _frequencyMin) _frequencyMin = millihertz;
            if (_frequencyValues == 1 || millihertz > _frequencyMax) _frequencyMax = millihertz;
        }

        private void Close()
        {
            TenMinuteRecord r = _completed;
            r.IntervalEnd = (_interval + 1) * IntervalSeconds;
            r.Flagged = _flagged;
            r.Samples = _samples;
            for (int p = 0; p < 3; p++)
            {
                r.VoltageMillivolts[p] = RootMeanSquare(_voltageSquares[p], _samples);
                r.CurrentMilliamps[p] = RootMeanSquare(_currentSquares[p], _samples);
                r.HarmonicsValid[p] = _thdSamples[p] > 0;
                r.Thd[p] = (int)RootMeanSquare(_thdSquares[p], _thdSamples[p]);
                for (int order = HarmonicSpectrum.FirstOrder; order <= HarmonicSpectrum.LastOrder; order++)
                    r.HarmonicRatio[p * Row + order] = (int)RootMeanSquare(_harmonicSquares[p * Row + order], _thdSamples[p]);
            }
            r.UnbalanceValid = _unbalanceSamples > 0;
            r.Unbalance = (int)RootMeanSquare(_unbalanceSquares, _unbalanceSamples);
            // Means of P, PF and the 10-s frequencies (rounded half away from zero).
            r.PowerFactor = (int)RoundedMean(_powerFactorSum, _samples);
            r.ImportMilliwatts = RoundedMean(_importSum, _samples);
            r.ExportMilliwatts = RoundedMean(_exportSum, _samples);
            r.FrequencyMeanMillihertz = RoundedMean(_frequencySum, _frequencyValues);
            r.FrequencyValues = _frequencyValues;
            r.FrequencyWithinNarrow = _frequencyNarrow;
            r.FrequencyWithinWide = _frequencyWide;
            r.FrequencyMinMillihertz = _frequencyMin;
            r.FrequencyMaxMillihertz = _frequencyMax;
        }

        private void Clear()
        {
            _flagged = false;
            _samples = 0;
            for (int p = 0; p < 3; p++)
            {
                _voltageSquares[p] = 0;
                _currentSquares[p] = 0;
                _thdSquares[p] = 0;
                _thdSamples[p] = 0;
            }
            for (int i = 0; i < _harmonicSquares.Length; i++) _harmonicSquares[i] = 0;
            _unbalanceSquares = 0;
            _powerFactorSum = 0;
            _importSum = 0;
            _exportSum = 0;
            _frequencySum = 0;
            _unbalanceSamples = 0;
            _frequencyValues = 0;
            _frequencyNarrow = 0;
            _frequencyWide = 0;
            _frequencyMin = 0;
            _frequencyMax = 0;
        }

        private static long RoundedMean(long sum, int count)
        {
            if (count <= 0) return 0;
            return sum >= 0 ? (sum + count / 2) / count : -((-sum + count / 2) / count);
        }

        // √(Σx² / n), rounded to the nearest integer (0 without values).
        private static long RootMeanSquare(long sumOfSquares, int count)
        {
            if (count <= 0) return 0;
            long meanSquare = sumOfSquares / count;
            long root = FixedPoint.Sqrt(meanSquare);
            // Round: root + 1 when (root + ½)² ≤ mean square, i.e. root² + root < mean square.
            return root * root + root < meanSquare ? root + 1 : root;
        }
    }
}
