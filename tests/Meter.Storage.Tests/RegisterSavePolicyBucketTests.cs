using System.Numerics;
using CsCheck;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// The save policy's rule: a save is due when a register is in another multiple-of-step bucket
/// than at the last save, i.e. floor(current / step) ≠ floor(saved / step) (floor, not
/// truncation: −1 and 0 are in different buckets for any step).
/// </summary>
public class RegisterSavePolicyBucketTests
{
    private static bool Due(long step, long saved, long current)
    {
        var policy = new RegisterSavePolicy(new[] { step });
        policy.MarkSaved(new[] { saved });
        return policy.ShouldSave(new[] { current });
    }

    [Fact]
    public void Bucket_edges_around_zero_and_for_negative_registers()
    {
        // step 10: saved 25 → bucket [20, 29]
        Assert.False(Due(10, 25, 20));
        Assert.False(Due(10, 25, 29));
        Assert.True(Due(10, 25, 19));
        Assert.True(Due(10, 25, 30));
        // saved −5 → bucket floor(−0.5) = −1 → [−10, −1]; 0 is the next bucket
        Assert.False(Due(10, -5, -1));
        Assert.False(Due(10, -5, -10));
        Assert.True(Due(10, -5, 0));
        Assert.True(Due(10, -5, -11));
        // step 1: every change is a save
        Assert.False(Due(1, 7, 7));
        Assert.True(Due(1, 7, 8));
    }

    [Fact]
    public void Buckets_at_the_ends_of_the_long_range()
    {
        // long.MaxValue = 9,223,372,036,854,775,807: with step 10 its bucket starts at …800 and
        // would end at …809, beyond the range.
        Assert.False(Due(10, long.MaxValue, long.MaxValue - 7));
        Assert.True(Due(10, long.MaxValue, long.MaxValue - 8));
        // long.MinValue = −…808: floor(−…808 / 10) = −922,337,203,685,477,581, bucket
        // [−…810, −…801]; its low end is below the range.
        Assert.False(Due(10, long.MinValue, long.MinValue + 7));
        Assert.True(Due(10, long.MinValue, long.MinValue + 8));
    }

    private static BigInteger Floor(long a, long b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        return r != 0 && (r < 0) != (b < 0) ? q - 1 : q;
    }

    [Fact]
    public void Save_is_due_exactly_when_the_floor_bucket_changes()
    {
        var values = Gen.OneOf(Gen.Long[-1000, 1000], Gen.Long, Gen.Long[long.MaxValue - 1000, long.MaxValue], Gen.Long[long.MinValue, long.MinValue + 1000]);
        Gen.Select(Gen.OneOf(Gen.Long[1, 50], Gen.Long[1, long.MaxValue]), values, values).Sample((step, saved, current) =>
            Assert.Equal(Floor(current, step) != Floor(saved, step), Due(step, saved, current)), iter: 20_000);
    }

    [Fact]
    public void Over_a_run_of_saves_the_rule_holds_for_every_register()
    {
        // Registers walk up and down by random amounts (some jump far); the policy is asked every
        // step, saved when due, and must agree with floor buckets of the last saved values.
        var steps = new long[] { 1, 3, 10, 500 };
        Gen.OneOf(Gen.Long[-40, 40], Gen.Long[-5000, 5000], Gen.Long[-1_000_000_000, 1_000_000_000]).Array[4].Array[1, 200].Sample(moves =>
        {
            var policy = new RegisterSavePolicy(steps);
            var current = new long[4];
            var saved = new long[4];
            policy.MarkSaved(current);
            foreach (var move in moves)
            {
                for (int i = 0; i < 4; i++) current[i] += move[i];
                bool due = false;
                for (int i = 0; i < 4; i++) due |= Floor(current[i], steps[i]) != Floor(saved[i], steps[i]);
                Assert.Equal(due, policy.ShouldSave(current));
                if (due)
                {
                    policy.MarkSaved(current);
                    Array.Copy(current, saved, 4);
                }
            }
        }, iter: 500);
    }

    [Fact]
    public void Walking_into_neighbouring_buckets_at_the_ends_of_the_long_range_keeps_the_floor_rule()
    {
        // MarkSaved shifts a bucket by one step when the value moved into the neighbouring one; at
        // the ends of the long range the buckets are cut short (see above) and the shift must not
        // be taken. Walks of ±(0 … 2 steps) from near long.MinValue / long.MaxValue, saving when due.
        var starts = Gen.OneOf(Gen.Long[long.MaxValue - 200, long.MaxValue], Gen.Long[long.MinValue, long.MinValue + 200], Gen.Long[-100, 100]);
        Gen.Select(Gen.Long[1, 40], starts, Gen.Int[-80, 80].Array[1, 60]).Sample((step, start, moves) =>
        {
            var policy = new RegisterSavePolicy(new[] { step });
            long current = start, saved = start;
            policy.MarkSaved(new[] { saved });
            foreach (int move in moves)
            {
                long next = current + move;
                if ((move > 0 && next < current) || (move < 0 && next > current)) continue; // would leave the long range
                current = next;
                bool due = Floor(current, step) != Floor(saved, step);
                Assert.Equal(due, policy.ShouldSave(new[] { current }));
                if (due)
                {
                    policy.MarkSaved(new[] { current });
                    saved = current;
                }
            }
        }, iter: 5000);
    }
}
