using System.Net.Sockets;
using System.Text;
using Meter.Core;
using Meter.Metrology;
using Meter.Simulation;

namespace EndToEnd.Tests;

/// <summary>
/// The virtual meter's control channel (tools/Meter.Simulation Control/): the line protocol over TCP against a meter
/// whose time is held, each answer checked against the meter itself and against hand-worked figures.
/// </summary>
public class ControlChannelTests : IDisposable
{
    private static readonly DateTime Start = new(2025, 1, 15, 8, 0, 0, DateTimeKind.Utc);
    private readonly VirtualMeterHost _host;
    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    public ControlChannelTests()
    {
        _host = new VirtualMeterHost(new VirtualMeterOptions { Optical = "none", ControlPort = 0, HoldTime = true, Start = Start });
        _host.RunInBackground();
        _client = new TcpClient("127.0.0.1", _host.ControlPort) { ReceiveTimeout = 60_000 };
        _reader = new StreamReader(_client.GetStream(), Encoding.ASCII);
        _writer = new StreamWriter(_client.GetStream(), Encoding.ASCII) { NewLine = "\n", AutoFlush = true };
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    private string Send(string line)
    {
        _writer.WriteLine(line);
        return _reader.ReadLine() ?? throw new IOException("control channel closed");
    }

    private long ImportWh() => _host.Inspect(h => h.Meter.Metering.Accumulator.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0));

    [Fact]
    public void Held_time_moves_only_by_advance_and_the_answer_is_the_clock_after_it()
    {
        Assert.Equal("ok 2025-01-15T08:00:00Z", Send("time"));
        Thread.Sleep(300); // held: wall time passes, virtual time does not
        Assert.Equal(0, _host.VirtualMilliseconds);
        Assert.Equal("ok 2025-01-15T09:30:00Z", Send("advance 90m"));
        Assert.Equal(5_400_000, _host.VirtualMilliseconds);
        Assert.Equal("ok 2025-01-16T09:30:00Z", Send("advance 1d"));
    }

    [Fact]
    public void A_load_set_on_every_phase_registers_its_energy_and_the_s0_answer_counts_the_pins_pulses()
    {
        Assert.Equal("ok", Send("load 10 0 230"));
        Send("advance 1h");
        // 3 phases × 230 V × 10 A × PF 1 × 1 h = 6900 Wh; the simulated chip's energy constant is rounded (< 0.05 %).
        Assert.InRange(ImportWh(), 6900 - 4, 6900);
        Assert.Equal("ok", Send("load 0"));
        Send("advance 10s"); // the S0 backlog drains at no load
        long pulses = long.Parse(Send("s0")[3..]);
        Assert.Equal(_host.Inspect(h => h.Meter.Metering.S0!.EmittedPulses), pulses);
        Assert.Equal(ImportWh(), pulses); // 1000 imp/kWh: a pulse a Wh
    }

    [Fact]
    public void Power_cut_stops_the_firmware_the_clock_runs_on_and_restore_starts_it_again_with_its_registers()
    {
        Send("load 10");
        Send("advance 1h");
        long before = ImportWh();
        Assert.Equal("ok", Send("power cut"));
        Assert.Equal("error the supply is already off", Send("power cut"));
        Assert.Equal("ok 2025-01-15T10:00:00Z", Send("advance 1h"));
        Assert.True(_host.SupplyOff);
        Assert.Equal("ok", Send("power restore"));
        Assert.Equal(before, ImportWh()); // no energy while off, none lost
        Send("advance 1h");
        Assert.InRange(ImportWh() - before, 6900 - 4, 6900);
        Assert.Equal(Start.AddHours(3), DateTimeOffset.FromUnixTimeSeconds(_host.Inspect(h => h.Meter.UtcSeconds)).UtcDateTime);
    }

    [Fact]
    public void Cover_and_magnet_reach_the_meters_tamper_inputs()
    {
        Assert.Equal("ok", Send("cover open"));
        Assert.Equal("ok", Send("magnet on"));
        Send("advance 2s"); // past the 500 ms debounce
        Assert.Equal(0x07, _host.Inspect(h => h.Meter.Tamper.Status)); // field present, cover open, opened since acknowledged
        Send("cover closed");
        Send("magnet off");
        Send("advance 2s");
        Assert.Equal(0x04, _host.Inspect(h => h.Meter.Tamper.Status)); // the opening stays latched
    }

    [Fact]
    public void The_buttons_answer_and_a_long_press_gives_the_disconnect_result()
    {
        Assert.Equal("ok", Send("button short"));
        Assert.Matches("^ok -?[0-9]+$", Send("button long"));
    }

    [Theory]
    [InlineData("", "error empty line")]
    [InlineData("fly", "error unknown command 'fly'")]
    [InlineData("advance 0s", "error SPAN '0s'")]
    [InlineData("advance 10", "error SPAN '10'")]
    [InlineData("load much", "error AMPS 'much'")]
    [InlineData("load 10 0 900", "error VOLTS '900'")]
    [InlineData("cover ajar", "error unknown command 'cover ajar'")]
    [InlineData("power restore", "error the supply is already on")]
    public void Bad_commands_get_a_specific_error_and_the_channel_goes_on(string line, string start)
    {
        Assert.StartsWith(start, Send(line));
        Assert.Equal("ok 2025-01-15T08:00:00Z", Send("time"));
    }
}
