using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Obis;
using Meter.Hal.Simulation.Storage;
using Meter.Simulation;
using Meter.Storage;
using Xunit.Abstractions;
using static Meter.Hal.Simulation.Ade7880.SimulatedAde7880;

namespace Meter.Core.Tests;

/// <summary>
/// Calibration written over the OBIS table (1-0:128.K.P, as the optical port's W1) is legal data: it is kept in the
/// NV memory and the chip gets it at its first configuration after a restart on the same memory.
/// </summary>
public class CalibrationPersistenceTests(ITestOutputHelper output)
{
    // 1-0:128.2.1 = AIGAIN (kind 2, phase 1); 1-0:128.4.3 = CPHCAL (kind 4, phase 3).
    private static readonly ObisCode CurrentGainL1 = CalibrationAccess.CodeOf(CalibrationKind.CurrentGain, 1);
    private static readonly ObisCode PhaseCalL3 = CalibrationAccess.CodeOf(CalibrationKind.PhaseCalibration, 3);

    [Fact]
    public void A_calibration_write_survives_a_restart_on_the_same_memory_and_reaches_the_chip_at_its_start()
    {
        OnStateFile(state =>
        {
            using (var first = MeterRig.Start(stateFile: state))
            {
                first.RunFor(TimeSpan.FromSeconds(5));
                Assert.False(first.Meter.Recovery.CalibrationFound);
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(first.Meter, CurrentGainL1, "1000", seal: true));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(first.Meter, PhaseCalL3, "12", seal: true));
                // Logged as before the record: one LegalDataChange a write, detail kind × 16 + phase, old and new value.
                Assert.Equal(2, first.Meter.Storage.Events.CountOf(EventKind.LegalDataChange));
                var e = new EventRecord();
                Assert.True(first.Meter.Storage.Events.TryRead(0, e));
                Assert.Equal((EventKind.LegalDataChange, 4 * 16 + 3, 0L, 12L), (e.Kind, e.Detail, e.OldValue, e.NewValue));
                Assert.True(first.Meter.Storage.Events.TryRead(1, e));
                Assert.Equal((EventKind.LegalDataChange, 2 * 16 + 1, 0L, 1000L), (e.Kind, e.Detail, e.OldValue, e.NewValue));
                first.Stop();
            }
            using var second = MeterRig.Start(stateFile: state);
            var m = second.Meter;
            Assert.True(m.Recovery.CalibrationFound);
            Assert.Equal(0, m.Storage.Events.CountOf(EventKind.StorageRepair));
            Assert.Equal(2, m.Storage.Events.CountOf(EventKind.LegalDataChange)); // a restore is not a change
            Assert.True(m.TryReadCalibration(CalibrationKind.CurrentGain, 1, out int gain));
            Assert.True(m.TryReadCalibration(CalibrationKind.PhaseCalibration, 3, out int phase));
            Assert.Equal((1000, 12), (gain, phase));
            Assert.Equal("(1000)", MeterRig.ValueText(m, CurrentGainL1));
            Assert.Equal(1000u, second.Board.Chip.Peek(Register.AIGAIN));
            // Every other register keeps the preset's value (0 on every preset).
            Assert.True(m.TryReadCalibration(CalibrationKind.CurrentGain, 2, out int other));
            Assert.Equal(0, other);
            Assert.Equal(0u, second.Board.Chip.Peek(Register.BIGAIN));
        });
    }

    [Fact]
    public void A_meter_never_calibrated_keeps_the_preset_calibration_over_a_restart()
    {
        OnStateFile(state =>
        {
            using (var first = MeterRig.Start(stateFile: state))
            {
                first.RunFor(TimeSpan.FromSeconds(5));
                first.Stop();
            }
            using var second = MeterRig.Start(stateFile: state);
            second.RunFor(TimeSpan.FromSeconds(5));
            Assert.False(second.Meter.Recovery.CalibrationFound);
            Assert.Equal(0, second.Meter.Storage.Calibration!.Sequence); // nothing was ever saved
            Assert.Equal(Preset(), Calibration(second.Meter));
            Assert.Equal(0u, second.Board.Chip.Peek(Register.AIGAIN));
        });
    }

    [Fact]
    public void A_save_the_NV_memory_refuses_answers_an_error_and_leaves_the_old_value_on_the_chip_and_in_the_memory()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, CurrentGainL1, "1000", seal: true));
        var nv = (RamNvMemory)host.Board.Nv;
        int record = RegisterRecord.Layout(m.Settings).CalibrationAddress;
        int recordEnd = record + WearLevelledRecord.RegionSize(CalibrationRecord.Length, StorageLayout.CalibrationSlots);
        nv.BeforeWrite = (address, _, _, _) =>
        {
            if (address >= record && address < recordEnd) throw new InvalidOperationException("simulated NV fault");
        };
        Assert.Equal(ObisWriteResult.Rejected, MeterRig.Write(m, CurrentGainL1, "2000", seal: true));
        nv.BeforeWrite = null;
        Assert.True(m.TryReadCalibration(CalibrationKind.CurrentGain, 1, out int value));
        Assert.Equal(1000, value);
        Assert.Equal(1000u, host.Board.Chip.Peek(Register.AIGAIN));
        host.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(1000u, host.Board.Chip.Peek(Register.AIGAIN));
        Assert.Equal(1, m.Storage.Events.CountOf(EventKind.LegalDataChange)); // the refused write is no change

        // The memory as it is now, booted: the value the chip runs on.
        OnStateFile(state =>
        {
            File.WriteAllBytes(state, nv.Snapshot());
            File.WriteAllText(state + ".rtc", host.Board.Rtc.ChipTime.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var rebooted = MeterRig.Start(stateFile: state);
            Assert.True(rebooted.Meter.TryReadCalibration(CalibrationKind.CurrentGain, 1, out int restored));
            Assert.Equal(1000, restored);
        });
    }

    [Fact]
    public void A_power_cut_at_every_byte_of_a_calibration_save_leaves_the_old_or_the_new_complete_set()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        // An old set with a value in every kind, so a mix of two sets would show.
        for (int kind = 1; kind <= CalibrationKind.Count; kind++)
            for (int phase = 1; phase <= 3; phase++)
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, CalibrationAccess.CodeOf(kind, phase), (kind * 10 + phase).ToString(), seal: true));
        int[] oldSet = Calibration(m);
        int before = 0, after = 0;
        long bytes = TornWriteRig.CutDuring(host, "balanced", TornWriteRig.StepFrom("METER_CALIBRATION_CUT_STEP", 1), true,
            () => Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, CurrentGainL1, "-500", seal: true)),
            rebooted =>
            {
                int[] got = Calibration(rebooted);
                Assert.True(rebooted.Recovery.CalibrationFound);
                if (got.SequenceEqual(oldSet)) before++;
                else
                {
                    int[] newSet = (int[])oldSet.Clone();
                    newSet[Index(CalibrationKind.CurrentGain, 1)] = -500;
                    Assert.Equal(newSet, got);
                    after++;
                }
            });
        output.WriteLine($"{bytes} bytes written by the calibration write; cut before it was saved {before} times, after {after} times");
        Assert.True(before > 0 && after > 0);
    }

    // A state file (the NV memory a restarted meter finds), deleted after <paramref name="body"/>.
    private static void OnStateFile(Action<string> body)
    {
        string state = MeterRig.TempState();
        try
        {
            body(state);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    private static int Index(int kind, int phase) => (kind - 1) * 3 + phase - 1;

    private static int[] Preset() => new int[CalibrationKind.Count * 3]; // every preset calibrates with 0 (MeteringChipConfiguration)

    private static int[] Calibration(ElectricityMeter m)
    {
        var values = new int[CalibrationKind.Count * 3];
        for (int kind = 1; kind <= CalibrationKind.Count; kind++)
            for (int phase = 1; phase <= 3; phase++)
            {
                Assert.True(m.TryReadCalibration(kind, phase, out int v));
                values[Index(kind, phase)] = v;
            }
        return values;
    }
}
