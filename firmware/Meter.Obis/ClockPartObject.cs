namespace Meter.Obis
{
    /// <summary>
    /// The local time 0-0:0.9.1 as "hhmmss" or the local date 0-0:0.9.2 as "YYMMDD" (IEC 62056-61
    /// value group C = 0 general purpose, D = 9 time entries; the VDEW / D0 readout convention
    /// that readers without a 0-0:1.0.0 parser expect). A Data object read from the clock
    /// object's value; read-only (the clock is set through 0-0:1.0.0).
    /// </summary>
    public sealed class ClockPartObject : ObisObject
    {
        private readonly ObisCode _clock;
        private readonly bool _date;

        /// <summary>The time (<paramref name="date"/> false) or date part at <paramref name="code"/> of the clock at <paramref name="clock"/>.</summary>
        public ClockPartObject(ObisCode code, ObisCode clock, bool date, IObisValueSource source)
            : base(code, ObisInterfaceClass.Data, source)
        {
            _clock = clock;
            _date = date;
        }

        /// <inheritdoc />
        protected override int WriteValueText(ObisCode code, byte[] buffer, int position)
        {
            ObisDateTime now;
            if (!Source.TryReadDateTime(_clock, out now) || !now.IsValid) return -1;
            int p = AsciiNumber.WritePadded(_date ? now.Year % 100 : now.Hour, 2, buffer, position);
            p = AsciiNumber.WritePadded(_date ? now.Month : now.Minute, 2, buffer, p);
            return AsciiNumber.WritePadded(_date ? now.Day : now.Second, 2, buffer, p);
        }

        /// <summary>Never reached: the object is read-only (the table answers ReadOnly).</summary>
        protected override ObisWriteResult WriteValidated(byte[] text, int offset, int length)
        {
            return ObisWriteResult.ReadOnly;
        }
    }
}
