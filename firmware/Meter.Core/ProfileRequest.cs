using Meter.Clock;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The load-profile request R1 "P.01(from;to)" (VDEW / DIN 43863-3 profile readout, the
    /// address MeterTool uses), answered with the stored profile by the <see cref="RangeRequestLink"/>
    /// in front of the optical server.
    /// </summary>
    /// <remarks>
    /// Answer (IEC 62056-21:2002 §6.3.9 data message): STX, then a header data set
    /// "P.01(Zyymmddhhmm)(ss)(pp)(4)(1.8.0)(kWh)(2.8.0)(kWh)(3.8.0)(kvarh)(4.8.0)(kvarh)" CR LF
    /// (Z season 0 winter / 1 summer, ss = interval status flags in hex, pp = period in minutes)
    /// and one line "(e1)(e2)(e3)(e4)" CR LF per interval with the energy of the interval in
    /// kWh/kvarh (3 decimals); a new header starts whenever the next interval is not the one
    /// right after, or its status or period differs (DIN 43863-3 / VDEW: the values after a
    /// header are one period apart from its time stamp, so each period gets its own headers
    /// across a change of the integration period). ETX, BCC (XOR from after STX through ETX, §6.3.14).
    /// Time stamps are the meter's local time of each interval's end.
    /// Intervals with the pulse-input channel (MeterSettings.PulseInputProfileChannel) have a 5th value, the pulse
    /// register's increase in its unit (3 decimals), and their header says so: "(5)…(4.8.0)(kvarh)(0-1:24.2.1)(m3)",
    /// the unit kWh, m3 or L from the pulse input's unit code (empty for a plain count). The code is written in
    /// full "A-B:C.D.E" as the readout writes it: P.01's short "C.D.E" stands for group A = 1 (electricity), B = 0
    /// (IEC 62056-61 §5: A = 0 is abstract, here the other medium), so "24.2.1" alone would read as 1-0:24.2.1.
    /// A change of the channel count starts a new header, as a change of period does.
    /// </remarks>
    public sealed class ProfileRequest : IRangeRequest
    {
        /// <summary>Most intervals answered per request (a day is 96 at 15 min); the oldest are dropped beyond.</summary>
        public const int MaximumIntervals = 1000;

        private const int MaximumChannels = 5;

        private readonly MeterStorage _storage;
        private readonly LocalTimeRule _rule;
        private readonly ModuleInputs _inputs;

        /// <summary>The load profile of <paramref name="storage"/>, time stamps in the local time of <paramref name="rule"/>.</summary>
        public ProfileRequest(MeterStorage storage, LocalTimeRule rule) : this(storage, rule, null)
        {
        }

        /// <summary>As above; the pulse-input channel's unit from <paramref name="inputs"/> (null: no unit).</summary>
        public ProfileRequest(MeterStorage storage, LocalTimeRule rule, ModuleInputs inputs)
        {
            _storage = storage;
            _rule = rule;
            _inputs = inputs;
        }

        /// <summary>Profile requests answered.</summary>
        public int Requests { get; private set; }

        /// <inheritdoc />
        public int Number { get { return 1; } }

        /// <inheritdoc />
        public void Answer(long fromLocalSecond, long toLocalSecond, RangeAnswer answer)
        {
            Requests++;
            LoadProfile profile = _storage.Profile;
            LoadProfileReader reader = new LoadProfileReader(profile);
            ProfileEntry entry = new ProfileEntry(profile.MaximumChannelCount);
            // Collect the matching intervals (local end minute, status, channels, 4 or 5 deltas), newest kept.
            long[] minutes = new long[MaximumIntervals];
            int[] statuses = new int[MaximumIntervals];
            int[] periods = new int[MaximumIntervals];
            bool[] summer = new bool[MaximumIntervals];
            int[] channels = new int[MaximumIntervals];
            long[] deltas = new long[MaximumIntervals * MaximumChannels];
            int count = 0, first = 0;
            LocalTimeRule rule = _rule;
            while (reader.Next(entry))
            {
                LocalDateTime local = rule.ToLocal(UnixTime.ToSeconds(entry.EndTime));
                long minute = UnixTime.FloorDiv(local.LocalSeconds, 60);
                if (minute * 60 < fromLocalSecond || minute * 60 > toLocalSecond) continue;
                int slot = (first + count) % MaximumIntervals;
                if (count == MaximumIntervals) first = (first + 1) % MaximumIntervals; else count++;
                minutes[slot] = minute;
                statuses[slot] = entry.Status;
                periods[slot] = entry.PeriodMinutes;
                summer[slot] = local.IsSummerTime;
                channels[slot] = entry.ChannelCount == MaximumChannels ? MaximumChannels : 4;
                for (int c = 0; c < MaximumChannels; c++) deltas[slot * MaximumChannels + c] = c < entry.Deltas.Length ? entry.Deltas[c] : 0;
            }
            long previousMinute = long.MinValue;
            int previousStatus = -1;
            int previousPeriod = 0;
            int previousChannels = 0;
            if (count == 0) Header(answer, 0, false, 0, profile.PeriodMinutes, profile.ChannelCount == MaximumChannels ? MaximumChannels : 4);
            for (int k = 0; k < count; k++)
            {
                int i = (first + k) % MaximumIntervals;
                int period = periods[i];
                if (minutes[i] != previousMinute + period || statuses[i] != previousStatus || period != previousPeriod || channels[i] != previousChannels)
                    Header(answer, minutes[i], summer[i], statuses[i], period, channels[i]);
                for (int c = 0; c < channels[i]; c++)
                {
                    answer.Byte((byte)'(');
                    answer.Fixed(deltas[i * MaximumChannels + c], 3); // Wh as kWh, 3 decimals
                    answer.Byte((byte)')');
                }
                answer.EndLine();
                previousMinute = minutes[i];
                previousStatus = statuses[i];
                previousPeriod = period;
                previousChannels = channels[i];
            }
        }

        private static readonly byte[] Channels = new byte[]
        {
            (byte)'(', (byte)'1', (byte)'.', (byte)'8', (byte)'.', (byte)'0', (byte)')', (byte)'(', (byte)'k', (byte)'W', (byte)'h', (byte)')',
            (byte)'(', (byte)'2', (byte)'.', (byte)'8', (byte)'.', (byte)'0', (byte)')', (byte)'(', (byte)'k', (byte)'W', (byte)'h', (byte)')',
            (byte)'(', (byte)'3', (byte)'.', (byte)'8', (byte)'.', (byte)'0', (byte)')', (byte)'(', (byte)'k', (byte)'v', (byte)'a', (byte)'r', (byte)'h', (byte)')',
            (byte)'(', (byte)'4', (byte)'.', (byte)'8', (byte)'.', (byte)'0', (byte)')', (byte)'(', (byte)'k', (byte)'v', (byte)'a', (byte)'r', (byte)'h', (byte)')',
        };

        private static readonly byte[] Address = new byte[] { (byte)'P', (byte)'.', (byte)'0', (byte)'1', (byte)'(' };

        // The pulse-input channel (IEC 62056-61 code written in full, see the remarks).
        private static readonly byte[] PulseChannel = new byte[]
        {
            (byte)'(', (byte)'0', (byte)'-', (byte)'1', (byte)':', (byte)'2', (byte)'4', (byte)'.', (byte)'2', (byte)'.', (byte)'1', (byte)')', (byte)'(',
        };

        private static readonly byte[] KilowattHours = new byte[] { (byte)'k', (byte)'W', (byte)'h' };
        private static readonly byte[] CubicMetres = new byte[] { (byte)'m', (byte)'3' };
        private static readonly byte[] Litres = new byte[] { (byte)'L' };
        private static readonly byte[] NoUnit = new byte[0];

        private void Header(RangeAnswer answer, long localMinute, bool summer, int status, int period, int channels)
        {
            answer.Bytes(Address);
            answer.Stamp(localMinute * 60, summer, false);
            answer.Byte((byte)')');
            answer.Byte((byte)'(');
            answer.Hex(status);
            answer.Byte((byte)')');
            answer.Byte((byte)'(');
            answer.Two(period);
            answer.Byte((byte)')');
            answer.Byte((byte)'(');
            answer.Decimal(channels);
            answer.Byte((byte)')');
            answer.Bytes(Channels);
            if (channels == MaximumChannels)
            {
                answer.Bytes(PulseChannel);
                answer.Bytes(PulseUnitText());
                answer.Byte((byte)')');
            }
            answer.EndLine();
        }

        private byte[] PulseUnitText()
        {
            int unit = _inputs == null ? PulseInputUnit.None : _inputs.PulseUnit;
            switch (unit)
            {
                case PulseInputUnit.KilowattHour: return KilowattHours;
                case PulseInputUnit.CubicMetre: return CubicMetres;
                case PulseInputUnit.Litre: return Litres;
                default: return NoUnit;
            }
        }
    }
}
