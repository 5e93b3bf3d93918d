using Meter.Display;
using Meter.Obis;

namespace Meter.Display.Tests;

public class DisplayListTests
{
    private static readonly ObisCode ActiveImport = ObisCode.Parse("1.8.0");
    private static readonly ObisCode ActiveExport = ObisCode.Parse("2.8.0");

    private static ObisCode[] Codes(int count, int firstC = 1) =>
        Enumerable.Range(0, count).Select(i => new ObisCode((byte)(firstC + i / 9), 8, (byte)(i % 9))).ToArray();

    [Fact]
    public void Check_names_the_broken_rule_and_changes_nothing()
    {
        var manual = new DisplayList(DisplayListKind.Manual, new[] { ActiveImport, ActiveExport });
        var automatic = new DisplayList(DisplayListKind.Automatic, null);
        automatic.Configure(new[] { ActiveImport });
        Assert.Null(automatic.Check(new[] { ActiveExport, ActiveImport }));
        Assert.Equal("reading listed twice: 1.8.0", automatic.Check(new[] { ActiveImport, ActiveImport }));
        Assert.Equal("historical values cannot be in the automatic list: 1.8.0*1", automatic.Check(new[] { ActiveImport.WithF(1) }));
        Assert.Equal("too many readings for this display list (capacity 16)", automatic.Check(Codes(17)));
        Assert.Equal("the legal reading 2.8.0 cannot be removed from the manual list", manual.Check(new[] { ActiveImport }));
        Assert.Null(manual.Check(new[] { ActiveExport, ActiveImport, ActiveImport.WithF(1) })); // history is fine in the manual list
        Assert.Equal(1, automatic.Count); // nothing changed by checking
        Assert.Equal(ActiveImport, automatic[0]);
        Assert.Equal(2, manual.Count);
    }

    [Fact]
    public void Capacities_follow_the_data_sheets()
    {
        var automatic = new DisplayList(DisplayListKind.Automatic, null);
        var manual = new DisplayList(DisplayListKind.Manual, null);
        var battery = new DisplayList(DisplayListKind.Battery, null);
        Assert.Equal(16, automatic.Capacity);
        Assert.Equal(40, manual.Capacity);
        Assert.Equal(8, battery.Capacity);

        automatic.Configure(Codes(16));
        Assert.Equal(16, automatic.Count);
        Assert.Throws<ArgumentException>(() => automatic.Configure(Codes(17)));
        Assert.Equal(16, automatic.Count);
        Assert.Throws<ArgumentException>(() => automatic.Add(ObisCode.Parse("3.8.0")));

        manual.Configure(Codes(40));
        Assert.Throws<ArgumentException>(() => manual.Configure(Codes(41)));
        battery.Configure(Codes(8));
        Assert.Throws<ArgumentException>(() => battery.Configure(Codes(9)));
    }

    [Fact]
    public void Automatic_list_refuses_historical_values()
    {
        var automatic = new DisplayList(DisplayListKind.Automatic, null);
        var billing = ObisCode.Parse("1.8.0*1");
        var ex = Assert.Throws<ArgumentException>(() => automatic.Configure([ActiveImport, billing]));
        Assert.Contains("historical", ex.Message);
        Assert.Equal(0, automatic.Count);
        Assert.Throws<ArgumentException>(() => automatic.Add(billing));

        var manual = new DisplayList(DisplayListKind.Manual, null);
        manual.Configure([ActiveImport, billing]); // the manual list may show billing values
        Assert.Equal(billing, manual[1]);
    }

    [Fact]
    public void Manual_list_always_keeps_the_legal_readings()
    {
        var manual = new DisplayList(DisplayListKind.Manual, [ActiveImport, ActiveExport]);
        Assert.Equal(2, manual.Count); // starts with the legal readings
        Assert.True(manual.IsLegal(ActiveImport));

        var reactive = ObisCode.Parse("3.8.0");
        manual.Configure([reactive, ActiveExport, ActiveImport]); // any order
        Assert.Equal(reactive, manual[0]);

        var ex = Assert.Throws<ArgumentException>(() => manual.Configure([reactive, ActiveImport]));
        Assert.Contains("legal", ex.Message);
        Assert.Equal(3, manual.Count); // unchanged

        Assert.Throws<InvalidOperationException>(() => manual.Remove(ActiveExport));
        manual.Remove(reactive);
        Assert.Equal(new[] { ActiveExport, ActiveImport }, new[] { manual[0], manual[1] });
        Assert.Throws<ArgumentException>(() => manual.Remove(reactive));
    }

    [Fact]
    public void Only_the_manual_list_has_legal_readings()
    {
        Assert.Throws<ArgumentException>(() => new DisplayList(DisplayListKind.Automatic, [ActiveImport]));
    }

    [Fact]
    public void Duplicates_and_codes_too_long_for_the_id_field_are_rejected()
    {
        var list = new DisplayList(DisplayListKind.Battery, null);
        Assert.Throws<ArgumentException>(() => list.Configure([ActiveImport, ActiveExport, ActiveImport]));
        Assert.Throws<ArgumentException>(() => list.Configure([ObisCode.Parse("1-0:128.128.128")]));
        list.Add(ActiveImport);
        Assert.Throws<ArgumentException>(() => list.Add(ActiveImport));
        Assert.Throws<ArgumentNullException>(() => list.Configure(null!));
    }
}
