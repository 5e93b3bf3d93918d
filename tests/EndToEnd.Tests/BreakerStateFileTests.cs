using Meter.Core;
using Meter.Hal;
using Meter.Simulation;
using Meter.VirtualMeter;

namespace EndToEnd.Tests;

/// <summary>
/// With --state the simulated bistable breaker keeps its contacts across a restart (FILE.breaker, <see cref="BreakerStateFile"/>)
/// and the restarted meter learns the position from the feedback, as on the board: no mismatch, no coil pulse.
/// </summary>
[Collection("console")]
public class BreakerStateFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vm-breaker-" + Guid.NewGuid().ToString("N"));
    private readonly string _file;

    public BreakerStateFileTests()
    {
        Directory.CreateDirectory(_dir);
        _file = Path.Combine(_dir, "meter.nv");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private VirtualMeterOptions Options() => new()
    {
        Optical = "none",
        Speed = 0,
        StateFile = _file,
        Start = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private static void Disconnect(VirtualMeterHost host, bool cutPower)
    {
        host.RunFor(TimeSpan.FromSeconds(2));
        host.Inspect(h => h.Meter.Disconnect.RemoteDisconnect(DisconnectCause.OpticalPort));
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(BreakerPosition.Open, host.Board.Breaker!.Contacts);
        if (cutPower) host.CutPower(); else host.Stop();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_restart_finds_the_breaker_open_through_its_feedback_and_the_screen_shows_it(bool cutPower)
    {
        using (var first = new VirtualMeterHost(Options())) Disconnect(first, cutPower);
        Assert.Equal("open", File.ReadAllText(_file + ".breaker"));

        var lcd = new CapturedLcd();
        using var again = new VirtualMeterHost(Options(), lcd);
        var breaker = again.Board.Breaker!;
        Assert.Equal(BreakerPosition.Open, breaker.Contacts); // before the first tick: where the last run left it
        again.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(BreakerPosition.Open, breaker.Contacts);
        Assert.Equal(0, breaker.Pulses); // the feedback agreed with the stored state: nothing to drive
        Assert.Equal(0, again.Meter.Disconnect.Status & DisconnectControl.StatusFeedbackMismatch);
        Assert.Equal(DisconnectControlState.Disconnected, again.Meter.Disconnect.ControlState);
        var lines = MeterView.Lines(again, lcd, 0);
        Assert.Contains(lines, l => l.StartsWith("breaker 96.3.10 0 DISCONNECTED", StringComparison.Ordinal) && l.Contains("contacts open")
            && !l.Contains("MISMATCH"));
    }

    [Fact]
    public void A_reconnection_is_kept_too_and_a_state_file_without_a_breaker_file_starts_closed()
    {
        using (var first = new VirtualMeterHost(Options()))
        {
            Assert.False(File.Exists(_file + ".breaker")); // a new breaker, delivered closed, nothing moved yet
            Disconnect(first, cutPower: false);
        }
        using (var second = new VirtualMeterHost(Options()))
        {
            second.RunFor(TimeSpan.FromSeconds(1));
            Assert.Equal(DisconnectResult.Done, second.Inspect(h => h.Meter.Disconnect.RemoteReconnect(DisconnectCause.OpticalPort)));
            second.Inspect(h => h.Meter.Disconnect.LongPress()); // mode 1: released, the button reconnects
            second.RunFor(TimeSpan.FromSeconds(2));
            Assert.Equal(BreakerPosition.Closed, second.Board.Breaker!.Contacts);
            second.Stop();
        }
        Assert.Equal("closed", File.ReadAllText(_file + ".breaker"));
        using var third = new VirtualMeterHost(Options());
        third.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal((BreakerPosition.Closed, 0), (third.Board.Breaker!.Contacts, third.Board.Breaker.Pulses));
        Assert.True(third.Meter.Disconnect.OutputState);
    }
}
