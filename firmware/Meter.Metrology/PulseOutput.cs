using Meter.Hal;

namespace Meter.Metrology
{
    /// <summary>
    /// Turns the exact energy of one register into pulses on an output pin (S0 output per
    /// DIN 43864 / IEC 62053-31, or the calibration LED) on injected time.
    /// <para>
    /// Invariant, for a constant CT ratio: <c>Emitted + Pending + Dropped = Due = floor(E × imp / 1000)</c>,
    /// E being the energy (Wh) registered since the output was created. Pulses that cannot go out yet at
    /// the maximum rate (one per 2 × width) wait in a backlog bounded by
    /// <see cref="PulseOutputSettings.MaximumBacklog"/>; beyond it they are dropped, counted in
    /// <see cref="DroppedPulses"/>, and <see cref="OverrunEvents"/> / <see cref="OverrunFlag"/> report it.
    /// </para>
    /// <para>
    /// Call <see cref="Update"/> after each metering cycle and at <see cref="NextActionMilliseconds"/>
    /// (e.g. from a one-shot timer); edges happen at the Update calls, so the pulse width is exact
    /// when Update is called on time. A pulse is counted as emitted at its rising edge.
    /// </para>
    /// </summary>
    public sealed class PulseOutput
    {
        private readonly IOutputPin _pin;
        private readonly EnergyAccumulator _source;
        private PulseOutputSettings _settings;
        private long _lastCounts;
        private long _pulseNumerator;
        private long _pulseDenominator;
        private long _remainder;
        private int _ratioVersion;
        private long _due;
        private long _pending;
        private long _emitted;
        private long _dropped;
        private long _overrunEvents;
        private bool _pulseActive;
        private bool _indicatorOn;
        private long _pulseEndMilliseconds;
        private long _earliestStartMilliseconds;
        private long _lastNowMilliseconds = long.MinValue;

        /// <summary>Creates an output counting energy registered from now on; drives the pin low.</summary>
        /// <exception cref="System.ArgumentNullException">A null argument.</exception>
        public PulseOutput(IOutputPin pin, EnergyAccumulator source, PulseOutputSettings settings)
        {
            if (pin == null) throw new System.ArgumentNullException("pin");
            if (source == null) throw new System.ArgumentNullException("source");
            if (settings == null) throw new System.ArgumentNullException("settings");
            _pin = pin;
            _source = source;
            _settings = settings;
            _lastCounts = source.GetCounts(settings.Register, MeterChannel.Total);
            ComputeRate();
            _pin.Write(false);
        }

        /// <summary>The settings of this output.</summary>
        public PulseOutputSettings Settings { get { return _settings; } }

        /// <summary>
        /// Changes the pulse figure (optical port W1 of 0.3.3). The energy registered so far is
        /// taken at the old figure first, then the count is re-based: the fraction of a pulse
        /// not yet due is dropped, so <see cref="DuePulses"/> = floor(E₁ × imp₁) + floor((E − E₁) × imp₂)
        /// with E₁ the energy at the change. Pending pulses are still emitted.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">Figure outside 1 … 100 000 imp/kWh.</exception>
        public void ChangeImpulsesPerKilowattHour(int impulsesPerKilowattHour)
        {
            PulseOutputSettings changed = new PulseOutputSettings(_settings.Register, impulsesPerKilowattHour, _settings.Primary,
                _settings.PulseWidthMilliseconds, _settings.MaximumBacklog, _settings.NoLoadIndication);
            TakeEnergy();
            _settings = changed;
            ComputeRate();
            _remainder = 0;
        }

        /// <summary>floor(E × imp/kWh) for the energy registered since creation (adjusted over CT-ratio changes, see <see cref="Update"/>).</summary>
        public long DuePulses { get { return _due; } }

        /// <summary>Pulses started on the pin.</summary>
        public long EmittedPulses { get { return _emitted; } }

        /// <summary>Pulses waiting in the backlog.</summary>
        public long PendingPulses { get { return _pending; } }

        /// <summary>Pulses dropped because the backlog was full (never silently: see <see cref="OverrunEvents"/>).</summary>
        public long DroppedPulses { get { return _dropped; } }

        /// <summary>Number of updates in which the backlog overflowed.</summary>
        public long OverrunEvents { get { return _overrunEvents; } }

        /// <summary>Sticky overrun flag for the event log / status word; cleared by <see cref="ClearOverrunFlag"/>.</summary>
        public bool OverrunFlag { get; private set; }

        /// <summary>True while the pin is high (pulse or no-load indication).</summary>
        public bool IsPinHigh { get { return _pulseActive || _indicatorOn; } }

        /// <summary>When the next edge is due (ms, injected time); <see cref="long.MaxValue"/> when nothing is scheduled.</summary>
        public long NextActionMilliseconds
        {
            get
            {
                if (_pulseActive) return _pulseEndMilliseconds;
                if (_pending > 0) return _indicatorOn || _earliestStartMilliseconds < _lastNowMilliseconds ? _lastNowMilliseconds : _earliestStartMilliseconds;
                return long.MaxValue;
            }
        }

        /// <summary>Clears <see cref="OverrunFlag"/> (after it was logged).</summary>
        public void ClearOverrunFlag()
        {
            OverrunFlag = false;
        }

        /// <summary>
        /// Takes the energy registered since the last call and drives the pin at time
        /// <paramref name="nowMilliseconds"/> (monotonic, non-decreasing). If the CT ratio changed, energy
        /// from then on is counted at the new ratio and the sub-pulse remainder restarts at zero.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">Time went backwards.</exception>
        public void Update(long nowMilliseconds)
        {
            if (nowMilliseconds < _lastNowMilliseconds) throw new System.ArgumentOutOfRangeException("nowMilliseconds", "time must not go backwards");
            _lastNowMilliseconds = nowMilliseconds;
            TakeEnergy();

            if (_pulseActive)
            {
                if (nowMilliseconds < _pulseEndMilliseconds) return;
                _pin.Write(false);
                _pulseActive = false;
                // DIN 43864: the pause is at least as long as the pulse.
                _earliestStartMilliseconds = nowMilliseconds + _settings.PulseWidthMilliseconds;
            }

            if (_pending > 0)
            {
                if (_indicatorOn)
                {
                    // Leave the no-load indication with a full pause before the first pulse.
                    _pin.Write(false);
                    _indicatorOn = false;
                    _earliestStartMilliseconds = nowMilliseconds + _settings.PulseWidthMilliseconds;
                    return;
                }
                if (nowMilliseconds < _earliestStartMilliseconds) return;
                _pin.Write(true);
                _pulseActive = true;
                _pulseEndMilliseconds = nowMilliseconds + _settings.PulseWidthMilliseconds;
                _pending--;
                _emitted++;
                return;
            }

            bool indicate = _settings.NoLoadIndication == NoLoadIndication.On && _source.IsNoLoad;
            // Keep the pause after a pulse before lighting the no-load indication.
            if (indicate && nowMilliseconds < _earliestStartMilliseconds) return;
            if (indicate != _indicatorOn)
            {
                _pin.Write(indicate);
                _indicatorOn = indicate;
                if (!indicate) _earliestStartMilliseconds = nowMilliseconds + _settings.PulseWidthMilliseconds;
            }
        }

        private void TakeEnergy()
        {
            if (_source.Configuration.CtRatio.Version != _ratioVersion)
            {
                ComputeRate();
                _remainder = 0;
            }
            long counts = _source.GetCounts(_settings.Register, MeterChannel.Total);
            long delta = counts - _lastCounts;
            if (delta <= 0) return;
            _lastCounts = counts;
            // pulses = floor(counts × num × imp × ratio / (den × 1000)), carried exactly through the remainder.
            long newPulses = WideArithmetic.MultiplyAddDivide(delta, _pulseNumerator, _remainder, _pulseDenominator, out _remainder);
            _due += newPulses;
            _pending += newPulses;
            if (_pending > _settings.MaximumBacklog)
            {
                _dropped += _pending - _settings.MaximumBacklog;
                _pending = _settings.MaximumBacklog;
                _overrunEvents++;
                OverrunFlag = true;
            }
        }

        private void ComputeRate()
        {
            CurrentTransformerRatio ratio = _source.Configuration.CtRatio;
            _ratioVersion = ratio.Version;
            EnergyConstant constant = _source.Configuration.ConstantOf(EnergyAccumulator.KindOf(_settings.Register));
            long numerator = WideArithmetic.CheckedMultiply(constant.Numerator, _settings.ImpulsesPerKilowattHour);
            long denominator = WideArithmetic.CheckedMultiply(constant.Denominator, 1000);
            if (_settings.Primary)
            {
                numerator = WideArithmetic.CheckedMultiply(numerator, ratio.PrimaryAmps);
                denominator = WideArithmetic.CheckedMultiply(denominator, ratio.SecondaryAmps);
            }
            long gcd = WideArithmetic.GreatestCommonDivisor(numerator, denominator);
            _pulseNumerator = numerator / gcd;
            _pulseDenominator = denominator / gcd;
        }
    }
}
