namespace Meter.Tool.Dlms;

/// <summary>A capture object of a profile generic (Blue Book IC 7, attribute 3): the column's class, logical name, attribute and data index.</summary>
public sealed record CaptureObject(int ClassId, byte[] LogicalName, int Attribute, int DataIndex)
{
    /// <summary>"1-0:1.8.0.255 attr 2".</summary>
    public string Name => $"{ObisCode.Format(LogicalName)} attr {Attribute}";

    /// <summary>True for the clock's time column.</summary>
    public bool IsClock => ClassId == 8 && Attribute == 2;
}

/// <summary>
/// Reading a profile generic (Blue Book IC 7 "Profile generic"): capture_objects (attribute 3) and buffer (attribute 2),
/// the buffer optionally restricted by range_descriptor (selective access, access selector 1).
/// </summary>
public static class ProfileGeneric
{
    /// <summary>The clock 0-0:1.0.0.255, the restricting object of a range.</summary>
    public static readonly byte[] Clock = [0, 0, 1, 0, 0, 255];

    /// <summary>
    /// The range_descriptor parameters (Blue Book IC 7, attribute 2 selective access, selector 1): structure {
    /// restricting_object: capture_object_definition { class_id 8, logical_name clock, attribute_index 2, data_index 0 },
    /// from_value, to_value: date-time as octet-string(12), selected_values: array of capture_object_definition — empty = all columns }.
    /// </summary>
    public static byte[] RangeDescriptor(CosemDateTime from, CosemDateTime to) =>
        new AxdrEncoder()
            .Structure(4)
            .Structure(4).Integer(AxdrTag.LongUnsigned, 8).OctetString(Clock).Integer(AxdrTag.Integer, 2).Integer(AxdrTag.LongUnsigned, 0)
            .OctetString(from.Encode())
            .OctetString(to.Encode())
            .Array(0)
            .ToArray();

    /// <summary>capture_objects ::= array of capture_object_definition { class_id long-unsigned, logical_name octet-string, attribute_index integer, data_index long-unsigned }.</summary>
    public static IReadOnlyList<CaptureObject> ParseCaptureObjects(AxdrValue value)
    {
        if (value.Tag != AxdrTag.Array) throw new DlmsException($"capture_objects: expected an array, the meter sent {value.Tag}");
        var columns = new List<CaptureObject>();
        foreach (var item in value.Children)
        {
            if (item.Tag != AxdrTag.Structure || item.Children.Count != 4) throw new DlmsException("capture_objects: an entry is not a structure of 4");
            columns.Add(new CaptureObject((int)item.Children[0].AsInteger("class_id"), item.Children[1].AsOctets("logical_name"),
                (int)item.Children[2].AsInteger("attribute_index"), (int)item.Children[3].AsInteger("data_index")));
        }
        return columns;
    }

    /// <summary>buffer ::= array of structure (one element per capture object); each row checked against the column count.</summary>
    public static IReadOnlyList<IReadOnlyList<AxdrValue>> ParseBuffer(AxdrValue value, int columns)
    {
        if (value.Tag != AxdrTag.Array) throw new DlmsException($"buffer: expected an array, the meter sent {value.Tag}");
        var rows = new List<IReadOnlyList<AxdrValue>>();
        foreach (var row in value.Children)
        {
            if (row.Tag != AxdrTag.Structure) throw new DlmsException($"buffer: row {rows.Count + 1} is {row.Tag}, not a structure");
            if (row.Children.Count != columns) throw new DlmsException($"buffer: row {rows.Count + 1} has {row.Children.Count} values for {columns} capture objects");
            rows.Add(row.Children);
        }
        return rows;
    }
}
