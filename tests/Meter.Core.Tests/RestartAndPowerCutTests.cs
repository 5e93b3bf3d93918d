using Meter.Metrology;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>The register record over a restart (NV memory in a file) and over a power cut without the mains-fail save.</summary>
public class RestartAndPowerCutTests
{
    [Fact]
    public void Restart_from_the_state_file_resumes_every_register_exactly()
    {
        string state = MeterRig.TempState();
        try
        {
            long[] before;
            long utcBefore;
            using (var first = MeterRig.Start("unbalanced", state))
            {
                first.RunFor(TimeSpan.FromHours(2));
                first.Stop(); // mains-fail signal: registers saved now
                before = MeterRig.Snapshot(first.Meter);
                utcBefore = first.Meter.UtcSeconds;
            }
            using var second = MeterRig.Start("unbalanced", state);
            Assert.True(second.Meter.Recovery.RegistersFound);
            Assert.Equal(before, MeterRig.Snapshot(second.Meter));
            // The battery-backed clock continued from where it stopped (sidecar .rtc file).
            Assert.Equal(utcBefore, second.Meter.UtcSeconds);
            Assert.True(second.Meter.Storage.Events.CountOf(EventKind.PowerUp) >= 2);
            Assert.Equal(1, second.Meter.Storage.Events.CountOf(EventKind.PowerDown));

            // Metering goes on from the restored values: one more hour adds about one hour of load.
            long aPlus = MeterRig.Wh(second.Meter, EnergyRegister.ActiveImport);
            second.RunFor(TimeSpan.FromHours(1));
            // unbalanced: 230 × (5 cos10° + 10 cos25° + 2 cos0°) = 230 × (4.924 + 9.063 + 2) = 3677.1 W
            Assert.InRange(MeterRig.Wh(second.Meter, EnergyRegister.ActiveImport) - aPlus, 3677.1 * 0.9998 - 1, 3677.1 * 1.0002 + 1);

            // The next profile interval after the restart is marked "power failure".
            var reader = new LoadProfileReader(second.Meter.Storage.Profile);
            var entry = new ProfileEntry(4);
            ProfileEntry? last = null;
            var flagged = new List<int>();
            while (reader.Next(entry)) { flagged.Add(entry.Status); last = entry; }
            Assert.Contains(flagged, s => (s & IntervalStatus.PowerFailure) != 0);
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".rtc");
        }
    }

    [Fact]
    public void A_power_cut_without_the_mains_fail_save_loses_less_than_one_Wh_per_register_and_duplicates_nothing()
    {
        string state = MeterRig.TempState();
        try
        {
            long[] whBefore;
            using (var first = MeterRig.Start("inductive", state))
            {
                // 37 min 23 s: not on a profile boundary, so the last forced save is older.
                first.RunFor(TimeSpan.FromSeconds(37 * 60 + 23));
                whBefore = WhRegisters(first.Meter);
                first.CutPower();
            }
            using var second = MeterRig.Start("inductive", state);
            long[] whAfter = WhRegisters(second.Meter);
            // Stated bound (Meter.Storage RegisterSavePolicy): loss < save step + energy metered
            // during one record write; the step is half a Wh (RegisterRecord.SaveSteps) and the
            // simulated write takes no time, so the loss is below one Wh — the display's last digit.
            for (int i = 0; i < whBefore.Length; i++)
            {
                Assert.True(whAfter[i] <= whBefore[i], $"register {i} grew over the cut: {whBefore[i]} → {whAfter[i]}");
                Assert.True(whBefore[i] - whAfter[i] <= 1, $"register {i} lost {whBefore[i] - whAfter[i]} Wh");
            }
            Assert.True(whBefore[0] > 0);
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".rtc");
        }
    }

    [Fact]
    public void The_mains_fail_save_includes_the_energy_the_chip_metered_since_the_last_cycle()
    {
        // The ADE7880 accumulates between cycles; what it holds when the mains fails would die
        // with it. Measure one full 1-s cycle, let the chip run 0.9 s more without a cycle, then
        // signal mains-fail: the restored A+ register must hold 0.9 of a cycle more than before.
        string state = MeterRig.TempState();
        int aPlusTotal = (int)EnergyRegister.ActiveImport * MeterChannel.Count + MeterChannel.Total;
        try
        {
            long beforeFail, perCycle, a;
            using (var first = MeterRig.Start("balanced", state))
            {
                first.RunFor(TimeSpan.FromSeconds(60));
                a = MeterRig.Snapshot(first.Meter)[aPlusTotal];
                first.RunFor(TimeSpan.FromSeconds(1));
                perCycle = MeterRig.Snapshot(first.Meter)[aPlusTotal] - a;
                first.Board.Chip.Advance(900_000); // 0.9 s of metering not yet read
                beforeFail = MeterRig.Snapshot(first.Meter)[aPlusTotal];
                first.Stop(); // mains-fail signal
            }
            Assert.True(perCycle > 100, $"one cycle added only {perCycle} counts (a = {a})");
            using var second = MeterRig.Start("balanced", state);
            long restored = MeterRig.Snapshot(second.Meter)[aPlusTotal];
            long expected = perCycle * 9 / 10;
            Assert.InRange(restored - beforeFail, expected - expected / 100 - 1, expected + expected / 100 + 1);
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".rtc");
        }
    }

    [Fact]
    public void A_mains_fail_signal_stamped_before_the_last_tick_still_saves_the_registers()
    {
        // A late (reordered) mains-fail call must not lose the save: the meter reads the chip at
        // the last tick's time instead of refusing time that went backwards.
        string state = MeterRig.TempState();
        int aPlusTotal = (int)EnergyRegister.ActiveImport * MeterChannel.Count + MeterChannel.Total;
        try
        {
            long beforeFail;
            using (var first = MeterRig.Start("balanced", state))
            {
                first.RunFor(TimeSpan.FromSeconds(60));
                long t = first.VirtualMilliseconds;
                first.Meter.Tick(t + 1_000); // the meter has seen time one second ahead of the mains-fail stamp
                beforeFail = MeterRig.Snapshot(first.Meter)[aPlusTotal];
                first.Meter.OnMainsFail(t);
                Assert.True(MeterRig.Snapshot(first.Meter)[aPlusTotal] >= beforeFail);
                first.CutPower(); // nothing more is written after the signal
            }
            using var second = MeterRig.Start("balanced", state);
            Assert.True(MeterRig.Snapshot(second.Meter)[aPlusTotal] >= beforeFail, "the mains-fail save was lost");
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".rtc");
        }
    }

    private static long[] WhRegisters(ElectricityMeter m)
    {
        var r = new List<long>();
        foreach (EnergyRegister register in Enum.GetValues<EnergyRegister>())
            r.Add(MeterRig.Wh(m, register));
        for (int t = 0; t < 2; t++) r.Add(m.Metering.Accumulator.ReadTariffActiveImport(t, true, 0));
        return r.ToArray();
    }
}
