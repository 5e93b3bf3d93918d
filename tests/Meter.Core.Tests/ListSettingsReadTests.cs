using System.Text;
using CsCheck;
using Meter.Obis;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// The lists the optical port writes entry by entry (display 0-0:21.0.1 / 0-0:21.0.2, readout
/// 0-0:21.0.0, holidays 0-0:11.0.0, working-day switching times 0-0:13.0.0) read back through
/// the meter's own register table as an R1 answers them: the count, then "nn;item" in the form
/// the write accepts, then the end mark "nn;".
/// </summary>
public class ListSettingsReadTests
{
    private static readonly ObisCode Normal = ListSettings.NormalDisplayList;
    private static readonly ObisCode Alternate = ListSettings.AlternateDisplayList;
    private static readonly ObisCode Readout = ListSettings.ReadoutList;
    private static readonly ObisCode Holidays = ListSettings.HolidayTable;
    private static readonly ObisCode Tariffs = SettingsObjects.TariffTable;

    private static VirtualMeterHost Start() => MeterRig.Start();

    private static ObisWriteResult WriteList(ElectricityMeter m, ObisCode code, IReadOnlyList<string> items)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var r = MeterRig.Write(m, code, $"{i + 1:00};{items[i]}");
            if (r != ObisWriteResult.Accepted) return r;
        }
        return MeterRig.Write(m, code, $"{items.Count + 1:00};");
    }

    /// <summary>The value group an R1 "code(entry)" answers, without its parentheses (entry 0: the count).</summary>
    private static string Read(ElectricityMeter m, ObisCode code, int entry)
    {
        var list = Assert.IsType<ListObject>(m.Table.Find(code));
        var buffer = new byte[ObisObject.MaxValueLength];
        int n = list.WriteEntry(entry, buffer, 0, buffer.Length);
        Assert.True(n >= 2 && buffer[0] == '(' && buffer[n - 1] == ')');
        return Encoding.ASCII.GetString(buffer, 1, n - 2);
    }

    /// <summary>Reads the count, every entry (checking its "nn;" prefix) and the end mark after the last.</summary>
    private static List<string> ReadList(ElectricityMeter m, ObisCode code)
    {
        int count = int.Parse(Read(m, code, 0));
        var items = new List<string>();
        for (int n = 1; n <= count; n++)
        {
            string entry = Read(m, code, n);
            Assert.StartsWith($"{n:00};", entry);
            Assert.True(entry.Length > 3, $"entry {n:00} of {count} is empty");
            items.Add(entry[3..]);
        }
        if (count < 99) Assert.Equal($"{count + 1:00};", Read(m, code, count + 1));
        return items;
    }

    [Fact]
    public void A_display_list_written_is_read_back_entry_for_entry_then_the_end_mark()
    {
        using var host = Start();
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, Normal, new[] { "32.7.0", "1.8.0", "2.8.0" }));
        Assert.Equal("3", Read(m, Normal, 0));
        Assert.Equal("01;32.7.0", Read(m, Normal, 1));
        Assert.Equal("02;1.8.0", Read(m, Normal, 2));
        Assert.Equal("03;2.8.0", Read(m, Normal, 3));
        Assert.Equal("04;", Read(m, Normal, 4));
        Assert.Equal("99;", Read(m, Normal, 99));
        // The readout of the object (no argument) shows the count too.
        Assert.Equal("(3)", MeterRig.ValueText(m, Normal));
    }

    [Fact]
    public void A_fresh_meter_shows_the_lists_it_uses_by_default()
    {
        using var host = Start();
        var m = host.Meter;
        // ListSettings defaults: A+, A+ T1, A+ T2, A−, P; the alternate list's 12 readings.
        Assert.Equal(new[] { "1.8.0", "1.8.1", "1.8.2", "2.8.0", "1.7.0" }, ReadList(m, Normal));
        Assert.Equal(new[] { "1.8.0", "2.8.0", "3.8.0", "4.8.0", "1.6.0", "32.7.0", "52.7.0", "72.7.0", "31.7.0", "51.7.0", "71.7.0", "14.7.0" },
            ReadList(m, Alternate));
        // Meter.Optical DefaultReadout: 23 data sets (the clock also as local time 0.9.1 and date 0.9.2), A+, A+ T1/T2, A− and P+max with their last 3 billing
        // values (no A− T1/T2 and no P−max: this meter keeps neither, StandardObjects); then the three tamper objects and the
        // dips and swells of all phases (ListSettings.DefaultReadoutCodes).
        var readout = ReadList(m, Readout);
        Assert.Equal(28, readout.Count);
        Assert.Equal(new[] { "0-0:96.1.0", "0-0:1.0.0", "0-0:0.9.1", "0-0:0.9.2", "0-0:97.97.0", "0-0:96.5.0", "0.1.0", "1.8.0;3", "1.8.1;3", "1.8.2;3", "2.8.0;3" }, readout.Take(11));
        Assert.Equal(new[] { "3.8.0", "4.8.0", "1.6.0;3", "1.4.0" }, readout.Skip(11).Take(4));
        Assert.Equal("14.7.0", readout[22]);
        Assert.Equal(new[] { "0-0:96.51.0", "0-0:96.51.1", "0-0:96.51.2", "12.32.0", "12.36.0" }, readout.Skip(23));
        Assert.DoesNotContain("2.8.1", readout);
        Assert.DoesNotContain("2.6.0", readout);
        Assert.Empty(ReadList(m, Holidays));
        Assert.Equal("01;", Read(m, Holidays, 1));
        // No switching list written: the working day of DayTariffStartHour 6 / DayTariffEndHour 22, T1 from 06:00, T2 from 22:00.
        Assert.Equal(new[] { "06:00;1", "22:00;2" }, ReadList(m, Tariffs));
    }

    [Fact]
    public void Items_are_read_in_one_form_the_write_takes()
    {
        using var host = Start();
        var m = host.Meter;
        // Electricity channel 0 in the reduced form, other codes in full, letters as numbers (F.F = 97.97),
        // a billing value with "&" (no "*" in a value), ";0" left out, ";03" as ";3".
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, Readout, new[] { "0-0:96.1.0", "1-0:1.8.0;03", "2.8.0;0", "1.8.0&1", "0-0:F.F.0", "1.6.0;12" }));
        Assert.Equal(new[] { "0-0:96.1.0", "1.8.0;3", "2.8.0", "1.8.0&1", "0-0:97.97.0", "1.6.0;12" }, ReadList(m, Readout));
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, Alternate, new[] { "1-0:2.8.0", "1-0:1.8.0", "1-0:14.7.0" }));
        Assert.Equal(new[] { "2.8.0", "1.8.0", "14.7.0" }, ReadList(m, Alternate));
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, Holidays, new[] { "12-25", "02-29", "25-04-18", "99-12-31" }));
        Assert.Equal(new[] { "12-25", "02-29", "25-04-18", "99-12-31" }, ReadList(m, Holidays));
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, Tariffs, new[] { "00:00;2", "06:30;1", "21:45;2" }));
        Assert.Equal(new[] { "00:00;2", "06:30;1", "21:45;2" }, ReadList(m, Tariffs));
        Assert.Equal(new[] { 2 * 8 * 0 + 1, (6 * 60 + 30) * 8 + 0, (21 * 60 + 45) * 8 + 1 }, m.Settings.WorkingDaySwitches);
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, Holidays, Array.Empty<string>()));
        Assert.Equal("0", Read(m, Holidays, 0));
    }

    [Fact]
    public void A_list_only_begun_or_refused_is_not_what_is_read()
    {
        using var host = Start();
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, Normal, "01;32.7.0"));   // no end mark yet
        Assert.Equal(ObisWriteResult.OutOfRange, WriteList(m, Tariffs, new[] { "22:00;1", "06:00;2" })); // times not increasing
        Assert.Equal(new[] { "1.8.0", "1.8.1", "1.8.2", "2.8.0", "1.7.0" }, ReadList(m, Normal));
        Assert.Equal(new[] { "06:00;1", "22:00;2" }, ReadList(m, Tariffs));
    }

    // ---- round trip: any accepted list, written then read back, gives the same entries ----

    private static string Address(ObisCode c, bool full)
    {
        string text = c.A == 1 && c.B == 0 && !full ? $"{c.C}.{c.D}.{c.E}" : $"{c.A}-{c.B}:{c.C}.{c.D}.{c.E}";
        return c.F == 255 ? text : text + "&" + c.F;
    }

    // The form this meter reads back (worked out from the rules, not with ListSettings): reduced for 1-0 codes.
    private static string Canonical(ObisCode c) => Address(c, full: false);

    private static (string Written, string Expected) CodeItem(Random r, ObisCode c, bool readout, bool keepsBilling)
    {
        bool full = r.Next(2) == 0;
        if (readout && keepsBilling && r.Next(3) == 0) c = c.WithF((byte)r.Next(0, 100));
        string written = Address(c, full), expected = Canonical(c);
        if (readout && c.F == 255 && r.Next(2) == 0)
        {
            int n = keepsBilling ? r.Next(0, 100) : 0; // history only of objects that keep it
            written += ";" + (r.Next(2) == 0 ? n.ToString("00") : n.ToString());
            if (n > 0) expected += ";" + n;
        }
        return (written, expected);
    }

    private static List<(string Written, string Expected)> RandomList(Random r, ElectricityMeter m, int kind)
    {
        var items = new List<(string, string)>();
        var objects = Enumerable.Range(0, m.Table.Count).Select(i => m.Table[i]).ToList();
        switch (kind)
        {
            case 0:
            case 1:
                {
                    var shown = objects.Where(o => o is RegisterObject || o is IntegerDataObject).OrderBy(_ => r.Next()).ToList();
                    var codes = shown.Take(r.Next(1, kind == 0 ? 17 : 41)).Select(o => o.Code).ToList();
                    if (kind == 1)
                        foreach (var legal in new[] { StandardObjects.ActiveImport, StandardObjects.ActiveExport })
                            if (!codes.Contains(legal)) codes.Insert(r.Next(codes.Count + 1), legal);
                    items.AddRange(codes.Take(kind == 0 ? 16 : 40).Select(c => CodeItem(r, c, false, false)));
                    break;
                }
            case 2:
                {
                    var picked = objects.OrderBy(_ => r.Next()).Take(r.Next(1, 33));
                    var seen = new HashSet<ObisCode>();
                    foreach (var o in picked)
                    {
                        var item = CodeItem(r, o.Code, true, o.KeepsBillingValues);
                        ObisCode.TryParse(Encoding.ASCII.GetBytes(item.Expected.Split(';')[0]), 0, item.Expected.Split(';')[0].Length, out var code);
                        if (seen.Add(code)) items.Add(item);
                    }
                    break;
                }
            case 3:
                {
                    var seen = new HashSet<string>();
                    int count = r.Next(0, 33);
                    while (seen.Count < count)
                    {
                        int month = r.Next(1, 13);
                        string text = r.Next(2) == 0
                            ? $"{month:00}-{r.Next(1, DateTime.DaysInMonth(2000, month) + 1):00}"
                            : $"{r.Next(0, 100):00}-{month:00}-{r.Next(1, DateTime.DaysInMonth(2000 + 0, month) + 1):00}";
                        if (text.Length == 8 && !DateTime.TryParseExact("20" + text, "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out _)) continue; // 29 Feb of a common year
                        if (seen.Add(text)) items.Add((text, text));
                    }
                    break;
                }
            default:
                {
                    var minutes = Enumerable.Range(0, 24 * 60).OrderBy(_ => r.Next()).Take(r.Next(1, 9)).OrderBy(x => x);
                    foreach (int minute in minutes)
                    {
                        string text = $"{minute / 60:00}:{minute % 60:00};{r.Next(1, m.Settings.TariffCount + 1)}";
                        items.Add((text, text));
                    }
                    break;
                }
        }
        return items;
    }

    [Fact]
    public void Any_accepted_list_written_then_read_back_gives_the_same_entries_and_writes_back_unchanged()
    {
        using var host = Start();
        var m = host.Meter;
        var codes = new[] { Normal, Alternate, Readout, Holidays, Tariffs };
        var accepted = new int[codes.Length];
        var samples = new int[codes.Length];
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var r = new Random(seed);
            int kind = r.Next(codes.Length);
            var list = RandomList(r, m, kind);
            samples[kind]++;
            var result = WriteList(m, codes[kind], list.Select(i => i.Written).ToList());
            if (result != ObisWriteResult.Accepted) return; // e.g. a code the LCD cannot show: refused, not a list to read back
            accepted[kind]++;
            var read = ReadList(m, codes[kind]);
            Assert.Equal(list.Select(i => i.Expected), read);
            // Written back as read: accepted, and read the same again.
            Assert.Equal(ObisWriteResult.Accepted, WriteList(m, codes[kind], read));
            Assert.Equal(read, ReadList(m, codes[kind]));
        }, iter: 300, threads: 1);
        // Most generated lists of every kind are accepted: the property is not vacuous.
        for (int k = 0; k < codes.Length; k++)
            Assert.True(accepted[k] > samples[k] / 2, $"{codes[k]}: {accepted[k]} of {samples[k]} lists accepted");
    }
}
