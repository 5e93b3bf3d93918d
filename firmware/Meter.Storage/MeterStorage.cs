using Meter.Hal;

namespace Meter.Storage
{
    /// <summary>
    /// The meter's permanent memory: opens (recovers or formats) every area of the
    /// <see cref="StorageLayout"/> on one <see cref="INvMemory"/> and saves the energy registers
    /// under the <see cref="RegisterSavePolicy"/>. One instance per boot.
    /// </summary>
    public sealed class MeterStorage
    {
        private readonly INvMemory _memory;
        private readonly StorageLayout _layout;
        private readonly RegisterSavePolicy _policy;
        private readonly WearLevelledRecord _format;
        private readonly long[] _formatValues = new long[StorageLayout.FormatValueCount];
        private readonly long[] _expectedFormat = new long[StorageLayout.FormatValueCount];
        private readonly long[] _registerValues;

        /// <summary>Describes the storage; nothing is read or written until <see cref="Open"/>.</summary>
        /// <param name="memory">The NV memory.</param>
        /// <param name="layout">How the memory is divided.</param>
        /// <param name="policy">When registers are saved (its register count must match the layout's).</param>
        public MeterStorage(INvMemory memory, StorageLayout layout, RegisterSavePolicy policy)
        {
            if (memory == null || layout == null || policy == null)
            {
                throw new System.ArgumentException("memory, layout and save policy are required");
            }
            if (policy.Count != layout.RegisterCount)
            {
                throw new System.ArgumentException("save policy and layout disagree on the number of registers");
            }
            if (layout.ProfileRegionSize(memory.Size) <= 0)
            {
                throw new System.ArgumentException("NV memory too small for the layout");
            }
            _memory = memory;
            _layout = layout;
            _policy = policy;
            _format = new WearLevelledRecord(memory, layout.FormatAddress, StorageLayout.FormatValueCount, StorageLayout.FormatSlots);
            Registers = new WearLevelledRecord(memory, layout.RegistersAddress, layout.RegisterCount, layout.RegisterSlots);
            Billing = new PeriodLogger(memory, layout.BillingAddress, StorageLayout.BillingDepth, layout.BillingValueCount);
            if (layout.Logger2UsableDepth < 1)
            {
                throw new System.ArgumentException("logger 2 too small for the records at its end (calendar, device state, calibration)");
            }
            Logger2 = new PeriodLogger(memory, layout.Logger2Address, layout.Logger2UsableDepth, layout.Logger2ValueCount);
            if (layout.CalendarValueCount > 0)
            {
                Calendar = new WearLevelledRecord(memory, layout.CalendarAddress, layout.CalendarValueCount, StorageLayout.CalendarSlots);
            }
            if (layout.DeviceStateValueCount > 0)
            {
                DeviceState = new WearLevelledRecord(memory, layout.DeviceStateAddress, layout.DeviceStateValueCount, StorageLayout.DeviceStateSlots);
            }
            if (layout.CalibrationValueCount > 0)
            {
                Calibration = new WearLevelledRecord(memory, layout.CalibrationAddress, layout.CalibrationValueCount, StorageLayout.CalibrationSlots);
            }
            Events = new EventLog(memory, layout.EventsAddress, layout.EventCapacity, layout.EventExtensionAddress(memory.Size));
            VoltageQuality = new WearLevelledRecord(memory, layout.VoltageQualityAddress(memory.Size),
                StorageLayout.VoltageQualityValueCount, StorageLayout.VoltageQualitySlots);
            Settings = new WearLevelledRecord(memory, layout.SettingsAddress, StorageLayout.SettingsValueCount, StorageLayout.SettingsSlots);
            Profile = new LoadProfile(memory, layout.ProfileAddress, layout.ProfileRegionSize(memory.Size), layout.ProfileBlockSize,
                layout.ProfileChannelCount, layout.ProfilePeriodMinutes);
            if (layout.DemandValueCount > 0)
            {
                Demand = new WearLevelledRecord(memory, layout.DemandAddress, layout.DemandValueCount, layout.DemandSlots);
            }
            if (layout.HasQualityArea)
            {
                QualityWeeks = new PeriodLogger(memory, layout.QualityWeeksAddress(memory.Size), StorageLayout.QualityWeekDepth, StorageLayout.QualityWeekValueCount);
                Analysis = new AnalysisLog(memory, layout.AnalysisAddress(memory.Size), layout.AnalysisRegionSize, StorageLayout.AnalysisBlockSize,
                    layout.AnalysisChannelCount, layout.AnalysisChannelSet);
            }
            _registerValues = new long[layout.RegisterCount];
            layout.ToFormatRecord(memory.Size, _expectedFormat);
        }

        /// <summary>The energy register record (newest committed values).</summary>
        public WearLevelledRecord Registers { get; private set; }

        /// <summary>The billing (debiting) logger, 36 periods.</summary>
        public PeriodLogger Billing { get; private set; }

        /// <summary>Logger 2 (daily, weekly or monthly values).</summary>
        public PeriodLogger Logger2 { get; private set; }

        /// <summary>The event log.</summary>
        public EventLog Events { get; private set; }

        /// <summary>The load profile.</summary>
        public LoadProfile Profile { get; private set; }

        /// <summary>The settings record (meaning of the values defined by its owner; committed as a whole on every change).</summary>
        public WearLevelledRecord Settings { get; private set; }

        /// <summary>The voltage-quality record in the memory's tail (meaning defined by its owner, Meter.Core; blank after an in-place upgrade).</summary>
        public WearLevelledRecord VoltageQuality { get; private set; }

        /// <summary>The calendar record (null when the layout has none; meaning defined by its owner, Meter.Core; blank on a memory written before it).</summary>
        public WearLevelledRecord Calendar { get; private set; }

        /// <summary>The device-state record (null when the layout has none; meaning defined by its owner, Meter.Core; blank on a memory written before it).</summary>
        public WearLevelledRecord DeviceState { get; private set; }

        /// <summary>The calibration record (null when the layout has none; meaning defined by its owner, Meter.Core; blank on a memory written before it).</summary>
        public WearLevelledRecord Calibration { get; private set; }

        /// <summary>The analysis logger, 10-min values of the quality channels (null when the layout has no quality area).</summary>
        public AnalysisLog Analysis { get; private set; }

        /// <summary>The weekly EN 50160 results, 53 weeks (null when the layout has no quality area; values defined by Meter.Core QualityWeekRecord).</summary>
        public PeriodLogger QualityWeeks { get; private set; }

        /// <summary>The demand record (null when the layout has no demand area). Commit it only after a forced register save: see <see cref="SaveRegisters"/>.</summary>
        public WearLevelledRecord Demand { get; private set; }

        /// <summary>
        /// Boot: checks the format record, formats a blank memory, recovers every area and logs
        /// a <see cref="EventKind.StorageRepair"/> event (stamped <paramref name="now"/>) for each
        /// area that needed repair. Throws InvalidOperationException when the memory holds a
        /// different layout (call <see cref="Format"/> deliberately; it erases everything).
        /// </summary>
        public StorageRecoveryReport Open(System.DateTime now)
        {
            StorageRecoveryReport report = new StorageRecoveryReport();
            bool found = _format.Recover();
            report.TornFormatSlots = _format.TornSlots;
            if (!found)
            {
                // A blank memory is a new meter; anything else without a format record is damage the meter cannot undo.
                report.DamagedMemoryFormatted = !IsErased();
                Format();
                report.Formatted = true;
            }
            else
            {
                _format.CopyTo(_formatValues);
                // The version without the quality area: 6/7 (the quality area is added to it, 4/5 upgraded to it first).
                long plainVersion = _expectedFormat[1] - (_layout.HasQualityArea ? StorageLayout.QualityVersionStep : 0);
                bool ours = _formatValues[0] == _expectedFormat[0];
                if (ours && _formatValues[1] == plainVersion - (StorageLayout.Version - StorageLayout.UpgradableVersion))
                {
                    report.UpgradedFromVersion = (int)_formatValues[1];
                    UpgradeInPlace(plainVersion);
                    _format.CopyTo(_formatValues);
                }
                if (ours && _layout.HasQualityArea && _formatValues[1] == plainVersion)
                {
                    if (report.UpgradedFromVersion == 0) report.UpgradedFromVersion = (int)plainVersion;
                    AddQualityArea();
                    report.QualityAreaAdded = true;
                    _format.CopyTo(_formatValues);
                }
                if (_formatValues[0] == _expectedFormat[0] && _formatValues[1] != _expectedFormat[1])
                {
                    throw new System.InvalidOperationException(LayoutVersionRefusal.Message(_formatValues[1]));
                }
                for (int i = 0; i < _formatValues.Length; i++)
                {
                    if (_formatValues[i] != _expectedFormat[i])
                    {
                        throw new System.InvalidOperationException("NV memory was formatted with a different layout; reformatting would erase it");
                    }
                }
            }
            report.RegistersFound = Registers.Recover();
            report.TornRegisterSlots = Registers.TornSlots;
            if (report.RegistersFound)
            {
                Registers.CopyTo(_registerValues);
                _policy.MarkSaved(_registerValues);
            }
            report.TornBillingSlots = Billing.Recover();
            report.TornLogger2Slots = Logger2.Recover();
            Events.Recover();
            report.TornEventSlots = Events.TornSlots;
            report.TornEventCounterSlots = Events.TornCounterSlots;
            report.EventCountersRepaired = Events.CountersRepaired;
            Profile.Recover();
            report.SettingsFound = Settings.Recover();
            report.TornSettingsSlots = Settings.TornSlots;
            report.TornProfilePointerSlots = Profile.TornPointerSlots;
            report.ProfileLost = Profile.LostOnRecovery;
            if (Demand != null)
            {
                Demand.Recover();
                report.TornDemandSlots = Demand.TornSlots;
            }
            VoltageQuality.Recover();
            report.TornVoltageQualitySlots = VoltageQuality.TornSlots;
            if (Calendar != null)
            {
                report.CalendarFound = Calendar.Recover();
                report.TornCalendarSlots = Calendar.TornSlots;
            }
            if (DeviceState != null)
            {
                report.DeviceStateFound = DeviceState.Recover();
                report.TornDeviceStateSlots = DeviceState.TornSlots;
            }
            if (Calibration != null)
            {
                report.CalibrationFound = Calibration.Recover();
                report.TornCalibrationSlots = Calibration.TornSlots;
            }
            if (Analysis != null)
            {
                report.TornQualityWeekSlots = QualityWeeks.Recover();
                Analysis.Recover();
                report.TornAnalysisPointerSlots = Analysis.TornPointerSlots;
            }

            LogRepair(now, StorageArea.Memory, report.DamagedMemoryFormatted ? 1 : 0);
            LogRepair(now, StorageArea.Format, report.TornFormatSlots);
            LogRepair(now, StorageArea.Registers, report.TornRegisterSlots);
            LogRepair(now, StorageArea.Billing, report.TornBillingSlots);
            LogRepair(now, StorageArea.Logger2, report.TornLogger2Slots);
            LogRepair(now, StorageArea.Events, report.TornEventSlots + report.TornEventCounterSlots);
            LogRepair(now, StorageArea.EventCounters, report.EventCountersRepaired);
            LogRepair(now, StorageArea.Profile, report.TornProfilePointerSlots + (report.ProfileLost ? 1 : 0));
            LogRepair(now, StorageArea.Settings, report.TornSettingsSlots);

            LogRepair(now, StorageArea.Demand, report.TornDemandSlots);
            LogRepair(now, StorageArea.VoltageQuality, report.TornVoltageQualitySlots);
            LogRepair(now, StorageArea.Calendar, report.TornCalendarSlots);
            LogRepair(now, StorageArea.DeviceState, report.TornDeviceStateSlots);
            LogRepair(now, StorageArea.Calibration, report.TornCalibrationSlots);
            LogRepair(now, StorageArea.Analysis, report.TornAnalysisPointerSlots + report.TornQualityWeekSlots);
            LogRepair(now, StorageArea.Profile, report.QualityAreaAdded ? 1 : 0);
            return report;
        }

        /// <summary>
        /// Erases every area (all bytes 0xFF) and writes the format record last, so a cut during
        /// formatting simply formats again at the next boot.
        /// </summary>
        public void Format()
        {
            byte[] blank = new byte[256];
            for (int i = 0; i < blank.Length; i++)
            {
                blank[i] = 0xFF;
            }
            int start = _layout.RegistersAddress;
            int end = _memory.Size;
            for (int address = start; address < end; address += blank.Length)
            {
                int count = end - address < blank.Length ? end - address : blank.Length;
                _memory.Write(address, blank, 0, count);
            }
            // Clear both format slots too, then write the record.
            for (int address = _layout.FormatAddress; address < start; address += blank.Length)
            {
                int count = start - address < blank.Length ? start - address : blank.Length;
                _memory.Write(address, blank, 0, count);
            }
            _format.Recover();
            long[] values = new long[StorageLayout.FormatValueCount];
            _layout.ToFormatRecord(_memory.Size, values);
            _format.Commit(values);
        }

        /// <summary>
        /// True when every byte of the memory is erased (0xFF): a new memory, as <see cref="Format"/>
        /// leaves it apart from its format record. Reads only; one 256-byte buffer.
        /// </summary>
        public bool IsErased()
        {
            byte[] chunk = new byte[256];
            for (int address = 0; address < _memory.Size; address += chunk.Length)
            {
                int count = _memory.Size - address < chunk.Length ? _memory.Size - address : chunk.Length;
                _memory.Read(address, chunk, 0, count);
                for (int i = 0; i < count; i++)
                {
                    if (chunk[i] != 0xFF)
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        /// <summary>
        /// Saves <paramref name="registers"/> when the policy says so (a register crossed a save
        /// step) or unconditionally when <paramref name="force"/> is set. Returns true when it
        /// saved. No allocation.
        /// Force the save (1) on the mains-fail signal and (2) just before a logger captures
        /// register values (profile interval, billing or logger-2 close): a logger must never
        /// hold values newer than the register record, or a power cut right after the capture
        /// would boot with registers below what the logger already shows.
        /// </summary>
        public bool SaveRegisters(long[] registers, bool force)
        {
            if (!force && !_policy.ShouldSave(registers))
            {
                return false;
            }
            Registers.Commit(registers);
            _policy.MarkSaved(registers);
            return true;
        }

        // Version 4/5 → 6/7 (README "Layout versions"): the tail lies in the bytes after the profile's last
        // block, which version 4/5 never writes, so nothing moves. Power-fail safe: the tail is erased first
        // and the format record (its own two-slot commit) written last; a cut before that leaves version 4/5,
        // which the next boot upgrades again. The rest of the format record must match, as for any open.
        private void UpgradeInPlace(long plainVersion)
        {
            CheckSameSizes();
            int slack = _layout.UpgradableSlack(_memory.Size);
            // The message states TailSize as text (no number formatting on the nano allow-list; a test pins the value).
            if (slack < StorageLayout.TailSize)
            {
                throw new System.InvalidOperationException("NV memory holds layout version " + (_formatValues[1] == StorageLayout.UpgradableVersion ? "4" : "5")
                    + ", whose load profile leaves too few bytes after its last block for the tail of version 6 (event-counter extension "
                    + "and voltage-quality record, 320 bytes). It was left untouched: read the meter out with the older firmware, then format deliberately (reformatting erases it)");
            }
            byte[] blank = new byte[StorageLayout.TailSize];
            for (int i = 0; i < blank.Length; i++)
            {
                blank[i] = 0xFF;
            }
            _memory.Write(_layout.EventExtensionAddress(_memory.Size), blank, 0, blank.Length);
            CommitFormat(plainVersion);
        }

        // Version 6/7 → 8/9 (README "Layout versions"): the quality area takes the end of the load profile's region,
        // right before the tail. Everything in front of the profile (registers, billing, logger 2, events, settings,
        // demand, calendar, device state) and the tail (event counters, voltage quality) stay byte for byte. The
        // profile's ring gets fewer blocks, which moves every block but the pointer, so the profile restarts (its
        // pointer is erased; logged as a profile repair): its intervals would be misread otherwise. Power-fail safe:
        // erasing first and the format record last; a cut before that leaves version 6/7, upgraded again at the next boot.
        private void AddQualityArea()
        {
            CheckSameSizes();
            Erase(_layout.ProfileAddress, WearLevelledRecord.RegionSize(2, LoadProfile.PointerSlots));
            Erase(_layout.QualityWeeksAddress(_memory.Size), _layout.AnalysisAddress(_memory.Size) - _layout.QualityWeeksAddress(_memory.Size)
                + WearLevelledRecord.RegionSize(2, AnalysisLog.PointerSlots));
            CommitFormat(_expectedFormat[1]);
        }

        private void CheckSameSizes()
        {
            for (int i = 2; i < _formatValues.Length; i++)
            {
                if (_formatValues[i] != _expectedFormat[i])
                {
                    throw new System.InvalidOperationException("NV memory was formatted with a different layout; reformatting would erase it");
                }
            }
        }

        private void CommitFormat(long version)
        {
            for (int i = 0; i < _formatValues.Length; i++) _formatValues[i] = _expectedFormat[i];
            _formatValues[1] = version;
            _format.Commit(_formatValues);
        }

        private void Erase(int address, int count)
        {
            byte[] blank = new byte[256];
            for (int i = 0; i < blank.Length; i++) blank[i] = 0xFF;
            for (int end = address + count; address < end; address += blank.Length)
            {
                _memory.Write(address, blank, 0, end - address < blank.Length ? end - address : blank.Length);
            }
        }

        private void LogRepair(System.DateTime now, int area, int repaired)
        {
            if (repaired > 0)
            {
                Events.Log(now, EventKind.StorageRepair, area, 0, repaired);
            }
        }
    }
}
