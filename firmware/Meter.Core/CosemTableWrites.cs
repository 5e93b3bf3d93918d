using Meter.Dlms;
using Meter.Obis;
using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// A COSEM SET of the management client written as the optical port's W1 is: through the register table with
    /// P1's level (1) and the seal counted as closed (legal data — calibration, meter constant, energy registers —
    /// is never written over DLMS), so the same rules and owners (SettingsWriter, ClockSetting …) apply, and logged
    /// as the optical port logs a write (WriteAccepted, or WriteRejected with the "ERnn" it would have answered).
    /// The outcome as the Data-Access-Result of the SET (Green Book): refusals by access or seal read-write-denied,
    /// a malformed value type-unmatched, a value out of range or rejected other-reason.
    /// </summary>
    public sealed class CosemTableWrites
    {
        private const int ManagementLevel = 1;

        private readonly ObisTable _table;
        private readonly IOpticalEventSink _events;
        private readonly MeterTime _time;

        /// <summary>Writes to <paramref name="table"/>, logged to <paramref name="events"/> (null: not logged).</summary>
        public CosemTableWrites(ObisTable table, IOpticalEventSink events, MeterTime time)
        {
            _table = table;
            _events = events;
            _time = time;
        }

        /// <summary>Writes the W1 value text <paramref name="text"/>[0 … length) to <paramref name="code"/>.</summary>
        public DataAccessResult Write(ObisCode code, byte[] text, int length)
        {
            return Report(code, _table.Write(code, text, 0, length, ManagementLevel, false));
        }

        /// <summary>
        /// Logs a write to <paramref name="code"/> that a class-specific COSEM object made without the table (e.g. the
        /// disconnect control's control_mode, logged under its optical code) and gives its Data-Access-Result.
        /// </summary>
        public DataAccessResult Report(ObisCode code, ObisWriteResult result)
        {
            if (_events != null)
            {
                long now = _time != null ? _time.NowMs : 0;
                if (result == ObisWriteResult.Accepted) _events.Record(OpticalEventKind.WriteAccepted, now, code, 0);
                else _events.Record(OpticalEventKind.WriteRejected, now, code, OpticalErrorCode.NumberOf(OpticalErrorCode.ForWriteResult(result)));
            }
            switch (result)
            {
                case ObisWriteResult.Accepted: return DataAccessResult.Success;
                case ObisWriteResult.UnknownObject: return DataAccessResult.ObjectUndefined;
                case ObisWriteResult.ReadOnly:
                case ObisWriteResult.AccessDenied:
                case ObisWriteResult.SealClosed: return DataAccessResult.ReadWriteDenied;
                case ObisWriteResult.InvalidFormat: return DataAccessResult.TypeUnmatched;
                default: return DataAccessResult.OtherReason;
            }
        }
    }
}
