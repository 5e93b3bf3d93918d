using Meter.Obis;
using Meter.Simulation;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// The module's alarm input (I/O 2 under DD 03, 04, 07..10): polarity from the code, a Tamper event (detail 4) at
/// each start and end dated at the onset, the status bit 0x80 and the LCD status screen while active, the counter
/// 0-0:96.51.4, the alarm mode (0 off, 1 alarm, 2 alarm + disconnect request) and the state kept over a restart.
/// </summary>
public class AlarmInputTests
{
    private static readonly long StartUtc = new DateTimeOffset(MeterRig.WednesdayMidnightLocal).ToUnixTimeSeconds();

    private static VirtualMeterHost Start(int inputCode = 3, int alarmMode = ModuleInputs.AlarmOn, string? state = null, bool energised = false,
        CapturedLcd? lcd = null)
    {
        var host = PulseInputPersistenceTests.Start(state, inputCode, lcd);
        host.SetAlarmInput(energised);
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(host.Meter, ModuleInputObjects.AlarmMode, alarmMode.ToString()));
        return host;
    }

    internal static List<EventRecord> AlarmEvents(ElectricityMeter m)
    {
        var list = new List<EventRecord>();
        for (int age = m.Storage.Events.Count - 1; age >= 0; age--)
        {
            var e = new EventRecord();
            if (m.Storage.Events.TryRead(age, e) && e.Kind == EventKind.Tamper && (e.Detail & 0x7F) == TamperDetail.AlarmInput) list.Add(e);
        }
        return list;
    }

    private static DateTime Utc(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;

    // The change is taken by a tick at the host's current virtual time, so its onset is exactly now.
    private static void SampleNow(VirtualMeterHost host) => host.Meter.Tick(host.VirtualMilliseconds);

    [Fact]
    public void An_alarm_logs_its_start_and_end_sets_the_status_bit_and_shows_the_status_screen_while_active()
    {
        using var host = Start(lcd: new CapturedLcd());
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        Assert.Empty(AlarmEvents(m));
        host.SetAlarmInput(true);
        SampleNow(host); // onset at +5 s
        host.RunFor(TimeSpan.FromSeconds(1));
        var start = Assert.Single(AlarmEvents(m));
        Assert.Equal((TamperDetail.AlarmInput, Utc(StartUtc + 5), 0L, 1L), (start.Detail, start.Time, start.OldValue, start.NewValue));
        Assert.True(m.Inputs.AlarmActive);
        Assert.False(m.Inputs.RequestsDisconnect); // mode 1: no disconnection
        Assert.Equal(MeterStatusWords.StatusAlarmInput, m.StatusWord & MeterStatusWords.StatusAlarmInput);
        Assert.Equal("(00001)", MeterRig.ValueText(m, ModuleInputObjects.AlarmCounter));
        bool statusScreen = false;
        for (int s = 0; s < 120 && !statusScreen; s++)
        {
            host.RunFor(TimeSpan.FromSeconds(1));
            statusScreen = m.Display.ShowsStatusCode;
        }
        Assert.True(statusScreen, "the automatic list shows the status screen while the alarm is active");

        long endAt = host.VirtualMilliseconds / 1000;
        host.SetAlarmInput(false);
        SampleNow(host);
        host.RunFor(TimeSpan.FromSeconds(1));
        var events = AlarmEvents(m);
        Assert.Equal(2, events.Count);
        Assert.Equal((TamperDetail.AlarmInput | TamperDetail.Ended, Utc(StartUtc + endAt), StartUtc + 5, StartUtc + endAt),
            (events[1].Detail, events[1].Time, events[1].OldValue, events[1].NewValue));
        Assert.False(m.Inputs.AlarmActive);
        Assert.Equal(0, m.StatusWord & MeterStatusWords.StatusAlarmInput);
    }

    [Theory]
    [InlineData(3, true)]   // pulse in / alarm in: energised = alarm
    [InlineData(4, false)]  // pulse in / inv. alarm in: de-energised = alarm
    public void The_polarity_follows_the_code(int code, bool alarmWhenEnergised)
    {
        using var host = Start(code, energised: !alarmWhenEnergised);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.False(host.Meter.Inputs.AlarmActive);
        host.SetAlarmInput(alarmWhenEnergised);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.True(host.Meter.Inputs.AlarmActive);
        Assert.Single(AlarmEvents(host.Meter));
    }

    [Fact]
    public void With_the_alarm_off_the_input_is_ignored_and_with_the_disconnect_mode_the_alarm_requests_a_disconnection()
    {
        using var host = Start(alarmMode: ModuleInputs.AlarmOff, energised: true);
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.False(m.Inputs.AlarmActive);
        Assert.Empty(AlarmEvents(m));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ModuleInputObjects.AlarmMode, "2"));
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.True(m.Inputs.AlarmActive);
        Assert.True(m.Inputs.RequestsDisconnect);
        host.SetAlarmInput(false);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.False(m.Inputs.RequestsDisconnect);
        // Switching the alarm off while it is active ends it (an end event), and the flag drops.
        host.SetAlarmInput(true);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.True(m.Inputs.RequestsDisconnect);
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ModuleInputObjects.AlarmMode, "0"));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.False(m.Inputs.RequestsDisconnect);
        Assert.Equal(4, AlarmEvents(m).Count);
        Assert.Equal(TamperDetail.AlarmInput | TamperDetail.Ended, AlarmEvents(m)[3].Detail);
    }

    [Fact]
    public void An_alarm_active_over_a_restart_is_not_logged_again_and_its_end_is_dated_from_the_stored_start()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var host = Start(state: state))
            {
                host.RunFor(TimeSpan.FromSeconds(2));
                host.SetAlarmInput(true);
                SampleNow(host);
                host.RunFor(TimeSpan.FromSeconds(2));
                Assert.True(host.Meter.Inputs.AlarmActive);
            }
            using (var host = PulseInputPersistenceTests.Start(state, inputCode: null))
            {
                host.SetAlarmInput(true);
                host.RunFor(TimeSpan.FromSeconds(3));
                Assert.True(host.Meter.Inputs.AlarmActive);
                Assert.Single(AlarmEvents(host.Meter));
                host.SetAlarmInput(false);
                host.RunFor(TimeSpan.FromSeconds(3));
                var events = AlarmEvents(host.Meter);
                Assert.Equal(2, events.Count);
                Assert.Equal(StartUtc + 2, events[1].OldValue);
                Assert.Equal(1, host.Meter.Inputs.AlarmCount);
            }
        }
        finally { MeterRig.DeleteState(state); }
    }
}
