namespace Meter.Obis
{
    /// <summary>
    /// Where validated writes go: implemented by the owners of writable values (configuration,
    /// clock, calibration). The table has already checked access, format and range; the owner
    /// may still refuse (<see cref="ObisWriteResult.Rejected"/>) and must store atomically.
    /// </summary>
    public interface IObisValueTarget
    {
        /// <summary>Stores an integer value (in the object's unit and scaler).</summary>
        ObisWriteResult WriteInteger(ObisCode code, long value);

        /// <summary>Stores a text value.</summary>
        ObisWriteResult WriteText(ObisCode code, string value);

        /// <summary>Stores a date-time value (setting the clock).</summary>
        ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value);
    }
}
