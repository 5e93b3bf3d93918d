using Meter.Obis;
using Meter.Optical;
using Meter.Tool.Cli;
using MeterTool.Tests.Support;

namespace MeterTool.Tests;

/// <summary>The command line over TCP against the firmware's optical server (real time, ~1 s a command).</summary>
[Collection("console")]
public class EndToEndTcpTests : IDisposable
{
    private readonly ObisMemoryStore _store = new(64);
    private readonly TcpOpticalServer _server;

    public EndToEndTcpTests()
    {
        var table = new ObisTable(StandardObjects.Count);
        StandardObjects.AddTo(table, _store, _store);
        _store.SetText(StandardObjects.MeterNumber, "12345678");
        _store.SetInteger(StandardObjects.ActiveImport, 1_234_567);
        _store.SetInteger(StandardObjects.IntegrationPeriod, 15);
        _store.SetDateTime(StandardObjects.Clock, new ObisDateTime(2024, 5, 1, 10, 20, 30));
        var readout = new ReadoutList(4);
        readout.Add(StandardObjects.MeterNumber);
        readout.Add(StandardObjects.ActiveImport);
        _server = new TcpOpticalServer(table, readout,
            new OpticalPortSettings { ManufacturerId = "OEM", Identification = "OpenMeter1", MaximumBaud = 9600, Passwords = ["12345678"] },
            new Open());
    }

    public void Dispose() => _server.Dispose();

    private (int Code, string Out, string Error) Run(params string[] args) => ToolRun.Capture([.. args, "--tcp", $"127.0.0.1:{_server.Port}"]);

    [Fact]
    public void Readout_as_csv()
    {
        var (code, output, error) = Run("readout", "--csv");
        Assert.True(code == 0, error);
        Assert.StartsWith("address,value,unit,more\n", output);
        Assert.Contains(",001234.567,kWh,", output); // 1 234 567 Wh shown in kWh with 3 decimals
    }

    [Fact]
    public void Write_with_password_then_set_clock()
    {
        var (code, _, error) = Run("write", "1-0:0.8.0", "30", "--password", "12345678");
        Assert.True(code == 0, error);
        Assert.True(_store.TryReadInteger(StandardObjects.IntegrationPeriod, out long minutes));
        Assert.Equal(30, minutes);

        (code, _, error) = Run("set-clock", "--time", "2026-11-23 19:05:07", "--password", "12345678");
        Assert.True(code == 0, error);
        Assert.True(_store.TryReadDateTime(StandardObjects.Clock, out var clock));
        Assert.Equal((2026, 11, 23, 19, 5, 7), (clock.Year, clock.Month, clock.Day, clock.Hour, clock.Minute, clock.Second));
    }

    [Fact]
    public void Wrong_password_exits_2_naming_the_refusal()
    {
        var (code, _, error) = Run("write", "1-0:0.8.0", "30", "--password", "00000000");
        Assert.Equal(CommandRunner.ProtocolFailure, code);
        Assert.Contains("PasswordRefused", error);
        Assert.Contains("ER02", error);
    }

    private sealed class Open : IProgrammingSwitch
    {
        public bool IsOpen => true;
    }
}
