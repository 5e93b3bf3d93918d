using System.CommandLine;
using System.Globalization;
using System.Text;
using Meter.Tool.Dlms;
using Spectre.Console;

namespace Meter.Tool.Cli;

/// <summary>The commands that also speak DLMS/COSEM (<c>--protocol dlms</c>): readout, read, write, set-clock, profile, events.</summary>
public static class DlmsCommands
{
    /// <summary>The clock 0-0:1.0.0.255 (Blue Book IC 8).</summary>
    public static readonly byte[] Clock = [0, 0, 1, 0, 0, 255];
    /// <summary>Default load profile: 1-0:99.1.0.255 (IEC 62056-61: C = 99 profiles, D = 1 load profile 1).</summary>
    public const string LoadProfile = "1-0:99.1.0.255";
    /// <summary>Default event log: 0-0:99.98.0.255 (IEC 62056-61: event logs 99.98.e).</summary>
    public const string EventLog = "0-0:99.98.0.255";

    /// <summary>`readout`: every value of the object list, as a table, CSV or JSON.</summary>
    public static int Readout(ParseResult parse, GlobalOptions g, bool csv, bool json, string? file)
    {
        using var client = g.Dlms.Open(parse, g, needsManagement: false);
        var readings = DlmsProgress.Run(client, "object list and values", () => DlmsReadout.Read(client));
        if (csv || json)
        {
            string text = csv ? Csv(readings) : System.Text.Json.JsonSerializer.Serialize(readings, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
            if (file != null) File.WriteAllText(file, text); else Console.Write(text);
            return CommandRunner.Ok;
        }
        var table = new Table().AddColumns("Address", "Value", "Unit", "Class");
        table.Title = new TableTitle(Markup.Escape($"DLMS/COSEM, {readings.Count} objects"));
        foreach (var r in readings)
            table.AddRow(Markup.Escape(r.Obis), Markup.Escape(r.Value), Markup.Escape(r.Unit), r.ClassId.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        if (file != null) File.WriteAllText(file, Csv(readings));
        return CommandRunner.Ok;
    }

    /// <summary>`read OBIS`: one attribute (default 2, the value, with scaler/unit for registers): "OBIS value unit".</summary>
    public static int Read(ParseResult parse, GlobalOptions g, string obis, int? classId, int attribute)
    {
        byte[] name = ObisCode.Parse(obis);
        using var client = g.Dlms.Open(parse, g, needsManagement: false);
        int cls = classId ?? ObjectList.ClassOf(ObjectList.Read(client), name);
        var value = DlmsProgress.Run(client, ObisCode.Format(name), () => client.Get(new CosemAttribute(cls, name, attribute)));
        AxdrValue? scalerUnit = attribute == 2 && cls is 3 or 4 or 5 ? client.Get(new CosemAttribute(cls, name, 3)) : null;
        var (text, unit) = CosemUnits.Apply(value, scalerUnit);
        Console.WriteLine($"{ObisCode.Format(name)} {text}{(unit.Length > 0 ? " " + unit : "")}");
        return CommandRunner.Ok;
    }

    /// <summary>`write OBIS VALUE`: reads the attribute for its type, then SETs the value in that type (management client).</summary>
    public static int Write(ParseResult parse, GlobalOptions g, string obis, string text, int? classId, int attribute)
    {
        byte[] name = ObisCode.Parse(obis);
        using var client = g.Dlms.Open(parse, g, needsManagement: true);
        int cls = classId ?? ObjectList.ClassOf(ObjectList.Read(client), name);
        var target = new CosemAttribute(cls, name, attribute);
        client.Set(target, DlmsValueText.Encode(client.Get(target), text));
        Console.WriteLine("written");
        return CommandRunner.Ok;
    }

    /// <summary>`set-clock`: SET of the clock's time (class 8 attribute 2) to the meter's local time with its deviation and daylight-saving status.</summary>
    public static int SetClock(ParseResult parse, GlobalOptions g, MeterTimeZone zone, DateTime? given)
    {
        using var client = g.Dlms.Open(parse, g, needsManagement: true);
        DateTime utc = DateTime.UtcNow;
        bool summer = zone.IsSummerTime(utc);
        DateTime local = given ?? zone.LocalOf(utc);
        // Blue Book date-time: deviation = minutes from local time to UTC (UTC = local + deviation), so CET is -60.
        int deviation = -60 * (zone.StandardOffsetHours + (summer ? 1 : 0));
        var time = new CosemDateTime(local, given == null ? deviation : null, (byte)(given == null && summer ? 0x80 : 0x00));
        client.Set(new CosemAttribute(8, Clock, 2), new AxdrEncoder().OctetString(time.Encode()).ToArray());
        Console.WriteLine($"clock set to {time} (DLMS date-time, the meter's local time{(given == null ? $", {zone.OffsetText(utc)}" : ", as given")})");
        return CommandRunner.Ok;
    }

    /// <summary>`profile`: the load profile's buffer (by range when --from/--to are given) to a CSV file.</summary>
    public static int Profile(ParseResult parse, GlobalOptions g, string obis, DateTime? from, DateTime? to, string csvPath)
    {
        byte[] name = ObisCode.Parse(obis);
        using var client = g.Dlms.Open(parse, g, needsManagement: false);
        var table = DlmsProgress.Run(client, "load profile", () => ProfileReader.Read(client, name, from, to));
        File.WriteAllText(csvPath, Csv(table));
        Console.WriteLine($"load profile {ObisCode.Format(name)}: {table.Rows.Count} rows of {table.Columns.Count} columns → {csvPath}");
        return CommandRunner.Ok;
    }

    /// <summary>`events`: the event log's buffer (by range when --from/--to are given) as a table or CSV.</summary>
    public static int Events(ParseResult parse, GlobalOptions g, string obis, DateTime? from, DateTime? to, bool csv, string? file)
    {
        byte[] name = ObisCode.Parse(obis);
        using var client = g.Dlms.Open(parse, g, needsManagement: false);
        var table = DlmsProgress.Run(client, "event log", () => ProfileReader.Read(client, name, from, to));
        if (csv)
        {
            if (file != null) File.WriteAllText(file, Csv(table)); else Console.Write(Csv(table));
            return CommandRunner.Ok;
        }
        var view = new Table().AddColumns(table.Headers.Select(h => new TableColumn(Markup.Escape(h))).ToArray());
        view.Title = new TableTitle(Markup.Escape($"{ObisCode.Format(name)}: {table.Rows.Count} entries"));
        foreach (var row in table.Rows) view.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(view);
        if (file != null) File.WriteAllText(file, Csv(table));
        return CommandRunner.Ok;
    }

    /// <summary>address,value,unit,class.</summary>
    public static string Csv(IReadOnlyList<DlmsReading> readings)
    {
        var s = new StringBuilder("address,value,unit,class\n");
        foreach (var r in readings) s.Append(CultureInfo.InvariantCulture, $"{Field(r.Obis)},{Field(r.Value)},{Field(r.Unit)},{r.ClassId}\n");
        return s.ToString();
    }

    /// <summary>The headers, then one line a row.</summary>
    public static string Csv(ProfileTable table)
    {
        var s = new StringBuilder(string.Join(",", table.Headers.Select(Field))).Append('\n');
        foreach (var row in table.Rows) s.Append(string.Join(",", row.Select(Field))).Append('\n');
        return s.ToString();
    }

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
