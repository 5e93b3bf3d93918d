namespace Meter.Obis
{
    /// <summary>
    /// One object of the register table, modelled on a COSEM interface class (IEC 62056-62):
    /// an OBIS code, how its value is read (from an <see cref="IObisValueSource"/>) and shown
    /// as an IEC 62056-21 data set, and whether and by whom it may be written.
    /// </summary>
    public abstract class ObisObject
    {
        /// <summary>Room a caller must offer to <see cref="WriteValue"/>: value groups never exceed this.</summary>
        public const int MaxValueLength = 72;

        private readonly ObisCode _code;
        private readonly ObisInterfaceClass _classId;

        /// <summary>Creates an object with code <paramref name="code"/> of class <paramref name="classId"/>, read-only.</summary>
        protected ObisObject(ObisCode code, ObisInterfaceClass classId, IObisValueSource source)
        {
            _code = code;
            _classId = classId;
            Source = source;
            Access = ObisAccess.ReadOnly;
        }

        /// <summary>The object's OBIS code (value group F = 255 for the current value).</summary>
        public ObisCode Code => _code;

        /// <summary>The COSEM interface class the object follows.</summary>
        public ObisInterfaceClass ClassId => _classId;

        /// <summary>Who may write it: read-only, configuration or legal data.</summary>
        public ObisAccess Access { get; private set; }

        /// <summary>Password level a session needs to write it (1 = first level).</summary>
        public int WriteLevel { get; private set; }

        /// <summary>
        /// True when the owner keeps billing-period values of this object, readable with value
        /// group F = the billing period (the "*VZ" data sets of a readout).
        /// </summary>
        public bool KeepsBillingValues { get; set; }

        /// <summary>
        /// The object keeps billing-period values and <paramref name="history"/> owns them (COSEM: the
        /// billing values are a profile of their own, e.g. the billing logger): reads with value group
        /// F = the billing period go there, reads of the current value to the object's own source.
        /// </summary>
        public void KeepBillingValuesIn(IObisValueSource history)
        {
            if (history == null) throw new System.ArgumentNullException("history");
            KeepsBillingValues = true;
            _history = history;
        }

        /// <summary>Where the value comes from.</summary>
        protected IObisValueSource Source { get; }

        /// <summary>The source answering <paramref name="code"/>: the billing history (<see cref="KeepBillingValuesIn"/>) for a billing-period value, else <see cref="Source"/>.</summary>
        protected IObisValueSource SourceFor(ObisCode code) => _history != null && code.F != _code.F ? _history : Source;

        private IObisValueSource _history;

        /// <summary>Where validated writes go (null while read-only).</summary>
        protected IObisValueTarget Target { get; private set; }

        /// <summary>
        /// Makes the object writable with <paramref name="access"/> at password level
        /// <paramref name="level"/> (≥ 1), through <paramref name="target"/>.
        /// </summary>
        /// <exception cref="System.ArgumentException">Read-only access, a level below 1 or no target.</exception>
        public void AllowWrite(ObisAccess access, int level, IObisValueTarget target)
        {
            if (access == ObisAccess.ReadOnly) throw new System.ArgumentException("a writable object needs Configuration or Legal access");
            if (level < 1) throw new System.ArgumentException("password level must be 1 or more");
            if (target == null) throw new System.ArgumentNullException("target");
            Access = access;
            WriteLevel = level;
            Target = target;
        }

        /// <summary>True when <paramref name="code"/> is this object or one of its billing-period values.</summary>
        public bool Answers(ObisCode code)
        {
            if (code == _code) return true;
            return KeepsBillingValues && code.F != ObisCode.NotUsed && code.WithF(_code.F) == _code;
        }

        /// <summary>Reads the integer value of <paramref name="code"/> (this object or a billing value) from the source.</summary>
        public bool TryReadInteger(ObisCode code, out long value) => SourceFor(code).TryReadInteger(code, out value);

        /// <summary>Reads the capture time of <paramref name="code"/> (an extended register's, e.g. when the maximum
        /// demand occurred) from the source.</summary>
        public bool TryReadCaptureTime(ObisCode code, out ObisDateTime value) => SourceFor(code).TryReadCaptureTime(code, out value);

        /// <summary>Reads the object's current text value from its source (false when unavailable or there is no source).</summary>
        public bool TryReadText(out string value)
        {
            value = null;
            return Source != null && Source.TryReadText(_code, out value) && value != null;
        }

        /// <summary>Reads the object's current date-time value from its source (false when unavailable or there is no source).</summary>
        public bool TryReadDateTime(out ObisDateTime value)
        {
            value = new ObisDateTime();
            return Source != null && Source.TryReadDateTime(_code, out value);
        }

        /// <summary>
        /// Writes the value groups of <paramref name="code"/> (this object or one of its billing
        /// values) as they follow the address in a data set, e.g. "(001234.567*kWh)" or
        /// "(0012.345*kW)(24-05-01 10:15)"; an unavailable value gives "()". Returns the
        /// number of bytes written, or -1 when <paramref name="room"/> is below <see cref="MaxValueLength"/>.
        /// </summary>
        public int WriteValue(ObisCode code, byte[] buffer, int offset, int room)
        {
            if (room < MaxValueLength) return -1;
            int p = offset;
            buffer[p++] = (byte)'(';
            int end = WriteValueText(code, buffer, p);
            if (end < 0)
            {
                buffer[p++] = (byte)')';
                return p - offset;
            }
            p = end;
            buffer[p++] = (byte)')';
            p = WriteExtraGroups(code, buffer, p);
            return p - offset;
        }

        /// <summary>
        /// Validates and writes <paramref name="length"/> bytes of value text (what a W1 frame
        /// carries between the parentheses) for session password level <paramref name="grantedLevel"/>
        /// with the seal switch <paramref name="sealOpen"/>. Access is checked before the text is
        /// even parsed; billing-period values are never writable.
        /// </summary>
        public ObisWriteResult Write(ObisCode code, byte[] text, int offset, int length, int grantedLevel, bool sealOpen)
        {
            if (code != _code || Access == ObisAccess.ReadOnly || Target == null) return ObisWriteResult.ReadOnly;
            if (grantedLevel < WriteLevel) return ObisWriteResult.AccessDenied;
            if (Access == ObisAccess.Legal && !sealOpen) return ObisWriteResult.SealClosed;
            if (text == null || offset < 0 || length < 0 || offset + length > text.Length) return ObisWriteResult.InvalidFormat;
            return WriteValidated(text, offset, length);
        }

        /// <summary>Writes the value (and unit) text inside the first parentheses; returns the end position, or -1 if unavailable.</summary>
        protected abstract int WriteValueText(ObisCode code, byte[] buffer, int position);

        /// <summary>Writes further value groups such as "(capture time)"; returns the end position.</summary>
        protected virtual int WriteExtraGroups(ObisCode code, byte[] buffer, int position) => position;

        /// <summary>Parses, range-checks and forwards a write whose access has been granted.</summary>
        protected abstract ObisWriteResult WriteValidated(byte[] text, int offset, int length);
    }
}
