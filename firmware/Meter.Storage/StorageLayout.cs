namespace Meter.Storage
{
    /// <summary>
    /// How the NV memory is divided: format record, energy registers, billing logger (36
    /// periods), logger 2, event log, settings record, the load profile, and at the memory's end the tail
    /// (event-counter extension and voltage-quality record, layout version 6). All sizes are fixed
    /// when the memory is formatted and checked at every boot.
    /// </summary>
    public sealed class StorageLayout
    {
        /// <summary>Billing (debiting) logger depth: "data logger with its depth of 36" (Kamstrup 351 B / 382 J).</summary>
        public const int BillingDepth = 36;

        /// <summary>Slots of the format record (two copies).</summary>
        public const int FormatSlots = 2;

        /// <summary>Values in the format record.</summary>
        public const int FormatValueCount = 12;

        /// <summary>
        /// Layout version in the format record (one more with the demand area, see
        /// <see cref="ToFormatRecord"/>). 2 added the settings record between the event log and
        /// the load profile and the event counter of <see cref="EventKind.Login"/>; 4 grew the
        /// settings record from 16 to <see cref="SettingsValueCount"/> values (display, readout
        /// and holiday lists), which moves the demand record and the load profile; 6 added the tail
        /// at the memory's end (<see cref="TailSize"/>), in bytes no version-4/5 layout uses, so a
        /// memory of version 4/5 is upgraded in place (<see cref="UpgradableVersion"/>, MeterStorage.Open).
        /// A memory of an older version is refused at boot and left untouched, never misread (README,
        /// "Layout versions").
        /// </summary>
        public const int Version = 6;

        /// <summary>The version (+ 1 with the demand area) upgraded in place to <see cref="Version"/>: the same layout without the tail.</summary>
        public const int UpgradableVersion = 4;

        /// <summary>
        /// Values in the voltage-quality record (owner Meter.Core VoltageQualityRecord: running events,
        /// then per phase dips, swells, their cumulative seconds and the latest start).
        /// </summary>
        public const int VoltageQualityValueCount = 16;

        /// <summary>Slots of the voltage-quality record (two: the tail must fit the slack after the profile's last block).</summary>
        public const int VoltageQualitySlots = 2;

        /// <summary>Values in the settings record of layout versions 2 and 3 (refused now; named in the refusal).</summary>
        public const int SettingsValueCountOfVersion3 = 16;

        /// <summary>Values in the settings record (what the optical port configures; the owner defines them).</summary>
        public const int SettingsValueCount = 128;

        /// <summary>Slots the settings record is wear-levelled over (settings change rarely).</summary>
        public const int SettingsSlots = 4;

        /// <summary>Creates a layout with the defaults: 32 registers in 16 slots, 30 billing values, logger 2 with 60 entries of 8 values, 250 events, A+/A-/R+/R- at 15 min in 1 KiB blocks.</summary>
        public StorageLayout()
        {
            RegisterCount = 32;
            RegisterSlots = 16;
            BillingValueCount = BillingValues.Count;
            Logger2Depth = 60;
            Logger2ValueCount = 8;
            EventCapacity = 250;
            ProfileChannelCount = 4;
            ProfilePeriodMinutes = 15;
            ProfileBlockSize = 1024;
        }

        /// <summary>Energy registers saved as one record.</summary>
        public int RegisterCount { get; set; }

        /// <summary>Slots the register record is wear-levelled over.</summary>
        public int RegisterSlots { get; set; }

        /// <summary>Values per billing period.</summary>
        public int BillingValueCount { get; set; }

        /// <summary>Periods kept by logger 2.</summary>
        public int Logger2Depth { get; set; }

        /// <summary>Values per logger 2 period.</summary>
        public int Logger2ValueCount { get; set; }

        /// <summary>Events kept in the event log.</summary>
        public int EventCapacity { get; set; }

        /// <summary>Load-profile channels (see <see cref="ProfileChannels.ChannelCount"/>).</summary>
        public int ProfileChannelCount { get; set; }

        /// <summary>
        /// Load-profile integration period in minutes (5, 15, 30, 60) of an empty profile (the
        /// preset's default; part of the format record). A period changed at run time lives in
        /// the profile's newest block header (LoadProfile.ChangePeriod), not here.
        /// </summary>
        public int ProfilePeriodMinutes { get; set; }

        /// <summary>Load-profile block size in bytes.</summary>
        public int ProfileBlockSize { get; set; }

        /// <summary>
        /// Values in the demand record (maxima, running period; written by Meter.Core): 0 = no
        /// demand area (the default, for storage on its own). A layout with one is layout version
        /// <see cref="Version"/> + 1.
        /// </summary>
        public int DemandValueCount { get; set; }

        /// <summary>Slots the demand record is wear-levelled over (it is written about once per integration period).</summary>
        public int DemandSlots { get; set; } = 4;

        /// <summary>
        /// Values in the calendar record (written by Meter.Core CalendarRecord): 0 = none (the default, for storage
        /// on its own). The record takes the last bytes of logger 2's region, which no firmware has ever written
        /// (Meter.Core does not run logger 2): the format record keeps <see cref="Logger2Depth"/>, so a memory of
        /// version 6/7 opens unchanged and finds the record blank; logger 2 keeps <see cref="Logger2UsableDepth"/>.
        /// </summary>
        public int CalendarValueCount { get; set; }

        /// <summary>Slots of the calendar record (it changes when the utility programs a calendar: rarely).</summary>
        public const int CalendarSlots = 2;

        /// <summary>
        /// Values in the device-state record (written by Meter.Core DeviceStateRecord: breaker and disconnect
        /// control, prepayment credit, pulse and alarm inputs): 0 = none. Like the calendar record it takes bytes at
        /// the end of logger 2's region (after the calendar record), so the format record is unchanged.
        /// </summary>
        public int DeviceStateValueCount { get; set; }

        /// <summary>Slots of the device-state record (it is saved with the registers at a mains failure: wear-levelled like them).</summary>
        public const int DeviceStateSlots = 4;

        /// <summary>
        /// Values in the calibration record (written by Meter.Core CalibrationRecord: the metering chip's calibration
        /// registers set over the optical port): 0 = none. Like the calendar and device-state records it takes bytes of
        /// logger 2's region, right in front of the calendar record, which stays where it was (as does the device-state
        /// record): a memory written before opens unchanged and finds the record blank; the format record is unchanged.
        /// </summary>
        public int CalibrationValueCount { get; set; }

        /// <summary>Slots of the calibration record (it changes only when the meter is calibrated: rarely).</summary>
        public const int CalibrationSlots = 2;

        /// <summary>Logger-2 slots the records at its end take (calendar, device state, calibration; 0 without them).</summary>
        public int Logger2TailSlots
        {
            get { return CalendarDeviceStateSlots + SlotsFor(CalibrationRegionSize); }
        }

        // The slots of the calendar and device-state records alone: where they were before the calibration record.
        private int CalendarDeviceStateSlots
        {
            get { return SlotsFor(CalendarRegionSize + DeviceStateRegionSize); }
        }

        private int SlotsFor(int bytes)
        {
            int slot = PeriodLogger.SlotSize(Logger2ValueCount);
            return (bytes + slot - 1) / slot;
        }

        private int CalendarRegionSize
        {
            get { return CalendarValueCount > 0 ? WearLevelledRecord.RegionSize(CalendarValueCount, CalendarSlots) : 0; }
        }

        private int DeviceStateRegionSize
        {
            get { return DeviceStateValueCount > 0 ? WearLevelledRecord.RegionSize(DeviceStateValueCount, DeviceStateSlots) : 0; }
        }

        private int CalibrationRegionSize
        {
            get { return CalibrationValueCount > 0 ? WearLevelledRecord.RegionSize(CalibrationValueCount, CalibrationSlots) : 0; }
        }

        /// <summary>Periods logger 2 keeps: <see cref="Logger2Depth"/> less the slots of the records at its end.</summary>
        public int Logger2UsableDepth
        {
            get { return Logger2Depth - Logger2TailSlots; }
        }

        /// <summary>Address of the calendar record (after logger 2's usable periods and the calibration record; empty when <see cref="CalendarValueCount"/> is 0).</summary>
        public int CalendarAddress
        {
            get { return Logger2Address + PeriodLogger.RegionSize(Logger2Depth - CalendarDeviceStateSlots, Logger2ValueCount); }
        }

        /// <summary>Address of the device-state record (after the calendar record; empty when <see cref="DeviceStateValueCount"/> is 0).</summary>
        public int DeviceStateAddress
        {
            get { return CalendarAddress + CalendarRegionSize; }
        }

        /// <summary>Address of the calibration record (right before the calendar record, after logger 2's usable periods; empty when <see cref="CalibrationValueCount"/> is 0).</summary>
        public int CalibrationAddress
        {
            get { return CalendarAddress - CalibrationRegionSize; }
        }

        /// <summary>Address of the format record.</summary>
        public int FormatAddress
        {
            get { return 0; }
        }

        /// <summary>Address of the register record.</summary>
        public int RegistersAddress
        {
            get { return FormatAddress + WearLevelledRecord.RegionSize(FormatValueCount, FormatSlots); }
        }

        /// <summary>Address of the billing logger.</summary>
        public int BillingAddress
        {
            get { return RegistersAddress + WearLevelledRecord.RegionSize(RegisterCount, RegisterSlots); }
        }

        /// <summary>Address of logger 2.</summary>
        public int Logger2Address
        {
            get { return BillingAddress + PeriodLogger.RegionSize(BillingDepth, BillingValueCount); }
        }

        /// <summary>Address of the event log.</summary>
        public int EventsAddress
        {
            get { return Logger2Address + PeriodLogger.RegionSize(Logger2Depth, Logger2ValueCount); }
        }

        /// <summary>Address of the settings record.</summary>
        public int SettingsAddress
        {
            get { return EventsAddress + EventLog.RegionSize(EventCapacity); }
        }

        /// <summary>Address of the demand record (after the settings record; empty when <see cref="DemandValueCount"/> is 0).</summary>
        public int DemandAddress
        {
            get { return SettingsAddress + WearLevelledRecord.RegionSize(SettingsValueCount, SettingsSlots); }
        }

        /// <summary>Address of the load profile (which takes the rest of the memory).</summary>
        public int ProfileAddress
        {
            get { return DemandAddress + (DemandValueCount > 0 ? WearLevelledRecord.RegionSize(DemandValueCount, DemandSlots) : 0); }
        }

        /// <summary>
        /// Bytes of the tail at the memory's end: event-counter extension 2·(8 + 2·8) = 48, voltage-quality
        /// record 2·(8 + 16·8) = 272, 320 in all. It must fit the bytes a version-4/5 profile leaves after its
        /// last block (352 for the assembled meter on any memory of whole KiB) to upgrade in place.
        /// </summary>
        public static int TailSize
        {
            get { return EventLog.ExtensionRegionSize + WearLevelledRecord.RegionSize(VoltageQualityValueCount, VoltageQualitySlots); }
        }

        /// <summary>Address of the event-counter extension (the tail's start) in a memory of <paramref name="memorySize"/> bytes.</summary>
        public int EventExtensionAddress(int memorySize)
        {
            return memorySize - TailSize;
        }

        /// <summary>Address of the voltage-quality record in a memory of <paramref name="memorySize"/> bytes.</summary>
        public int VoltageQualityAddress(int memorySize)
        {
            return EventExtensionAddress(memorySize) + EventLog.ExtensionRegionSize;
        }

        /// <summary>Bytes left for the load profile in a memory of <paramref name="memorySize"/> bytes (less the quality area when there is one).</summary>
        public int ProfileRegionSize(int memorySize)
        {
            return memorySize - TailSize - QualityAreaSize - ProfileAddress;
        }

        /// <summary>
        /// Bytes of the analysis logger's block ring (Meter.Storage AnalysisLog): 0 = no quality area, the layout of a
        /// meter without quality measurement, byte for byte as before. A layout with one is layout version
        /// <see cref="Version"/> (+ 1 with demand) + <see cref="QualityVersionStep"/>; the quality area
        /// (<see cref="QualityAreaSize"/>: the weekly EN 50160 results, then this ring) takes the end of the load
        /// profile's region, right before the tail, so everything in front of the profile and the tail stay where they are.
        /// </summary>
        public int AnalysisRegionSize { get; set; }

        /// <summary>The analysis logger's default region, 64 KiB (about 28 days of the 8 default channels, see the README).</summary>
        public const int DefaultAnalysisRegionSize = 64 * 1024;

        /// <summary>Analysis logger block size, bytes.</summary>
        public const int AnalysisBlockSize = 1024;

        /// <summary>Channels of an analysis-logger entry (1 … 24; used with <see cref="AnalysisRegionSize"/>).</summary>
        public int AnalysisChannelCount { get; set; }

        /// <summary>The analysis channel list's checksum, kept in every analysis block header (the owner computes it).</summary>
        public uint AnalysisChannelSet { get; set; }

        /// <summary>Format-record version added by the quality area: 8 (9 with demand).</summary>
        public const int QualityVersionStep = 2;

        /// <summary>Weekly EN 50160 results kept (a year has 52 or 53 Mondays).</summary>
        public const int QualityWeekDepth = 53;

        /// <summary>Values of a weekly EN 50160 result (owner: Meter.Core QualityWeekRecord).</summary>
        public const int QualityWeekValueCount = 12;

        /// <summary>True when the layout has the quality area.</summary>
        public bool HasQualityArea
        {
            get { return AnalysisRegionSize > 0; }
        }

        /// <summary>Bytes of the quality area: the weekly results' logger and the analysis ring (0 without).</summary>
        public int QualityAreaSize
        {
            get { return HasQualityArea ? PeriodLogger.RegionSize(QualityWeekDepth, QualityWeekValueCount) + AnalysisRegionSize : 0; }
        }

        /// <summary>Address of the weekly EN 50160 results (the quality area's start) in a memory of <paramref name="memorySize"/> bytes.</summary>
        public int QualityWeeksAddress(int memorySize)
        {
            return memorySize - TailSize - QualityAreaSize;
        }

        /// <summary>Address of the analysis logger's ring in a memory of <paramref name="memorySize"/> bytes.</summary>
        public int AnalysisAddress(int memorySize)
        {
            return QualityWeeksAddress(memorySize) + PeriodLogger.RegionSize(QualityWeekDepth, QualityWeekValueCount);
        }

        /// <summary>The format record's layout version: <see cref="Version"/>, + 1 with the demand area, + <see cref="QualityVersionStep"/> with the quality area.</summary>
        public int FormatVersion
        {
            get { return Version + (DemandValueCount > 0 ? 1 : 0) + (HasQualityArea ? QualityVersionStep : 0); }
        }

        /// <summary>
        /// Bytes after the last profile block in the layout of version <see cref="UpgradableVersion"/> (no tail):
        /// the in-place upgrade needs <see cref="TailSize"/> of them, so that the block ring stays where it is.
        /// </summary>
        public int UpgradableSlack(int memorySize)
        {
            int blocks = memorySize - ProfileAddress - WearLevelledRecord.RegionSize(2, LoadProfile.PointerSlots);
            return blocks < 0 ? 0 : blocks % ProfileBlockSize;
        }

        /// <summary>Fills <paramref name="values"/> (<see cref="FormatValueCount"/> long) with the format record for a memory of <paramref name="memorySize"/> bytes.</summary>
        public void ToFormatRecord(int memorySize, long[] values)
        {
            values[0] = 0x4D455452; // "METR"
            values[1] = FormatVersion; // + 1: this layout also has the demand area; + 2: the quality area
            values[2] = memorySize;
            values[3] = RegisterCount;
            values[4] = RegisterSlots;
            values[5] = BillingValueCount;
            values[6] = Logger2Depth;
            values[7] = Logger2ValueCount;
            values[8] = EventCapacity;
            values[9] = ProfileChannelCount;
            values[10] = ProfilePeriodMinutes;
            values[11] = ProfileBlockSize;
        }
    }
}
