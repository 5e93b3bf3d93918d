namespace Meter.OpticalClient.Protocol;

/// <summary>One value group "(value*unit)" of a data set (IEC 62056-21:2002 §6.3.17..6.3.20).</summary>
/// <param name="Value">Value text (≤ 32 characters, no "( ) * / !").</param>
/// <param name="Unit">Unit text after '*', or "" when none.</param>
public sealed record DataValue(string Value, string Unit)
{
    /// <inheritdoc />
    public override string ToString() => Unit.Length == 0 ? Value : Value + "*" + Unit;
}

/// <summary>
/// A data set "address(value*unit)(value2)…". The address may carry a billing-period suffix,
/// "*VZ" or "&amp;VZ" (e.g. "1.8.0*12", "1.8.0&amp;12"): <see cref="BaseAddress"/> is the address
/// without it and <see cref="BillingPeriod"/> its number. An empty address with a value
/// starting "ER" is an error message (§6.3.10).
/// </summary>
public sealed record DataSet(string Address, IReadOnlyList<DataValue> Values)
{
    /// <summary>Address without the billing-period suffix.</summary>
    public string BaseAddress => SplitBilling(Address).Base;

    /// <summary>Billing period (VZ) of a "*VZ"/"&amp;VZ" address, else null.</summary>
    public int? BillingPeriod => SplitBilling(Address).Period;

    /// <summary>First value (empty data set: "").</summary>
    public string Value => Values.Count > 0 ? Values[0].Value : "";

    /// <summary>Unit of the first value.</summary>
    public string Unit => Values.Count > 0 ? Values[0].Unit : "";

    /// <summary>True for an error message: no address, one value (IEC 62056-21:2002 §6.3.10; this meter's texts start "ER").</summary>
    public bool IsErrorMessage => Address.Length == 0 && Values.Count == 1 && Values[0].Value.StartsWith("ER", StringComparison.Ordinal);

    /// <summary>Splits "1.8.0*12" / "1-0:1.8.0&amp;12" into base and period; addresses without a numeric suffix are returned whole.</summary>
    public static (string Base, int? Period) SplitBilling(string address)
    {
        int i = address.LastIndexOfAny(['*', '&']);
        if (i > 0 && i < address.Length - 1 && int.TryParse(address.AsSpan(i + 1), System.Globalization.NumberStyles.None, null, out int vz))
            return (address[..i], vz);
        return (address, null);
    }

    /// <inheritdoc />
    public override string ToString() => Address + string.Concat(Values.Select(v => "(" + v + ")"));
}
