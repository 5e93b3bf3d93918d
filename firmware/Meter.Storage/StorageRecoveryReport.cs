namespace Meter.Storage
{
    /// <summary>What <see cref="MeterStorage.Open"/> found and repaired at boot.</summary>
    public sealed class StorageRecoveryReport
    {
        /// <summary>The memory held no valid format record and was formatted (all logs empty, registers zero).</summary>
        public bool Formatted { get; set; }

        /// <summary>
        /// The memory was not blank but held no readable format record (damage or another device's
        /// data), so everything it held was lost when it was formatted. Logged as a
        /// <see cref="EventKind.StorageRepair"/> event of <see cref="StorageArea.Memory"/>; Meter.Core
        /// shows it in the error register and on the LCD. A blank memory (a new meter) is formatted without it.
        /// </summary>
        public bool DamagedMemoryFormatted { get; set; }

        /// <summary>Torn slots of the format record discarded.</summary>
        public int TornFormatSlots { get; set; }

        /// <summary>True when a committed register record was found.</summary>
        public bool RegistersFound { get; set; }

        /// <summary>Torn register slots discarded (a cut during a register save).</summary>
        public int TornRegisterSlots { get; set; }

        /// <summary>Torn billing-period slots discarded (a cut while closing a period).</summary>
        public int TornBillingSlots { get; set; }

        /// <summary>Torn logger-2 slots discarded.</summary>
        public int TornLogger2Slots { get; set; }

        /// <summary>Torn event slots discarded.</summary>
        public int TornEventSlots { get; set; }

        /// <summary>Torn event-counter slots discarded.</summary>
        public int TornEventCounterSlots { get; set; }

        /// <summary>Events counted into the per-kind counters at boot (cut between event and counter write).</summary>
        public int EventCountersRepaired { get; set; }

        /// <summary>Torn load-profile pointer slots discarded (a cut while committing an interval).</summary>
        public int TornProfilePointerSlots { get; set; }

        /// <summary>True when the load profile's current block was unreadable and the profile restarted (real corruption, not a torn write).</summary>
        public bool ProfileLost { get; set; }

        /// <summary>True when a committed settings record was found (false: the owner uses its defaults).</summary>
        public bool SettingsFound { get; set; }

        /// <summary>Torn settings slots discarded (a cut while a setting was written).</summary>
        public int TornSettingsSlots { get; set; }

        /// <summary>Torn demand-record slots discarded (a cut while saving the demand state).</summary>
        public int TornDemandSlots { get; set; }

        /// <summary>Torn voltage-quality slots discarded (a cut while a dip or swell was recorded).</summary>
        public int TornVoltageQualitySlots { get; set; }

        /// <summary>True when a committed calendar record was found (false: no passive calendar was ever stored).</summary>
        public bool CalendarFound { get; set; }

        /// <summary>Torn calendar slots discarded (a cut while the passive calendar was written).</summary>
        public int TornCalendarSlots { get; set; }

        /// <summary>True when a committed device-state record was found (false: none was ever stored).</summary>
        public bool DeviceStateFound { get; set; }

        /// <summary>Torn device-state slots discarded (a cut while the breaker state, the credit or the pulse count was saved).</summary>
        public int TornDeviceStateSlots { get; set; }

        /// <summary>True when a committed calibration record was found (false: the meter was never calibrated over the optical port).</summary>
        public bool CalibrationFound { get; set; }

        /// <summary>Torn calibration slots discarded (a cut while a calibration write was saved).</summary>
        public int TornCalibrationSlots { get; set; }

        /// <summary>Torn pointer slots of the analysis logger (quality area only).</summary>
        public int TornAnalysisPointerSlots { get; set; }

        /// <summary>Torn slots of the weekly EN 50160 results.</summary>
        public int TornQualityWeekSlots { get; set; }

        /// <summary>True when this boot added the quality area to a version-6/7 memory (the load profile restarted; nothing else moved).</summary>
        public bool QualityAreaAdded { get; set; }

        /// <summary>Layout version the memory was upgraded from in place at this boot (4 or 5; 6 or 7 when the quality area was added); 0 = none.</summary>
        public int UpgradedFromVersion { get; set; }

        /// <summary>
        /// True when the newest demand record was readable but its content refused (Meter.Core
        /// sets this: the demand meter validates the whole snapshot); demand restarted empty,
        /// the energy registers untouched.
        /// </summary>
        public bool DemandRefused { get; set; }

        /// <summary>Total number of repairs (0 after a clean shutdown).</summary>
        public int RepairCount
        {
            get
            {
                return TornFormatSlots + TornRegisterSlots + TornBillingSlots + TornLogger2Slots + TornEventSlots
                    + TornEventCounterSlots + EventCountersRepaired + TornProfilePointerSlots + (ProfileLost ? 1 : 0)
                    + TornSettingsSlots + TornDemandSlots + TornVoltageQualitySlots + TornCalendarSlots + TornDeviceStateSlots + TornCalibrationSlots + (DemandRefused ? 1 : 0)
                    + TornAnalysisPointerSlots + TornQualityWeekSlots;
            }
        }
    }
}
