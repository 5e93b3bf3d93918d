using CsCheck;
using Meter.Hal.Simulation.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// The simulated NV memory counts wear per written range and adds it to the per-byte counters
/// only when they are read: the counts must be what counting every byte at every write gives
/// (counted here by the test itself), with power cuts inside writes and more distinct ranges
/// than the memory keeps pending.
/// </summary>
[Collection(AllocationMeasurement.Collection)]
public class RamNvMemoryWearTests
{
    [Fact]
    public void Wear_counters_equal_a_count_of_every_byte_written()
    {
        const int size = 512;
        var write = Gen.Select(Gen.Int[0, size - 1], Gen.Int[0, 64], Gen.Int[0, 30]);
        write.Array[1, 300].Sample(writes =>
        {
            var memory = new RamNvMemory(size);
            var expected = new long[size];
            var data = new byte[64];
            foreach (var (address, length, cutChance) in writes)
            {
                int count = Math.Min(length, size - address);
                int cutAt = cutChance == 0 && count > 0 ? count / 2 : -1; // now and then a cut halfway
                if (cutAt >= 0) memory.CutAtByteWrite = memory.ByteWrites + cutAt;
                try
                {
                    memory.Write(address, data, 0, count);
                }
                catch (PowerCutException)
                {
                }
                int stored = cutAt >= 0 ? cutAt : count; // bytes before the cut are written, the rest not
                for (int i = 0; i < stored; i++) expected[address + i]++;
                if (cutChance == 1) Assert.Equal(expected[address], memory.WritesAt(address)); // a read in between
            }
            for (int a = 0; a < size; a++) Assert.Equal(expected[a], memory.WritesAt(a));
            Assert.Equal(expected.Max(), memory.MaxWritesOnOneByte);
        }, iter: 300);
    }

    [Fact]
    public void Writes_to_new_ranges_allocate_nothing()
    {
        // The meter's allocation test runs over this memory: profile appends write new ranges.
        var data = new byte[8];
        // JIT and first use of both paths, in another memory: a write, and the flush of the pending
        // wear ranges that the measured loop below reaches too (run alone, the first flush in the
        // process would otherwise count its one-off runtime allocations).
        var warmUp = new RamNvMemory(8192);
        for (int a = 0; a < 3000; a++) warmUp.Write(a, data, 0, 1 + a % 8);
        var memory = new RamNvMemory(8192);
        memory.Write(0, data, 0, 8);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int a = 0; a < 3000; a++) memory.Write(a, data, 0, 1 + a % 8);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Many_distinct_ranges_are_counted_exactly()
    {
        // 10 000 one- and two-byte writes at distinct (address, length) pairs: more than the
        // memory keeps pending, so it flushes on the way. Byte a is written by (a, 1), (a, 2) and
        // (a − 1, 2): 3 times, except byte 0 (twice: no (−1, 2)) and the last byte written.
        var memory = new RamNvMemory(8192);
        var data = new byte[2];
        for (int a = 0; a < 5000; a++)
        {
            memory.Write(a, data, 0, 1);
            memory.Write(a, data, 0, 2);
        }
        Assert.Equal(2, memory.WritesAt(0));
        Assert.Equal(3, memory.WritesAt(1));
        Assert.Equal(3, memory.WritesAt(4999));
        Assert.Equal(1, memory.WritesAt(5000)); // only from (4999, 2)
        Assert.Equal(0, memory.WritesAt(5001));
        Assert.Equal(3, memory.MaxWritesOnOneByte);
        memory.ResetStatistics();
        Assert.Equal(0, memory.MaxWritesOnOneByte);
    }
}
