using System.Text.Json;
using Meter.Tool.Protocol;

namespace Meter.Tool.Output;

/// <summary>JSON text of a readout.</summary>
public static class Json
{
    /// <summary>{"manufacturer", "identification", "baud", "dataSets": [{"address", "billingPeriod", "values": [{"value","unit"}]}]}.</summary>
    public static string Readout(Readout readout)
    {
        var doc = new
        {
            manufacturer = readout.Identification.ManufacturerId,
            identification = readout.Identification.Ident,
            mode = readout.Identification.Mode.ToString(),
            baud = readout.Baud,
            dataSets = readout.DataSets.Select(s => new
            {
                address = s.Address,
                billingPeriod = s.BillingPeriod,
                values = s.Values.Select(v => new { value = v.Value, unit = v.Unit }),
            }),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }
}
