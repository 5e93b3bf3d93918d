using Meter.Dlms.Tests.Support;
using Meter.Hal;
using Meter.Obis;
using Meter.Storage;
using static Meter.Core.Tests.TariffCalendarCosemTests;

namespace Meter.Core.Tests.Breaker;

/// <summary>
/// Disconnect control 0-0:96.3.10.255 over DLMS (<see cref="DisconnectControlObject"/>, Blue Book 4.5.8, class 70
/// version 0) on the meter's own server: every answer and request is encoded here by hand.
/// Action-Response-Normal: C7 01 C1, action-result, return-parameters absent (00).
/// </summary>
public class DisconnectControlCosemTests
{
    internal const string DisconnectLn = "0046 00 00 60 03 0A FF"; // class 70, 0-0:96.3.10.255
    private const string IntegerZero = "0F 00";                    // data ::= integer (0)
    private const string Success = "C701C10000", TemporaryFailure = "C701C10200", ReadWriteDenied = "C701C10300";

    internal static string Action(ElectricityMeter m, int method, int sap = 1) => Send(m.Dlms, $"C3 01 C1 {DisconnectLn} {method:X2} 01 {IntegerZero}", sap);

    [Fact]
    public void The_public_client_reads_every_attribute_and_may_neither_act_nor_write()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.StartsWith("6129", Send(m.Dlms, PublicAarq, 16));
        Assert.Equal(Norm("C4 01 C1 00 09 06 00 00 60 03 0A FF"), Get(m, DisconnectLn, 1, 16));
        Assert.Equal(Norm("C4 01 C1 00 03 FF"), Get(m, DisconnectLn, 2, 16)); // output_state true: connected
        Assert.Equal(Norm("C4 01 C1 00 16 01"), Get(m, DisconnectLn, 3, 16)); // control_state (1) connected
        Assert.Equal(Norm("C4 01 C1 00 16 01"), Get(m, DisconnectLn, 4, 16)); // control_mode 1 (the default)
        Assert.Equal(Norm("C4 01 C1 01 04"), Get(m, DisconnectLn, 5, 16));    // no attribute 5: object-undefined
        Assert.Equal(ReadWriteDenied, Action(m, 1, 16));
        Assert.Equal(Norm("C5 01 C1 03"), Set(m, DisconnectLn, 4, "16 02", 16)); // read-write-denied
        Assert.True(m.Disconnect.OutputState);
        Assert.Equal(1, m.Disconnect.ControlMode);
    }

    [Fact]
    public void The_management_client_disconnects_and_reconnects_in_mode_2_and_each_transition_is_logged_with_the_DLMS_cause()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(1));
        AssociateManagement(m);
        Assert.Equal(Norm("C5 01 C1 00"), Set(m, DisconnectLn, 4, "16 02"));
        Assert.Equal(Success, Action(m, 1));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(BreakerPosition.Open, host.Board.Breaker!.Contacts);
        Assert.Equal(Norm("C4 01 C1 00 03 00"), Get(m, DisconnectLn, 2));
        Assert.Equal(Norm("C4 01 C1 00 16 00"), Get(m, DisconnectLn, 3));
        Assert.Equal("(0)", MeterRig.ValueText(m, BreakerObjects.DisconnectControl)); // the optical port sees the same control
        var disconnect = ParameterChanges(m, DisconnectEventLog.TransitionBase + DisconnectTrigger.RemoteDisconnect);
        Assert.Equal((DisconnectControlState.Connected + 256L * DisconnectCause.Dlms, (long)DisconnectControlState.Disconnected),
            (disconnect[0].OldValue, disconnect[0].NewValue));
        Assert.Equal(Success, Action(m, 2)); // mode 2: remote_reconnect connects directly (a)
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(BreakerPosition.Closed, host.Board.Breaker.Contacts);
        var reconnect = ParameterChanges(m, DisconnectEventLog.TransitionBase + DisconnectTrigger.RemoteReconnect);
        Assert.Equal((DisconnectControlState.Disconnected + 256L * DisconnectCause.Dlms, (long)DisconnectControlState.Connected),
            (reconnect[0].OldValue, reconnect[0].NewValue));
        // The mode write is logged as the optical port's write of 0-0:96.3.11 would be.
        Assert.Equal("(2)", MeterRig.ValueText(m, BreakerObjects.ControlMode));
    }

    [Fact]
    public void Mode_0_refuses_both_methods_with_temporary_failure_and_a_bad_mode_or_type_is_refused()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(1));
        AssociateManagement(m);
        Assert.Equal(Norm("C5 01 C1 00"), Set(m, DisconnectLn, 4, "16 00"));
        Assert.Equal(TemporaryFailure, Action(m, 1));
        Assert.Equal(TemporaryFailure, Action(m, 2));
        Assert.True(m.Disconnect.OutputState);
        Assert.Equal(Norm("C5 01 C1 FA"), Set(m, DisconnectLn, 4, "16 07"));   // mode 7: other-reason
        Assert.Equal(Norm("C5 01 C1 0C"), Set(m, DisconnectLn, 4, "11 01"));   // unsigned, not enum: type-unmatched
        Assert.Equal(Norm("C5 01 C1 03"), Set(m, DisconnectLn, 3, "16 00"));   // control_state is read-only
        Assert.Equal(0, m.Disconnect.ControlMode);
        Assert.Equal(Norm("C7 01 C1 0C 00"), Send(m.Dlms, $"C3 01 C1 {DisconnectLn} 01 01 09 00", 1)); // octet-string parameter
        Assert.Equal(Norm("C7 01 C1 FA 00"), Send(m.Dlms, $"C3 01 C1 {DisconnectLn} 01 01 0F 01", 1)); // integer (1)
    }

    [Fact]
    public void Every_method_in_every_mode_and_state_answers_as_the_transition_table_says()
    {
        int[] states = { DisconnectControlState.Connected, DisconnectControlState.Disconnected, DisconnectControlState.ReadyForReconnection };
        for (int mode = 0; mode <= DisconnectTransitions.MaxMode; mode++)
        {
            foreach (int start in states)
            {
                if (mode == 0 && start != DisconnectControlState.Connected) continue; // mode 0 is always connected
                for (int method = 1; method <= 2; method++)
                {
                    using var host = MeterRig.Start();
                    var m = host.Meter;
                    host.RunFor(TimeSpan.FromSeconds(1));
                    // Into the start state in mode 1 (b, then d), then the mode under test.
                    if (start != DisconnectControlState.Connected) m.Disconnect.RemoteDisconnect(DisconnectCause.OpticalPort);
                    if (start == DisconnectControlState.ReadyForReconnection) m.Disconnect.RemoteReconnect(DisconnectCause.OpticalPort);
                    Assert.Equal(start, m.Disconnect.ControlState);
                    AssociateManagement(m);
                    Assert.Equal(Norm("C5 01 C1 00"), Set(m, DisconnectLn, 4, $"16 {mode:X2}"));
                    int trigger = method == 1 ? DisconnectTrigger.RemoteDisconnect : DisconnectTrigger.RemoteReconnect;
                    int next = DisconnectTransitions.Next(mode, start, trigger);
                    bool alreadyThere = mode != 0 && (method == 1 ? start == DisconnectControlState.Disconnected : start != DisconnectControlState.Disconnected);
                    string expected = next != DisconnectTransitions.None || alreadyThere ? Success : TemporaryFailure;
                    Assert.True(expected == Action(m, method), $"mode {mode} state {start} method {method}");
                    Assert.Equal(next != DisconnectTransitions.None ? next : start, m.Disconnect.ControlState);
                }
            }
        }
    }

    [Fact]
    public void The_object_list_names_class_70_version_0_once_with_the_rights_of_each_association()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        var publicSend = MeterCosemClient.Associate(m);
        Assert.Equal("1:0:RRRR:--", Entry(publicSend));
        AssociateManagement(m);
        var response = new byte[4096];
        Func<byte[], byte[]> managementSend = apdu => response[..m.Dlms.HandleApdu(1, apdu, 0, apdu.Length, response, 0, response.Length)];
        Assert.Equal("1:0:RRRW:AA", Entry(managementSend)); // control_mode read-and-write, both methods access
    }

    // The object list entry of 0-0:96.3.10 as "count:version:access per attribute (R read-only, W read-and-write):
    // access per method (A access, - none)"; it must be listed exactly once, as class 70.
    private static string Entry(Func<byte[], byte[]> send)
    {
        var list = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 15, [0, 0, 40, 0, 0, 255], 2, null, out _));
        var entries = list.Cast<object[]>().Where(e => ((byte[])e[2]).SequenceEqual(new byte[] { 0, 0, 96, 3, 10, 255 })).ToList();
        Assert.Single(entries);
        Assert.Equal(70L, entries[0][0]);
        var rights = (object[])entries[0][3];
        string attributes = string.Concat(((object[])rights[0]).Cast<object[]>().Select(a => (long)a[1] == 1 ? "R" : (long)a[1] == 3 ? "W" : "?"));
        string methods = string.Concat(((object[])rights[1]).Cast<object[]>().Select(a => (long)a[1] == 1 ? "A" : "-"));
        return $"{entries.Count}:{entries[0][1]}:{attributes}:{methods}";
    }
}
