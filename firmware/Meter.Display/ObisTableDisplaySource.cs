using Meter.Obis;

namespace Meter.Display
{
    /// <summary>
    /// Reads display values from the OBIS register table: a Register (and its extended and
    /// demand kinds) gives value, scaler and unit; an integer Data object gives a plain count.
    /// Billing-period codes (value group F ≠ 255) reach the object that keeps those values.
    /// </summary>
    public sealed class ObisTableDisplaySource : IDisplayValueSource
    {
        private readonly ObisTable _table;

        /// <summary>Reads from <paramref name="table"/>.</summary>
        public ObisTableDisplaySource(ObisTable table)
        {
            if (table == null) throw new System.ArgumentNullException("table");
            _table = table;
        }

        /// <inheritdoc />
        public bool TryRead(ObisCode code, out long value, out int scaler, out ObisUnit unit)
        {
            value = 0;
            scaler = 0;
            unit = ObisUnit.Count;
            ObisObject item = _table.Find(code);
            if (item == null) return false;
            RegisterObject register = item as RegisterObject;
            if (register != null)
            {
                scaler = register.Scaler;
                unit = register.Unit;
                return register.TryReadInteger(code, out value);
            }
            if (item is IntegerDataObject) return item.TryReadInteger(code, out value);
            return false; // text, clock and profile objects have no numeric display form here
        }
    }
}
