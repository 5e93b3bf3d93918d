namespace Meter.Metrology
{
    /// <summary>
    /// Configuration of one pulse output (S0 per DIN 43864 / IEC 62053-31, or the calibration LED
    /// driven by firmware). Validated on construction.
    /// </summary>
    public sealed class PulseOutputSettings
    {
        /// <summary>Smallest meter constant, imp/kWh.</summary>
        public const int MinimumImpulsesPerKilowattHour = 1;

        /// <summary>Largest meter constant, imp/kWh.</summary>
        public const int MaximumImpulsesPerKilowattHour = 100000;

        /// <summary>Creates the settings of one output.</summary>
        /// <param name="register">Energy counted: A+, A−, R+ or R− (total channel).</param>
        /// <param name="impulsesPerKilowattHour">Pulses per kWh (kvarh), 1 … 100 000 (seeds: 1000, 5000, 10000).</param>
        /// <param name="primary">True: pulses for primary energy (× CT ratio); false: secondary (Kamstrup 351 option M).</param>
        /// <param name="pulseWidthMilliseconds">30 or 80 ms (Kamstrup option I); the pause is at least as long.</param>
        /// <param name="maximumBacklog">Most pulses that may wait for emission, ≥ 1; beyond it pulses are dropped and counted as an overrun.</param>
        /// <param name="noLoadIndication">Output level without consumption.</param>
        /// <exception cref="System.ArgumentOutOfRangeException">Any value outside the ranges above.</exception>
        public PulseOutputSettings(EnergyRegister register, int impulsesPerKilowattHour, bool primary, int pulseWidthMilliseconds, long maximumBacklog, NoLoadIndication noLoadIndication)
        {
            if (register != EnergyRegister.ActiveImport && register != EnergyRegister.ActiveExport && register != EnergyRegister.ReactiveImport && register != EnergyRegister.ReactiveExport)
                throw new System.ArgumentOutOfRangeException("register", "a pulse output counts A+, A-, R+ or R-");
            if (impulsesPerKilowattHour < MinimumImpulsesPerKilowattHour || impulsesPerKilowattHour > MaximumImpulsesPerKilowattHour)
                throw new System.ArgumentOutOfRangeException("impulsesPerKilowattHour", "meter constant must be 1 … 100000 imp/kWh");
            // DIN 43864 S0 interface; seed option I: 30 ms or 80 ms pulse length.
            if (pulseWidthMilliseconds != 30 && pulseWidthMilliseconds != 80)
                throw new System.ArgumentOutOfRangeException("pulseWidthMilliseconds", "pulse width must be 30 or 80 ms");
            if (maximumBacklog < 1) throw new System.ArgumentOutOfRangeException("maximumBacklog", "backlog bound must be at least 1 pulse");
            if (noLoadIndication != NoLoadIndication.Off && noLoadIndication != NoLoadIndication.On)
                throw new System.ArgumentOutOfRangeException("noLoadIndication", "unknown no-load indication");
            Register = register;
            ImpulsesPerKilowattHour = impulsesPerKilowattHour;
            Primary = primary;
            PulseWidthMilliseconds = pulseWidthMilliseconds;
            MaximumBacklog = maximumBacklog;
            NoLoadIndication = noLoadIndication;
        }

        /// <summary>Energy register counted (total channel).</summary>
        public EnergyRegister Register { get; }

        /// <summary>Pulses per kWh (kvarh).</summary>
        public int ImpulsesPerKilowattHour { get; }

        /// <summary>Primary (true) or secondary (false) energy.</summary>
        public bool Primary { get; }

        /// <summary>Pulse width in ms (30 or 80); the minimum pause equals it.</summary>
        public int PulseWidthMilliseconds { get; }

        /// <summary>Bound of the pulse backlog.</summary>
        public long MaximumBacklog { get; }

        /// <summary>Output level without consumption.</summary>
        public NoLoadIndication NoLoadIndication { get; }

        /// <summary>
        /// Highest sustained pulse rate, pulses per hour: one pulse every 2 × width
        /// (30 ms → 60 000/h, 80 ms → 22 500/h). Above this power the backlog grows.
        /// </summary>
        public long MaximumPulsesPerHour { get { return 3600000L / (2L * PulseWidthMilliseconds); } }
    }
}
