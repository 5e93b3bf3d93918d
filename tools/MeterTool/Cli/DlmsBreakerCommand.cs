using Meter.Tool.Dlms;

namespace Meter.Tool.Cli;

/// <summary>
/// `disconnect`, `reconnect` and `release` with --protocol dlms: ACTION on Disconnect control 0-0:96.3.10.255 (DLMS Blue
/// Book 4.5.8, class 70: method 1 remote_disconnect, 2 remote_reconnect, data integer (0)) as the management client,
/// then GET of control_state (attribute 3). A release is remote_reconnect in the modes where it leads to
/// ready_for_reconnection (1, 3, 5, 6): control_mode (attribute 4) is read first, as the optical path's meter does.
/// </summary>
public static class DlmsBreakerCommand
{
    private const int DisconnectControlClass = 70, ControlState = 3, ControlMode = 4;
    private static readonly byte[] DisconnectControl = [0, 0, 96, 3, 10, 255];
    private static readonly byte[] IntegerZero = [0x0F, 0x00];

    /// <summary>Runs <paramref name="name"/> (optical command <paramref name="command"/>: 0 disconnect, 1 reconnect, 2 release); prints the state.</summary>
    public static int Run(System.CommandLine.ParseResult parse, GlobalOptions g, string name, int command)
    {
        using var client = g.Dlms.Open(parse, g, needsManagement: true);
        if (command == 2)
        {
            long mode = client.Get(new CosemAttribute(DisconnectControlClass, DisconnectControl, ControlMode)).AsInteger("control_mode");
            if (mode is 2 or 4)
                throw new DlmsException($"`release`: control mode {mode} reconnects directly (remote_reconnect connects): use `reconnect`");
        }
        int method = command == 0 ? 1 : 2;
        try
        {
            client.Action(new CosemAttribute(DisconnectControlClass, DisconnectControl, method), IntegerZero);
        }
        catch (DlmsException e)
        {
            throw new DlmsException($"the meter refused `{name}` (remote_{(method == 1 ? "disconnect" : "reconnect")}): no breaker fitted, "
                + $"or its control mode (0-0:96.3.10 attribute 4) has no such transition from the present state — {e.Message}");
        }
        long state = client.Get(new CosemAttribute(DisconnectControlClass, DisconnectControl, ControlState)).AsInteger("control_state");
        Console.WriteLine($"0-0:96.3.10.255 control_state {state} {BreakerCommands.StateName(state)}");
        return CommandRunner.Ok;
    }
}
