using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Profile;

/// <summary>
/// The billing logger as a readout shows it: values of past billing periods carry a "*VZ" or
/// "&amp;VZ" suffix (IEC 62056-21 readouts, e.g. "1.8.0*12(…)"). One row a period, one column an address.
/// </summary>
public sealed record BillingLog(IReadOnlyList<string> Addresses, IReadOnlyList<(int Period, IReadOnlyDictionary<string, DataValue> Values)> Rows)
{
    /// <summary>Collects every data set with a billing suffix; rows newest period number first as the meter numbers them.</summary>
    public static BillingLog FromDataSets(IEnumerable<DataSet> sets)
    {
        var addresses = new List<string>();
        var rows = new SortedDictionary<int, Dictionary<string, DataValue>>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var set in sets)
        {
            if (set.BillingPeriod is not int period || set.Values.Count == 0) continue;
            string address = set.BaseAddress;
            if (!addresses.Contains(address)) addresses.Add(address);
            if (!rows.TryGetValue(period, out var row)) rows[period] = row = new Dictionary<string, DataValue>();
            row[address] = set.Values[0];
        }
        return new BillingLog(addresses, rows.Select(r => (r.Key, (IReadOnlyDictionary<string, DataValue>)r.Value)).ToList());
    }
}
