using System.Text.Json;
using System.Globalization;
using Meter.Tool.Profile;
using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Output;

/// <summary>JSON texts of a readout and a logbook.</summary>
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

    /// <summary>{"truncated", "unreadableSkipped", "events": [{"time", "summerTime", "kind", "event", "detail", "description", "old", "new", "oldText", "newText"}]}.</summary>
    public static string Events(Logbook logbook)
    {
        var doc = new
        {
            truncated = (logbook.Status & Logbook.Truncated) != 0,
            unreadableSkipped = (logbook.Status & Logbook.UnreadableSkipped) != 0,
            events = logbook.Entries.Select(e => new
            {
                time = e.Time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                summerTime = e.SummerTime,
                kind = e.Kind,
                @event = EventDescriptions.KindName(e.Kind),
                detail = e.Detail,
                description = EventDescriptions.DetailText(e),
                old = e.OldValue,
                @new = e.NewValue,
                oldText = EventDescriptions.ValueText(e, true),
                newText = EventDescriptions.ValueText(e, false),
            }),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }
}
