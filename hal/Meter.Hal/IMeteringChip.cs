namespace Meter.Hal
{
    /// <summary>
    /// A polyphase energy metering chip (ADE7880 on the reference board; ADE9000 or ATM90E32 would be
    /// drivers of the same interface). The meter (Meter.Core MeteringCycle) drives it through this
    /// interface alone: it gives a chip-neutral <see cref="MeteringChipConfiguration"/>, takes the
    /// energy counts each cycle and reads the instantaneous values; the driver maps everything to its
    /// registers. Every failure to talk to the chip is a <see cref="MeteringChipException"/>.
    /// </summary>
    public interface IMeteringChip
    {
        /// <summary>True once <see cref="Start"/> succeeded and the chip meters.</summary>
        bool IsRunning { get; }

        /// <summary>Chip resets (or configuration changes) found and recovered in <see cref="TakeEnergy"/> since construction.</summary>
        int ResetsRecovered { get; }

        /// <summary>How the codes of <see cref="PhaseMeasurements"/> convert to units.</summary>
        MeasurementScale MeasurementScale { get; }

        /// <summary>Exact watt-hours per active energy count for <paramref name="configuration"/> (before or after <see cref="Start"/>).</summary>
        EnergyPerCount ActiveEnergyPerCount(MeteringChipConfiguration configuration);

        /// <summary>Exact var-hours per reactive energy count for <paramref name="configuration"/>.</summary>
        EnergyPerCount ReactiveEnergyPerCount(MeteringChipConfiguration configuration);

        /// <summary>Exact VA-hours per apparent energy count for <paramref name="configuration"/>.</summary>
        EnergyPerCount ApparentEnergyPerCount(MeteringChipConfiguration configuration);

        /// <summary>
        /// Resets the chip and brings it up with <paramref name="configuration"/>, which the driver keeps:
        /// the Apply… methods write the caller's later changes of it, and a chip reset found by
        /// <see cref="TakeEnergy"/> is recovered with it.
        /// </summary>
        void Start(MeteringChipConfiguration configuration);

        /// <summary>
        /// Destructive read: takes the energy the chip accumulated since the previous call into
        /// <paramref name="reading"/> (allocated once by the caller) and clears it on the chip, so each
        /// count is delivered exactly once. A chip found reset is re-initialised and reports zero counts
        /// with <see cref="EnergyReading.ChipWasReset"/>.
        /// </summary>
        void TakeEnergy(EnergyReading reading);

        /// <summary>Reads rms values, powers, periods into <paramref name="measurements"/> (not on the energy path).</summary>
        void ReadMeasurements(PhaseMeasurements measurements);

        /// <summary>Throws <see cref="System.ArgumentException"/> when <paramref name="value"/> does not fit the chip's register of <paramref name="kind"/> (<see cref="CalibrationKind"/>).</summary>
        void CheckCalibration(int kind, int value);

        /// <summary>
        /// Writes calibration <paramref name="kind"/> of phase <paramref name="phase"/> (1..3) of the configuration
        /// (changed by the caller) to the running chip in place, without a reset: the energy it holds runs on.
        /// A write the chip does not take stops it (<see cref="IsRunning"/> false) and throws.
        /// </summary>
        void ApplyCalibration(int kind, int phase);

        /// <summary>Writes <see cref="MeteringChipConfiguration.LedDivider"/> to the running chip in place.</summary>
        void ApplyLedDivider();

        /// <summary>Writes <see cref="MeteringChipConfiguration.LedEnabled"/> to the running chip in place.</summary>
        void ApplyLedEnabled();
    }
}
