namespace Meter.Obis
{
    /// <summary>
    /// Where a <see cref="ListObject"/> gets its entries: implemented by the owner of the list
    /// (configuration: display lists, readout list, holidays, tariff switching times). Items are
    /// given in the text form a W1 of the list accepts, so that what is read can be written back.
    /// </summary>
    public interface IObisListSource
    {
        /// <summary>Number of entries the list <paramref name="code"/> holds now (0 … 99).</summary>
        int CountItems(ObisCode code);

        /// <summary>
        /// The text of entry <paramref name="index"/> (0-based) of the list <paramref name="code"/>,
        /// printable and without ( ) * / ! (an IEC 62056-21 value); false beyond the last entry.
        /// </summary>
        bool TryReadItem(ObisCode code, int index, out string text);
    }
}
