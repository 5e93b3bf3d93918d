using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The storage's settings record: the settings (<see cref="SettingsRecord"/>) and, in its spare
    /// values, the tamper state (<see cref="TamperRecord"/>), committed whole and power-fail safe
    /// whenever either changes (setting and list writes, tamper starts, ends and acknowledgements).
    /// </summary>
    public sealed class SettingsRecordStore
    {
        private readonly MeterSettings _settings;
        private readonly MeterStorage _storage;
        private readonly long[] _values = new long[StorageLayout.SettingsValueCount];
        private TamperMonitor _tamper;

        /// <summary>Keeps <paramref name="settings"/> in <paramref name="storage"/>'s settings record.</summary>
        public SettingsRecordStore(MeterSettings settings, MeterStorage storage)
        {
            _settings = settings;
            _storage = storage;
        }

        /// <summary>Composition: the tamper state shares the record (the monitor commits through this store).</summary>
        public void KeepTamperState(TamperMonitor tamper)
        {
            _tamper = tamper;
        }

        /// <summary>
        /// Start-up: the stored values (a copy kept here), or null when there is no record.
        /// </summary>
        public long[] ReadStored()
        {
            WearLevelledRecord record = _storage.Settings;
            if (!record.HasValue) return null;
            record.CopyTo(_values);
            return _values;
        }

        /// <summary>Commits the whole record from the settings and the tamper state as they are now.</summary>
        public void Commit()
        {
            SettingsRecord.Capture(_settings, _values);
            _tamper.SaveTo(_values);
            _storage.Settings.Commit(_values);
        }
    }
}
