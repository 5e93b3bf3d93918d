using Meter.Clock;
using Meter.Metrology;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The power-fail-safe register record: the accumulator's snapshot (energy registers,
    /// tariff registers, operating time) followed by the clock's state (last known UTC time and
    /// its quality), saved as one record by <see cref="MeterStorage.SaveRegisters"/>.
    /// </summary>
    public static class RegisterRecord
    {
        /// <summary>The storage layout of a meter: this record, the demand, calendar, device-state and calibration records, the profile at <paramref name="profilePeriodMinutes"/>.</summary>
        public static StorageLayout Layout(int profilePeriodMinutes)
        {
            StorageLayout layout = new StorageLayout();
            layout.RegisterCount = Length;
            layout.DemandValueCount = DemandRecord.Length;
            layout.CalendarValueCount = CalendarRecord.Length;
            layout.DeviceStateValueCount = DeviceStateRecord.Length;
            layout.CalibrationValueCount = CalibrationRecord.Length;
            layout.ProfilePeriodMinutes = profilePeriodMinutes;
            return layout;
        }

        /// <summary>
        /// The storage layout of a meter built with <paramref name="settings"/>: <see cref="Layout(int)"/>, and with
        /// <see cref="MeterSettings.QualityMeasurement"/> the quality area (analysis logger of
        /// <see cref="MeterSettings.AnalysisChannelCodes"/> in 64 KiB, weekly EN 50160 results; layout version 8/9).
        /// </summary>
        public static StorageLayout Layout(MeterSettings settings)
        {
            StorageLayout layout = Layout(settings.IntegrationPeriodMinutes);
            if (settings.QualityMeasurement)
            {
                layout.AnalysisRegionSize = StorageLayout.DefaultAnalysisRegionSize;
                layout.AnalysisChannelCount = settings.AnalysisChannelCodes.Length;
                layout.AnalysisChannelSet = AnalysisChannels.ChannelSet(settings.AnalysisChannelCodes);
            }
            return layout;
        }

        /// <summary>The save policy of the registers metered with the constants of <paramref name="m"/> (<see cref="SaveSteps"/>).</summary>
        public static RegisterSavePolicy SavePolicy(MeteringConfiguration m)
        {
            return new RegisterSavePolicy(SaveSteps(m.ActiveConstant, m.ReactiveConstant, m.ApparentConstant));
        }

        /// <summary>Index of the last known UTC time, s (for <see cref="MeterClock.Boot"/>).</summary>
        public const int UtcSeconds = EnergyAccumulator.SnapshotLength;
        /// <summary>Index of the clock's <see cref="TimeQuality"/>.</summary>
        public const int ClockQuality = UtcSeconds + 1;
        /// <summary>Index of the clock's last <see cref="ClockSetSource"/>.</summary>
        public const int ClockSetSourceIndex = UtcSeconds + 2;
        /// <summary>Index of the time the clock was last set, UTC s.</summary>
        public const int ClockSetAt = UtcSeconds + 3;
        /// <summary>
        /// Per-phase registers are informative (the legal registers are the totals and the tariff
        /// registers), so they are saved every 10 Wh instead of every 0.5 Wh: a cut without the
        /// mains-fail save loses less than 10 Wh of a phase register, and the record is written
        /// far less often.
        /// </summary>
        public const long PerPhaseStepFactor = 20;
        /// <summary>Values in the record.</summary>
        public const int Length = UtcSeconds + 4;

        /// <summary>
        /// Save steps: total energy and tariff registers every half display digit (1 Wh digit, kWh with
        /// three decimals) so that a cut loses less than one digit (Meter.Storage
        /// RegisterSavePolicy remarks); operating time every hour; the UTC time once a day (it
        /// only bounds how far back a clock with a lost backup restarts); clock state on change.
        /// </summary>
        public static long[] SaveSteps(EnergyConstant active, EnergyConstant reactive, EnergyConstant apparent)
        {
            long[] steps = new long[Length];
            for (int register = 0; register < EnergyAccumulator.RegisterCount; register++)
            {
                EnergyKind kind = EnergyAccumulator.KindOf((EnergyRegister)register);
                EnergyConstant constant = kind == EnergyKind.Active ? active : kind == EnergyKind.Reactive ? reactive : apparent;
                long step = HalfWattHourCounts(constant);
                for (int channel = 0; channel < MeterChannel.Count; channel++)
                    steps[register * MeterChannel.Count + channel] = channel == MeterChannel.Total ? step : PerPhaseStepFactor * step;
            }
            int tariffBase = EnergyAccumulator.RegisterCount * MeterChannel.Count;
            for (int t = 0; t < MeteringConfiguration.MaximumTariffs; t++)
            {
                steps[tariffBase + t] = HalfWattHourCounts(active);
                steps[tariffBase + MeteringConfiguration.MaximumTariffs + t] = HalfWattHourCounts(reactive);
            }
            steps[EnergyAccumulator.SnapshotLength - 1] = 3600000;
            steps[UtcSeconds] = UnixTime.SecondsPerDay;
            steps[ClockQuality] = 1;
            steps[ClockSetSourceIndex] = 1;
            steps[ClockSetAt] = 1;
            return steps;
        }

        /// <summary>Counts in half a watt-hour, rounded down, at least 1: counts per Wh = denominator / numerator.</summary>
        public static long HalfWattHourCounts(EnergyConstant constant)
        {
            long counts = constant.Denominator / constant.Numerator / 2;
            return counts < 1 ? 1 : counts;
        }
    }
}
