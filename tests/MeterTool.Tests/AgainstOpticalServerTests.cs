using Meter.Obis;
using Meter.Optical;
using Meter.Tool;
using Meter.OpticalClient.Protocol;
using MeterTool.Tests.Support;

namespace MeterTool.Tests;

/// <summary>MeterTool's client against the firmware's own IEC 62056-21 server (firmware/Meter.Optical), in process.</summary>
public class AgainstOpticalServerTests
{
    private readonly ObisMemoryStore _store = new(64);
    private readonly ServerLink _link = new();
    private readonly Iec62056Client _client;
    private readonly OpenSeal _seal = new();

    public AgainstOpticalServerTests()
    {
        var table = new ObisTable(StandardObjects.Count);
        StandardObjects.AddTo(table, _store, _store);
        _store.SetText(StandardObjects.MeterNumber, "12345678");
        _store.SetDateTime(StandardObjects.Clock, new ObisDateTime(2024, 5, 1, 10, 20, 30));
        _store.SetInteger(StandardObjects.IntegrationPeriod, 15);
        _store.SetInteger(StandardObjects.ActiveImport, 1_234_567);          // Wh → 1234.567 kWh
        _store.SetInteger(StandardObjects.ActiveImport.WithF(7), 1_000_000); // billing period 7
        _store.SetInteger(StandardObjects.BillingPeriodCounter, 7);
        _store.SetInteger(StandardObjects.VoltageL1, 2301);                  // 0.1 V → 230.1 V
        var readout = new ReadoutList(8);
        readout.Add(StandardObjects.MeterNumber);
        readout.Add(StandardObjects.ActiveImport, 1);
        readout.Add(StandardObjects.VoltageL1);
        var settings = new OpticalPortSettings { ManufacturerId = "OEM", Identification = "OpenMeter1", MaximumBaud = 9600, Passwords = ["12345678"] };
        _link.Server = new OpticalServer(_link, settings, table, readout, _seal, null!);
        _client = new Iec62056Client(_link, new ClientTimings { Sleep = _link.Sleep });
    }

    [Fact]
    public void Mode_C_readout_at_9600()
    {
        var readout = _client.Readout("", 9600);
        Assert.Equal("OEM", readout.Identification.ManufacturerId);
        Assert.Equal(9600, readout.Baud);
        var energy = readout.DataSets.First(s => s.BaseAddress.EndsWith("1.8.0") && s.BillingPeriod == null);
        Assert.Equal(1234.567m, PhysicalValue.ToBaseUnit(energy.Values[0], "kWh"));
        Assert.Contains(readout.DataSets, s => s.BillingPeriod == 7 && PhysicalValue.ToBaseUnit(s.Values[0], "kWh") == 1000m);
        Assert.Equal(230.1m, PhysicalValue.ToBaseUnit(readout.DataSets.First(s => s.Address.Contains("32.7.0")).Values[0], "V"));
    }

    [Fact]
    public void Password_protected_write_of_the_integration_period_and_read_back()
    {
        using (var session = new ProgrammingSession(_client, "", 9600, "12345678"))
        {
            session.Write(MeterAddresses.IntegrationPeriod, "30");
            Assert.Equal("30", session.Read(MeterAddresses.IntegrationPeriod)[0].Value);
        }
        Assert.True(_store.TryReadInteger(StandardObjects.IntegrationPeriod, out long minutes));
        Assert.Equal(30, minutes);
    }

    [Fact]
    public void Clock_is_set_in_the_servers_format()
    {
        using (var session = new ProgrammingSession(_client, "", 9600, "12345678"))
            session.Write(MeterAddresses.Clock, Meter.Tool.Cli.SetClockCommand.Format(new DateTime(2026, 11, 23, 19, 5, 7)));
        Assert.True(_store.TryReadDateTime(StandardObjects.Clock, out var clock));
        Assert.Equal((2026, 11, 23, 19, 5, 7), (clock.Year, clock.Month, clock.Day, clock.Hour, clock.Minute, clock.Second));
    }

    [Fact]
    public void Wrong_password_is_refused()
    {
        var e = Assert.Throws<MeterProtocolException>(() => _client.OpenProgramming("", 9600, "00000000"));
        Assert.Equal(ProtocolErrorKind.PasswordRefused, e.Kind);
        Assert.Equal("ER02", e.MeterErrorCode);
    }

    [Fact]
    public void Out_of_range_write_names_the_servers_error()
    {
        _client.OpenProgramming("", 9600, "12345678");
        var e = Assert.Throws<MeterProtocolException>(() => _client.Write(MeterAddresses.IntegrationPeriod, "99"));
        Assert.Equal("ER10", e.MeterErrorCode);
        Assert.Contains("out of range", e.Message);
    }

    private sealed class OpenSeal : IProgrammingSwitch
    {
        public bool IsOpen => true;
    }
}
