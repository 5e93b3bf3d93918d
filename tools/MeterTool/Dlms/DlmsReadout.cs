namespace Meter.Tool.Dlms;

/// <summary>One value of a DLMS readout: the object, its class, the value (scaled) and unit, or why it was refused.</summary>
public sealed record DlmsReading(string Obis, int ClassId, string Value, string Unit);

/// <summary>
/// The DLMS counterpart of the optical readout: the association's object list (Association LN attribute 2), then
/// the value (attribute 2) of every Data (1), Register (3), Extended register (4), Demand register (5) and Clock (8),
/// with scaler_unit (attribute 3) for the registers, several objects per Get-Request-With-List when the meter offers it.
/// </summary>
public static class DlmsReadout
{
    private const int MultipleReferences = 0x000200; // conformance bit 14 (Green Book, xDLMS conformance block)
    private const int ObjectsPerRequest = 8;

    /// <summary>Reads every value; a refused one is kept with the refusal in words.</summary>
    public static IReadOnlyList<DlmsReading> Read(CosemClient client)
    {
        var objects = ObjectList.Read(client).Where(e => e.ClassId is 1 or 3 or 4 or 5 or 8).ToList();
        var readings = new List<DlmsReading>();
        bool withList = (client.Conformance & MultipleReferences) != 0;
        for (int start = 0; start < objects.Count; start += withList ? ObjectsPerRequest : 1)
        {
            var batch = objects.Skip(start).Take(withList ? ObjectsPerRequest : 1).ToList();
            var attributes = new List<CosemAttribute>();
            foreach (var o in batch)
            {
                attributes.Add(new CosemAttribute(o.ClassId, o.LogicalName, 2));
                if (HasScalerUnit(o.ClassId)) attributes.Add(new CosemAttribute(o.ClassId, o.LogicalName, 3));
            }
            var results = withList ? client.GetWithList(attributes) : attributes.Select(a => Single(client, a)).ToList();
            int at = 0;
            foreach (var o in batch)
            {
                var (value, error) = results[at++];
                AxdrValue? scalerUnit = null;
                if (HasScalerUnit(o.ClassId)) scalerUnit = results[at++].Value;
                if (value == null) readings.Add(new DlmsReading(o.Obis, o.ClassId, "(" + error + ")", ""));
                else
                {
                    var (text, unit) = CosemUnits.Apply(value, scalerUnit);
                    readings.Add(new DlmsReading(o.Obis, o.ClassId, text, unit));
                }
            }
        }
        return readings;
    }

    private static bool HasScalerUnit(int classId) => classId is 3 or 4 or 5;

    private static (AxdrValue? Value, string? Error) Single(CosemClient client, CosemAttribute attribute)
    {
        try
        {
            return (client.Get(attribute), null);
        }
        catch (DlmsException e) when (e.Message.StartsWith("GET ", StringComparison.Ordinal))
        {
            return (null, e.Message);
        }
    }
}
