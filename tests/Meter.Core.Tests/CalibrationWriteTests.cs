using Meter.Hal.Ade7880;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;
using Meter.Simulation;
using static Meter.Hal.Simulation.Ade7880.SimulatedAde7880;

namespace Meter.Core.Tests;

/// <summary>
/// A calibration register written over the OBIS table (as the optical port's W1 does): the running
/// ADE7880 takes it in place, without a reset, and the change is logged once with its old and new value.
/// </summary>
public class CalibrationWriteTests
{
    // 1-0:128.2.1 = AIGAIN (kind 2 = current gain, phase 1): detail 2 × 16 + 1 = 33.
    private static readonly ObisCode CurrentGainL1 = new(1, 0, CalibrationAccess.CalibrationGroup, 2, 1, 255);

    private static VirtualMeterHost Start() => new(new VirtualMeterOptions
    {
        Preset = "direct-5-105a",
        Load = "balanced",
        Optical = "none",
        SealOpen = true,
        Start = MeterRig.WednesdayMidnightLocal,
    });

    [Fact]
    public void A_gain_write_reaches_the_running_chip_without_a_reset_and_is_logged_once()
    {
        using var host = Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(10));
        int resets = host.Board.Chip.Resets;
        long logged = m.Storage.Events.TotalLogged;

        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, CurrentGainL1, "1000", seal: true));
        // What the optical server reports after an accepted W1 (OpticalServer: WriteAccepted with the code).
        m.Events.Record(OpticalEventKind.WriteAccepted, 0, CurrentGainL1, 0);
        host.RunFor(TimeSpan.FromSeconds(10));

        Assert.Equal(1000u, host.Board.Chip.Peek(Register.AIGAIN));
        Assert.Equal(resets, host.Board.Chip.Resets);
        for (int p = 0; p < 3; p++) Assert.Equal(0, host.Board.Chip.LostCounts[Active, p]);
        Assert.Equal(0, m.Metering.ChipFaults);
        Assert.Equal(0, m.Metering.Chip.ResetsRecovered); // no "configuration changed" recovery either
        Assert.Equal(logged + 1, m.Storage.Events.TotalLogged);
        var e = new EventRecord();
        Assert.True(m.Storage.Events.TryRead(0, e));
        Assert.Equal((EventKind.LegalDataChange, 33, 0L, 1000L), (e.Kind, e.Detail, e.OldValue, e.NewValue));
    }

    [Fact]
    public void A_write_the_chip_does_not_take_is_rejected_keeps_the_old_value_and_logs_no_change()
    {
        using var host = Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        host.Board.Chip.Missing = true;
        Assert.Equal(ObisWriteResult.Rejected, MeterRig.Write(m, CurrentGainL1, "1000", seal: true));
        Assert.True(m.TryReadCalibration(2, 1, out int value));
        Assert.Equal(0, value);
        Assert.Equal(0, m.Storage.Events.CountOf(EventKind.LegalDataChange));

        // The chip back: the next cycle starts it from the configuration, with the old gain.
        host.Board.Chip.Missing = false;
        host.RunFor(TimeSpan.FromSeconds(5));
        Assert.True(m.Metering.Chip.IsRunning);
        Assert.Equal(0u, host.Board.Chip.Peek(Register.AIGAIN));
    }
}
