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
    /// entry before.
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

        /// <summary>The profile of <paramref name="profile"/>, channel i the register 1-0:<paramref name="channelC"/>[i].8.0.</summary>
        public LoadProfileSource(LoadProfile profile, LocalTimeRule rule, byte[] channelC) : base(rule, profile.ChannelCount)
        {
            if (channelC.Length != profile.ChannelCount) throw new System.ArgumentException("one C value per profile channel");
            _profile = profile;
            _reader = new LoadProfileReader(profile);
            _entry = new ProfileEntry(profile.ChannelCount);
            for (int c = 0; c < channelC.Length; c++)
                Column(c + 1, (int)ObisInterfaceClass.Register, new ObisCode(1, 0, channelC[c], 8, 0, 255), 2);
        }

        /// <inheritdoc />
        public override long CapturePeriodSeconds => _profile.PeriodMinutes * 60L;

        /// <summary>Intervals the readable blocks (all but the spare) hold at least, with deltas below 2^21 Wh.</summary>
        public override long ProfileEntries
            => (long)(_profile.BlockCount - 1) * ((_profile.BlockSize - LoadProfile.HeaderSize(_profile.ChannelCount) - 1)
                / (BoundedEntryBytes + DeltaBytes * _profile.ChannelCount));

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
            => ObisTableCosemObjects.WriteInteger(_entry.Values[column - 1], value);
    }
}
