using Meter.Core;
using Meter.Simulation;
using Meter.Tool.Cli;

namespace EndToEnd.Tests;

/// <summary>MeterTool `disconnect`, `release`, `reconnect` with --protocol dlms against the virtual meter's Disconnect control (class 70).</summary>
[Collection("console")]
public sealed class DlmsBreakerCommandTests : IDisposable
{
    private const string Password = "00000000";
    private readonly VirtualMeterHost _host;

    public DlmsBreakerCommandTests()
    {
        _host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Optical = "none",
            Dlms = "tcp:127.0.0.1:0",
            Speed = 1e-9, // time almost stands still while the port is served
            Start = new DateTime(2025, 5, 14, 8, 0, 0, DateTimeKind.Utc),
            Password = Password,
        });
        _host.RunFor(TimeSpan.FromSeconds(2));
        _host.RunInBackground();
    }

    public void Dispose() => _host.Dispose();

    private (int Code, string Out, string Error) Tool(string command, bool management = true)
    {
        string[] args = [command, "--protocol", "dlms", "--tcp", $"127.0.0.1:{_host.DlmsPorts.Wrapper!.Port}"];
        if (management) args = [.. args, "--client", "1", "--password", Password];
        return VirtualMeterCommandLineTests.Tool(args);
    }

    // The console wraps long messages: compare with the lines joined.
    private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private int ControlState => _host.Inspect(h => h.Meter.Disconnect.ControlState);

    [Fact]
    public void Disconnect_release_and_a_repeated_disconnect_in_mode_1_print_the_state_the_meter_is_in()
    {
        var (code, output, error) = Tool("disconnect");
        Assert.True(code == 0, error + output);
        Assert.Equal("0-0:96.3.10.255 control_state 0 disconnected", output.Trim());
        Assert.Equal(DisconnectControlState.Disconnected, ControlState);
        (code, output, error) = Tool("disconnect"); // already there: success
        Assert.True(code == 0, error + output);
        (code, output, error) = Tool("release");
        Assert.True(code == 0, error + output);
        Assert.Equal("0-0:96.3.10.255 control_state 2 ready for reconnection (press the button long to reconnect)", output.Trim());
        Assert.Equal(DisconnectControlState.ReadyForReconnection, ControlState);
    }

    [Fact]
    public void In_mode_0_the_meter_refuses_with_temporary_failure_and_the_tool_says_why()
    {
        _host.Inspect(h => h.Meter.Disconnect.SetControlMode(0, DisconnectCause.OpticalPort));
        var (code, output, error) = Tool("disconnect");
        Assert.Equal(CommandRunner.ProtocolFailure, code);
        Assert.Contains("the meter refused `disconnect` (remote_disconnect)", OneLine(error));
        Assert.Contains("temporary-failure (2)", OneLine(error));
        Assert.Equal(DisconnectControlState.Connected, ControlState);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_release_in_mode_2_is_refused_before_any_action_and_the_public_client_may_not_act()
    {
        _host.Inspect(h => h.Meter.Disconnect.SetControlMode(2, DisconnectCause.OpticalPort));
        var (code, _, error) = Tool("release");
        Assert.Equal(CommandRunner.ProtocolFailure, code);
        Assert.Contains("control mode 2 reconnects directly", OneLine(error));
        (code, _, error) = Tool("disconnect", management: false);
        Assert.Equal(CommandRunner.BadArguments, code);
        Assert.Contains("this command writes to the meter: it needs the management client (--client 1) and --password", OneLine(error));
        Assert.Equal(DisconnectControlState.Connected, ControlState);
    }
}
