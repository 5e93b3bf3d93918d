namespace Meter.Obis
{
    /// <summary>
    /// COSEM Clock (IEC 62056-62 class_id 8), OBIS 0-0:1.0.0: local date and time, shown and
    /// set as "YY-MM-DD hh:mm:ss".
    /// </summary>
    public sealed class ClockObject : ObisObject
    {
        /// <summary>The clock object at <paramref name="code"/> (normally 0-0:1.0.0).</summary>
        public ClockObject(ObisCode code, IObisValueSource source)
            : base(code, ObisInterfaceClass.Clock, source)
        {
        }

        /// <inheritdoc />
        protected override int WriteValueText(ObisCode code, byte[] buffer, int position)
        {
            ObisDateTime now;
            if (!Source.TryReadDateTime(code, out now) || !now.IsValid) return -1;
            return now.Write(buffer, position, true);
        }

        /// <summary>Malformed text → InvalidFormat; a well-formed impossible date → OutOfRange.</summary>
        protected override ObisWriteResult WriteValidated(byte[] text, int offset, int length)
        {
            ObisDateTime value;
            if (!ObisDateTime.TryParseFields(text, offset, length, out value)) return ObisWriteResult.InvalidFormat;
            if (!value.IsValid) return ObisWriteResult.OutOfRange;
            return Target.WriteDateTime(Code, value);
        }
    }
}
