namespace Meter.Metrology
{
    /// <summary>How the current reaches the meter; decides the starting current.</summary>
    public enum MeterConnectionKind
    {
        /// <summary>Direct-connected meter (e.g. Kamstrup 382, 5(105) A).</summary>
        Direct = 0,

        /// <summary>Transformer-operated (CT) meter (e.g. Kamstrup 351, 5(6) A).</summary>
        TransformerOperated = 1,
    }
}
