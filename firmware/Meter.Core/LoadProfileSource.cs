using Meter.Clock;
using Meter.Dlms;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The load profile (the optical port's P.01) as the entries of profile generic 1-0:99.1.0.255: each interval's
    /// end as the clock's time and each channel's register value at that moment (1-0:C.8.0.255 attribute 2, Wh,
    /// as the register itself reads), so an interval's energy — what P.01 shows in kWh — is the difference to the
    /// entry before. With the pulse-input channel a last column 0-1:24.2.1 attribute 2 (the register in thousandths
    /// of its unit, as the register reads); it is null-data in intervals recorded without that channel.
    /// </summary>
    public sealed class LoadProfileSource : StoredListSource
    {
        // Bytes an interval takes at most while each delta stays below 2^21 Wh (three LEB128 bytes): flags,
        // extension and explicit-time bytes (LoadProfile remarks); profile_entries is stated with it.
        private const int BoundedEntryBytes = 4;
        private const int DeltaBytes = 3;

        private readonly LoadProfile _profile;
        private readonly LoadProfileReader _reader;
        private readonly ProfileEntry _entry;
        private readonly int _columns;

        /// <summary>The profile of <paramref name="profile"/>, channel i the register 1-0:<paramref name="channelC"/>[i].8.0.</summary>
        public LoadProfileSource(LoadProfile profile, LocalTimeRule rule, byte[] channelC) : this(profile, rule, channelC, false)
        {
        }

        /// <summary>As above; with <paramref name="pulseChannel"/> the extra channel, the pulse-input register 0-1:24.2.1, after them.</summary>
        public LoadProfileSource(LoadProfile profile, LocalTimeRule rule, byte[] channelC, bool pulseChannel)
            : base(rule, profile.BaseChannelCount + (pulseChannel ? 1 : 0))
        {
            if (channelC.Length != profile.BaseChannelCount) throw new System.ArgumentException("one C value per profile channel");
            if (pulseChannel && profile.MaximumChannelCount == profile.BaseChannelCount) throw new System.ArgumentException("the profile has no room for the pulse-input channel");
            _profile = profile;
            _columns = profile.BaseChannelCount + (pulseChannel ? 1 : 0);
            _reader = new LoadProfileReader(profile);
            _entry = new ProfileEntry(profile.MaximumChannelCount);
            for (int c = 0; c < channelC.Length; c++)
                Column(c + 1, (int)ObisInterfaceClass.Register, new ObisCode(1, 0, channelC[c], 8, 0, 255), 2);
            if (pulseChannel) Column(_columns, (int)ObisInterfaceClass.Register, ModuleInputObjects.PulseRegister, 2);
        }

        /// <inheritdoc />
        public override long CapturePeriodSeconds => _profile.PeriodMinutes * 60L;

        /// <summary>Intervals the readable blocks (all but the spare) hold at least, with deltas below 2^21 Wh.</summary>
        public override long ProfileEntries
            => (long)(_profile.BlockCount - 1) * ((_profile.BlockSize - LoadProfile.HeaderSize(_columns) - 1)
                / (BoundedEntryBytes + DeltaBytes * _columns));

        /// <inheritdoc />
        public override void Rewind() => _reader.Reset();

        /// <inheritdoc />
        public override bool Next()
        {
            if (!_reader.Next(_entry)) return false;
            EntryUtc = UnixTime.ToSeconds(_entry.EndTime);
            return true;
        }

        /// <inheritdoc />
        protected override void WriteValue(int column, AxdrWriter value)
        {
            if (column > _entry.ChannelCount) value.WriteNull(); // an interval recorded without the pulse-input channel
            else ObisTableCosemObjects.WriteInteger(_entry.Values[column - 1], value);
        }
    }
}
