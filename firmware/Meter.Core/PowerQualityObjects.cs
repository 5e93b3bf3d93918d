using Meter.Metrology.Quality;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// OBIS objects of the power-quality values (issue 20) and their owner. Codes (IEC 62056-61 / DLMS UA Blue Book,
    /// electricity value groups):
    /// <list type="bullet">
    /// <item>1-0:32.7.124 / 52.7.124 / 72.7.124 voltage THD L1 … L3: C = voltage of the phase, D = 7 instantaneous,
    /// E = 124 "total harmonic distortion" of the harmonics table of value group E (0 total, 1 … 120 harmonic n,
    /// 124 THD); %, two decimals.</item>
    /// <item>1-0:12.7.128 voltage unbalance u2 (negative-sequence ratio): C = 12 any phase voltage, D = 7; the Blue Book
    /// has no E for the negative-sequence ratio, so E = 128, the first manufacturer-specific value (128 … 254); %, two decimals.
    /// Frequency stays 1-0:14.7.0 (<see cref="StandardObjects.Frequency"/>).</item>
    /// <item>1-0:12.128.0 / 12.128.1 the EN 50160 result of the current and of the last finished week, and
    /// 1-0:12.128.2 / 12.128.3 the current week's 10-min values and those flagged (IEC 61000-4-30 §4.7): D = 128,
    /// manufacturer specific. The result packs 2 bits a criterion (<see cref="En50160Verdict"/>: 0 no data, 1 pass,
    /// 2 fail), <see cref="VoltageShift"/> … <see cref="UnbalanceShift"/>; read as hex, "0155" = everything passed.</item>
    /// </list>
    /// No value (the readout's empty "()") while quality measurement is off or before the values exist.
    /// </summary>
    public sealed class PowerQualityObjects : ObisValueOwner
    {
        /// <summary>Value group E of THD (Blue Book harmonics table).</summary>
        public const int ThdE = 124;
        /// <summary>1-0:12.7.128 voltage unbalance u2.</summary>
        public static readonly ObisCode Unbalance = new ObisCode(1, 0, 12, 7, 128, 255);
        /// <summary>1-0:12.128.0 EN 50160 result of the current week.</summary>
        public static readonly ObisCode CurrentWeek = new ObisCode(1, 0, 12, 128, 0, 255);
        /// <summary>1-0:12.128.1 EN 50160 result of the last finished week.</summary>
        public static readonly ObisCode PreviousWeek = new ObisCode(1, 0, 12, 128, 1, 255);
        /// <summary>1-0:12.128.2 10-min values of the current week.</summary>
        public static readonly ObisCode WeekIntervals = new ObisCode(1, 0, 12, 128, 2, 255);
        /// <summary>1-0:12.128.3 flagged 10-min values of the current week (not evaluated).</summary>
        public static readonly ObisCode WeekFlaggedIntervals = new ObisCode(1, 0, 12, 128, 3, 255);
        /// <summary>Bit positions of each criterion's verdict in a week result.</summary>
        public const int VoltageShift = 0, FrequencyShift = 2, ThdShift = 4, HarmonicsShift = 6, UnbalanceShift = 8;
        /// <summary>Objects <see cref="MeterObjectTable.Declare"/> adds from here: 3 THD, u2, 4 week objects.</summary>
        public const int Count = 8;

        private readonly PowerQualityRecorder _recorder;

        /// <summary>Values of <paramref name="recorder"/> (null: quality measurement off, no values).</summary>
        public PowerQualityObjects(PowerQualityRecorder recorder)
        {
            _recorder = recorder;
        }

        /// <summary>1-0:32.7.124 / 52.7.124 / 72.7.124, voltage THD of phase 1–3.</summary>
        public static ObisCode ThdOf(int phase)
        {
            return new ObisCode(1, 0, (byte)(12 + 20 * phase), 7, ThdE, 255);
        }

        /// <summary>True when the current week has a failed criterion (the status bit and the LCD's status screen).</summary>
        public bool CurrentWeekFails
        {
            get { return _recorder != null && _recorder.CurrentWeek.Intervals > 0 && !_recorder.CurrentWeek.Passes(); }
        }

        /// <summary>A week's verdicts packed 2 bits a criterion.</summary>
        public static long Packed(En50160WeeklyEvaluation week)
        {
            return ((long)week.VoltageVerdict() << VoltageShift) | ((long)week.FrequencyVerdict() << FrequencyShift)
                | ((long)week.ThdVerdict() << ThdShift) | ((long)week.HarmonicsVerdict() << HarmonicsShift)
                | ((long)week.UnbalanceVerdict() << UnbalanceShift);
        }

        /// <summary>
        /// Appends the quality objects to <paramref name="settings"/>' lists (a host switching quality measurement on):
        /// THD L1 … L3 and the current week's result to the readout (they fill its 32 places after the 28 defaults),
        /// THD L1 … L3, u2 and both week results to the alternate (manual) display list. Codes already there are kept once.
        /// </summary>
        /// <exception cref="System.ArgumentException">A list would exceed its capacity (the message names it).</exception>
        public static void AddToLists(MeterSettings settings)
        {
            ObisCode[] readout = new ObisCode[] { ThdOf(1), ThdOf(2), ThdOf(3), CurrentWeek };
            ObisCode[] display = new ObisCode[] { ThdOf(1), ThdOf(2), ThdOf(3), Unbalance, CurrentWeek, PreviousWeek };
            int[] periods = settings.ReadoutBillingPeriods;
            ObisCode[] codes = Appended(settings.ReadoutCodes, readout, ListSettings.ReadoutCapacity, "readout list");
            int[] newPeriods = new int[codes.Length];
            for (int i = 0; i < periods.Length; i++) newPeriods[i] = periods[i]; // the quality objects have no billing periods
            settings.AlternateDisplayList = Appended(settings.AlternateDisplayList, display, Meter.Display.DisplayList.ManualCapacity, "alternate display list");
            settings.ReadoutCodes = codes;
            settings.ReadoutBillingPeriods = newPeriods;
        }

        private static ObisCode[] Appended(ObisCode[] list, ObisCode[] extra, int capacity, string name)
        {
            int missing = 0;
            for (int i = 0; i < extra.Length; i++) if (IndexOf(list, extra[i]) < 0) missing++;
            if (list.Length + missing > capacity)
            {
                // At most 4 parts a concatenation: nanoFramework has no String.Concat(string[]).
                string sizes = list.Length.ToString() + " + " + missing.ToString();
                string what = "the " + name + " has no room for the power-quality objects (";
                string limit = " > " + capacity.ToString() + ")";
                throw new System.ArgumentException(what + sizes + limit);
            }
            ObisCode[] result = new ObisCode[list.Length + missing];
            for (int i = 0; i < list.Length; i++) result[i] = list[i];
            int n = list.Length;
            for (int i = 0; i < extra.Length; i++) if (IndexOf(list, extra[i]) < 0) result[n++] = extra[i];
            return result;
        }

        private static int IndexOf(ObisCode[] list, ObisCode code)
        {
            for (int i = 0; i < list.Length; i++) if (list[i] == code) return i;
            return -1;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (_recorder == null) return false;
            PhaseQualityValues q = _recorder.Values;
            if (code.D == 7 && code.E == ThdE)
            {
                int phase = (code.C - 12) / 20; // 32, 52, 72 → 1, 2, 3
                if (phase < 1 || phase > 3 || !q.Harmonics.IsComplete(phase - 1)) return false;
                value = q.Harmonics.Thd(phase - 1);
                return true;
            }
            if (code == Unbalance)
            {
                if (!q.UnbalanceValid) return false;
                value = q.Unbalance;
                return true;
            }
            En50160WeeklyEvaluation week = _recorder.CurrentWeek;
            if (code == CurrentWeek) { value = Packed(week); return true; }
            if (code == WeekIntervals) { value = week.Intervals; return true; }
            if (code == WeekFlaggedIntervals) { value = week.FlaggedIntervals; return true; }
            if (code == PreviousWeek)
            {
                En50160WeeklyEvaluation previous = _recorder.PreviousWeek;
                // After a restart the last finished week comes from NV memory (QualityWeekLog).
                if (previous == null) return _recorder.WeekLog != null && _recorder.WeekLog.TryNewestResult(out value);
                value = Packed(previous);
                return true;
            }
            return false;
        }
    }
}
