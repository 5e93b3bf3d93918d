using Meter.Obis;

namespace Meter.Display
{
    /// <summary>
    /// Where the display gets a reading: the integer value of an OBIS code with its COSEM
    /// scaler and unit (value × 10^scaler unit). <see cref="ObisTableDisplaySource"/> answers it
    /// from the meter's register table; tests use a small fake.
    /// </summary>
    public interface IDisplayValueSource
    {
        /// <summary>
        /// Reads <paramref name="code"/>: returns false when the table has no such register or
        /// its value is not available (then the display shows dashes).
        /// </summary>
        bool TryRead(ObisCode code, out long value, out int scaler, out ObisUnit unit);
    }
}
