namespace Meter.Obis
{
    /// <summary>
    /// Where the register table gets its values: implemented by the areas that own them
    /// (metrology: energies, demand, instantaneous values; clock: time, billing dates; storage:
    /// billing history, parameters). Values are integers in the unit and scaler the table
    /// object declares (e.g. Wh with scaler 0); billing history is asked for with value group F
    /// set to the billing period (VZ). Return false when the value is not (yet) available.
    /// </summary>
    public interface IObisValueSource
    {
        /// <summary>Reads an integer value (register value, counter, status word, parameter).</summary>
        bool TryReadInteger(ObisCode code, out long value);

        /// <summary>Reads a text value (meter number, identification, firmware version).</summary>
        bool TryReadText(ObisCode code, out string value);

        /// <summary>Reads a date-time value (the clock, a billing period's end).</summary>
        bool TryReadDateTime(ObisCode code, out ObisDateTime value);

        /// <summary>Reads the capture time of an extended or demand register (when its maximum occurred).</summary>
        bool TryReadCaptureTime(ObisCode code, out ObisDateTime value);
    }
}
