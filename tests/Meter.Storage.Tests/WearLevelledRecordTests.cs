using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

public class WearLevelledRecordTests
{
    [Fact]
    public void Newest_commit_survives_a_reboot()
    {
        var memory = new RamNvMemory(4096);
        var record = new WearLevelledRecord(memory, 100, 3, 4);
        Assert.False(record.Recover()); // blank memory: nothing committed, nothing torn
        Assert.Equal(0, record.TornSlots);
        record.Commit(new long[] { 1, 2, 3 });
        record.Commit(new long[] { 4, 5, -6 });

        var rebooted = new WearLevelledRecord(memory, 100, 3, 4);
        Assert.True(rebooted.Recover());
        Assert.Equal(2, rebooted.Sequence);
        Assert.Equal(new long[] { 4, 5, -6 }, new[] { rebooted[0], rebooted[1], rebooted[2] });
    }

    [Fact]
    public void Commits_rotate_over_all_slots_so_each_takes_an_equal_share_of_the_wear()
    {
        var memory = new RamNvMemory(4096);
        const int slots = 8;
        var record = new WearLevelledRecord(memory, 0, 2, slots);
        record.Recover();
        for (int i = 0; i < 80; i++) record.Commit(new long[] { i, 2 * i });
        // 80 commits over 8 slots: every byte of every slot written 80 / 8 = 10 times.
        int slotSize = WearLevelledRecord.SlotSize(2); // 4 + 16 + 4 = 24
        Assert.Equal(24, slotSize);
        for (int s = 0; s < slots; s++) Assert.Equal(10, memory.WritesAt(s * slotSize));
    }

    [Fact]
    public void A_cut_at_every_byte_of_a_commit_leaves_the_old_or_the_new_value()
    {
        int slotSize = WearLevelledRecord.SlotSize(2);
        for (int cut = 0; cut <= slotSize; cut++)
        {
            var memory = new RamNvMemory(1024);
            var record = new WearLevelledRecord(memory, 0, 2, 2);
            record.Recover();
            record.Commit(new long[] { 10, 20 });
            record.Commit(new long[] { 11, 21 });
            memory.CutAtByteWrite = memory.ByteWrites + cut;
            bool cutHappened = false;
            try { record.Commit(new long[] { 12, 22 }); }
            catch (PowerCutException) { cutHappened = true; }
            Assert.Equal(cut < slotSize, cutHappened);

            var rebooted = new WearLevelledRecord(memory, 0, 2, 2);
            Assert.True(rebooted.Recover());
            if (cut < slotSize)
            {
                Assert.Equal(11, rebooted[0]);
                Assert.Equal(21, rebooted[1]);
                // Any bytes written at all make the slot torn; a cut before the first byte leaves the old (valid) record.
                Assert.Equal(cut == 0 ? 0 : 1, rebooted.TornSlots);
            }
            else
            {
                Assert.Equal(12, rebooted[0]);
                Assert.Equal(22, rebooted[1]);
            }
            // The torn slot was erased: a second boot reports nothing.
            var again = new WearLevelledRecord(memory, 0, 2, 2);
            again.Recover();
            Assert.Equal(0, again.TornSlots);
        }
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var memory = new RamNvMemory(64);
        Assert.Throws<ArgumentException>(() => new WearLevelledRecord(memory, 0, 2, 1));
        Assert.Throws<ArgumentException>(() => new WearLevelledRecord(memory, 0, 0, 2));
        Assert.Throws<ArgumentException>(() => new WearLevelledRecord(memory, 40, 2, 2)); // 40 + 48 > 64
        var record = new WearLevelledRecord(memory, 0, 2, 2);
        Assert.Throws<ArgumentException>(() => record.Commit(new long[3]));
    }
}

public class RegisterSavePolicyTests
{
    [Fact]
    public void Saves_when_a_register_crosses_a_half_digit_step()
    {
        // Display 0.01 kWh = 10 Wh; step = 5 Wh.
        long step = RegisterSavePolicy.StepForDisplayDigit(10);
        Assert.Equal(5, step);
        var policy = new RegisterSavePolicy(new[] { step, step });
        Assert.True(policy.ShouldSave(new long[] { 0, 0 })); // never saved
        policy.MarkSaved(new long[] { 12, 3 });
        Assert.False(policy.ShouldSave(new long[] { 14, 4 })); // 12→14 stays in [10,15), 3→4 in [0,5)
        Assert.True(policy.ShouldSave(new long[] { 15, 4 })); // 15 enters [15,20)
        Assert.True(policy.ShouldSave(new long[] { 12, 5 }));
        Assert.True(policy.ShouldSaveOnMainsFail());
    }

    [Theory]
    // Full load of a 3 × 230 V × 105 A meter with 1-s cycles: 72 450 W · 1 s / 3600 = 20.125 Wh
    // a cycle, 21 Wh rounded up. Bound = ½ digit + 2 · 21 Wh.
    [InlineData(1000, 21, 542, true)] // 7.0 kWh display (seeds' legal display): 500 + 42 < 1000
    [InlineData(100, 21, 92, true)] // 0.1 kWh: 50 + 42 < 100
    [InlineData(10, 21, 47, false)] // 0.01 kWh: 5 + 42 > 10, needs the mains-fail save
    [InlineData(2, 21, 43, false)] // 0.002 kWh: 1 + 42 > 2
    // Light load, 180 W: 0.05 Wh a cycle, 1 Wh rounded up: 0.01 kWh digit: 5 + 2 < 10.
    [InlineData(10, 1, 7, true)]
    public void Worst_case_loss_without_the_mains_fail_save_is_half_a_digit_plus_two_cycles(long digit, long energyPerCycle, long expected, bool belowOneDigit)
    {
        long loss = RegisterSavePolicy.WorstCaseLoss(RegisterSavePolicy.StepForDisplayDigit(digit), energyPerCycle);
        Assert.Equal(expected, loss);
        Assert.Equal(belowOneDigit, loss < digit);
    }

    [Fact]
    public void A_register_never_gets_further_than_one_step_ahead_of_its_last_save()
    {
        // The first half of the bound, checked on a random walk of cycle increments: after every
        // cycle either a save happens or RAM − saved < step.
        const long step = 50;
        var policy = new RegisterSavePolicy(new[] { step });
        var rng = new Random(5);
        long ram = 0, saved = 0;
        policy.MarkSaved(new[] { saved });
        for (int cycle = 0; cycle < 100_000; cycle++)
        {
            ram += rng.Next(0, 121); // up to 120 units a cycle: more than two steps
            if (policy.ShouldSave(new[] { ram })) { saved = ram; policy.MarkSaved(new[] { saved }); }
            Assert.InRange(ram - saved, 0, step - 1);
        }
    }

    [Fact]
    public void Rejects_bad_steps()
    {
        Assert.Throws<ArgumentException>(() => new RegisterSavePolicy(new long[] { 5, 0 }));
        Assert.Throws<ArgumentException>(() => RegisterSavePolicy.StepForDisplayDigit(1));
        var policy = new RegisterSavePolicy(new long[] { 5 });
        Assert.Throws<ArgumentException>(() => policy.ShouldSave(new long[2]));
    }
}
