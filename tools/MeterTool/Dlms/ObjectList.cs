namespace Meter.Tool.Dlms;

/// <summary>One entry of the Association LN object_list (Blue Book IC 15, attribute 2): class, version, logical name.</summary>
public sealed record CosemObjectEntry(int ClassId, int Version, byte[] LogicalName)
{
    /// <summary>"A-B:C.D.E.F".</summary>
    public string Obis => ObisCode.Format(LogicalName);
}

/// <summary>Reads the current association's object list (Association LN 0-0:40.0.0.255, class 15, attribute 2).</summary>
public static class ObjectList
{
    /// <summary>The current association's logical name.</summary>
    public static readonly byte[] CurrentAssociation = [0, 0, 40, 0, 0, 255];

    /// <summary>GET of the object list.</summary>
    public static IReadOnlyList<CosemObjectEntry> Read(CosemClient client) =>
        Parse(client.Get(new CosemAttribute(15, CurrentAssociation, 2)));

    /// <summary>object_list ::= array of structure { class_id long-unsigned, version unsigned, logical_name octet-string, access_rights }.</summary>
    public static IReadOnlyList<CosemObjectEntry> Parse(AxdrValue list)
    {
        if (list.Tag != AxdrTag.Array) throw new DlmsException($"object list: expected an array, the meter sent {list.Tag}");
        var entries = new List<CosemObjectEntry>();
        foreach (var item in list.Children)
        {
            if (item.Tag != AxdrTag.Structure || item.Children.Count < 3) throw new DlmsException("object list: an entry is not a structure {class_id, version, logical_name, …}");
            entries.Add(new CosemObjectEntry((int)item.Children[0].AsInteger("class_id"), (int)item.Children[1].AsInteger("version"),
                item.Children[2].AsOctets("logical_name")));
        }
        return entries;
    }

    /// <summary>The class of <paramref name="logicalName"/> in <paramref name="list"/>; a clear error when the meter has no such object.</summary>
    public static int ClassOf(IReadOnlyList<CosemObjectEntry> list, byte[] logicalName)
    {
        foreach (var e in list)
            if (e.LogicalName.AsSpan().SequenceEqual(logicalName)) return e.ClassId;
        throw new DlmsException($"{ObisCode.Format(logicalName)} is not in the meter's object list for this association");
    }
}
