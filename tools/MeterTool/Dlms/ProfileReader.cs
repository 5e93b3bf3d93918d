namespace Meter.Tool.Dlms;

/// <summary>A profile generic's rows as text: the column names (with units) and one text per captured value.</summary>
public sealed record ProfileTable(IReadOnlyList<CaptureObject> Columns, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Reads a profile generic (load profile, event log) over DLMS: capture_objects, the scaler_unit of each register
/// column, then the buffer — restricted to a range of the clock column (selective access by range) when one is given.
/// </summary>
public static class ProfileReader
{
    /// <summary>The earliest and latest time a range may name when only one end is given.</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1), Latest = new(2099, 12, 31, 23, 59, 59);

    /// <summary>The profile <paramref name="logicalName"/>, all of it (no range) or <paramref name="from"/>..<paramref name="to"/> (meter local time).</summary>
    public static ProfileTable Read(CosemClient client, byte[] logicalName, DateTime? from, DateTime? to)
    {
        var columns = ProfileGeneric.ParseCaptureObjects(client.Get(new CosemAttribute(7, logicalName, 3)));
        var scalers = new AxdrValue?[columns.Count];
        for (int i = 0; i < columns.Count; i++)
            if (columns[i].ClassId is 3 or 4 or 5 && columns[i].Attribute == 2)
                scalers[i] = client.Get(new CosemAttribute(columns[i].ClassId, columns[i].LogicalName, 3));
        var buffer = new CosemAttribute(7, logicalName, 2);
        AxdrValue value = from == null && to == null
            ? client.Get(buffer)
            : client.Get(buffer, 1, ProfileGeneric.RangeDescriptor(
                new CosemDateTime(from ?? Earliest, null, 0xFF), new CosemDateTime(to ?? Latest, null, 0xFF)));
        return Format(columns, scalers, ProfileGeneric.ParseBuffer(value, columns.Count));
    }

    /// <summary>The rows as text with the registers' scalers applied; headers "OBIS attr N [unit]".</summary>
    public static ProfileTable Format(IReadOnlyList<CaptureObject> columns, IReadOnlyList<AxdrValue?> scalers, IReadOnlyList<IReadOnlyList<AxdrValue>> rows)
    {
        var headers = new List<string>();
        for (int i = 0; i < columns.Count; i++)
        {
            string unit = scalers[i] is { Tag: AxdrTag.Structure, Children.Count: 2 } su ? CosemUnits.Symbol((int)su.Children[1].Number) : "";
            headers.Add(columns[i].IsClock ? "time" : columns[i].Name + (unit.Length > 0 ? $" [{unit}]" : ""));
        }
        var text = rows.Select(row => (IReadOnlyList<string>)row.Select((v, i) => CosemUnits.Apply(v, scalers[i]).Value).ToList()).ToList();
        return new ProfileTable(columns, headers, text);
    }
}
