namespace Meter.Display
{
    /// <summary>
    /// How energy registers are shown in the value field: integer digits and decimals in kWh
    /// (kvarh, kVAh). The numbers are the configuration codes of the seeds' "Decimals in
    /// display" option (Kamstrup OMNIPOWER Z1, Kamstrup 382 A: 1 = 7.0, 2 = 6.1, 3 = 7.2, 4 = 6.3).
    /// </summary>
    public enum DisplayDecimals
    {
        /// <summary>7 integer digits, no decimals: "1234567 kWh".</summary>
        Digits7Decimals0 = 1,
        /// <summary>6 integer digits, 1 decimal: "123456.7 kWh".</summary>
        Digits6Decimals1 = 2,
        /// <summary>7 integer digits, 2 decimals: "1234567.89 kWh".</summary>
        Digits7Decimals2 = 3,
        /// <summary>6 integer digits, 3 decimals: "123456.789 kWh".</summary>
        Digits6Decimals3 = 4,
    }
}
