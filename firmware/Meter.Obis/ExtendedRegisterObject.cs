namespace Meter.Obis
{
    /// <summary>
    /// COSEM Extended register (IEC 62056-62 class_id 4): a register with the capture time of
    /// its value, e.g. maximum demand 1.6.0 shown as "(0012.345*kW)(24-05-01 10:15)".
    /// </summary>
    public class ExtendedRegisterObject : RegisterObject
    {
        /// <summary>An extended register; see <see cref="RegisterObject(ObisCode, ObisUnit, int, IObisValueSource)"/>.</summary>
        public ExtendedRegisterObject(ObisCode code, ObisUnit unit, int scaler, IObisValueSource source)
            : base(code, ObisInterfaceClass.ExtendedRegister, unit, scaler, source)
        {
        }

        /// <summary>For the demand register.</summary>
        protected ExtendedRegisterObject(ObisCode code, ObisInterfaceClass classId, ObisUnit unit, int scaler, IObisValueSource source)
            : base(code, classId, unit, scaler, source)
        {
        }

        /// <summary>Appends "(YY-MM-DD hh:mm)" when the source knows the capture time.</summary>
        protected override int WriteExtraGroups(ObisCode code, byte[] buffer, int position)
        {
            ObisDateTime captured;
            if (!SourceFor(code).TryReadCaptureTime(code, out captured) || !captured.IsValid) return position;
            int p = position;
            buffer[p++] = (byte)'(';
            p = captured.Write(buffer, p, false);
            buffer[p++] = (byte)')';
            return p;
        }
    }
}
