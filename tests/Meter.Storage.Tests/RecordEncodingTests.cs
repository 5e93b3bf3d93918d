using CsCheck;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// The register record's commit computes its CRC from the values and re-encodes only the values
/// that changed since the previous commit: the bytes on NV must stay exactly the layout
/// <c>sequence (4, LE) | values (8 each, LE) | CRC-32 (4, LE)</c>, built here independently
/// (BitConverter little-endian bytes, CRC bit by bit from its definition).
/// </summary>
public class RecordEncodingTests
{
    private static uint BitwiseCrc32(byte[] data, int count)
    {
        uint crc = 0xFFFFFFFF;
        for (int i = 0; i < count; i++)
        {
            crc ^= data[i];
            for (int b = 0; b < 8; b++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }

    private static byte[] ReferenceSlot(uint sequence, long[] values)
    {
        var bytes = new List<byte>(BitConverter.GetBytes(sequence));
        foreach (long v in values) bytes.AddRange(BitConverter.GetBytes(v));
        Assert.True(BitConverter.IsLittleEndian); // GetBytes gives the NV byte order only on a little-endian host
        byte[] body = bytes.ToArray();
        return body.Concat(BitConverter.GetBytes(BitwiseCrc32(body, body.Length))).ToArray();
    }

    [Fact]
    public void Crc32_from_values_equals_the_CRC_of_their_little_endian_bytes()
    {
        Gen.Select(Gen.UInt, Gen.Long.Array[0, 80]).Sample((sequence, values) =>
        {
            byte[] slot = ReferenceSlot(sequence, values);
            uint fromValues = Crc32.Finish(Crc32.AppendInt64s(Crc32.AppendUInt32(Crc32.Seed, sequence), values, 0, values.Length));
            Assert.Equal(BitwiseCrc32(slot, slot.Length - 4), fromValues);
            Assert.Equal(Crc32.Compute(slot, 0, slot.Length - 4), fromValues);
        }, iter: 2000);
    }

    [Fact]
    public void Crc32_in_two_chains_equals_the_CRC_of_the_little_endian_bytes()
    {
        // Odd and even counts, with an offset: the second chain starts from 0 and is joined by the zero shift.
        Gen.Select(Gen.UInt, Gen.Long.Array[0, 80], Gen.Int[0, 3]).Sample((sequence, values, skip) =>
        {
            int offset = Math.Min(skip, values.Length);
            int count = values.Length - offset;
            byte[] bytes = BitConverter.GetBytes(sequence).Concat(values.Skip(offset).SelectMany(BitConverter.GetBytes)).ToArray();
            uint[] shift = Crc32.ZeroShiftTable(8 * (count - count / 2));
            uint twoChains = Crc32.Finish(Crc32.AppendInt64sTwoChains(Crc32.AppendUInt32(Crc32.Seed, sequence), values, offset, count, shift));
            Assert.Equal(BitwiseCrc32(bytes, bytes.Length), twoChains);
        }, iter: 2000);
    }

    [Fact]
    public void Zero_shift_table_does_what_that_many_zero_bytes_do_to_the_register()
    {
        // Hand-checkable ends: 0 bytes is the identity; one zero byte from register 1 is table entry 1
        // (0x77073096, the reflected CRC-32 table's second entry); and a register run over 13 zero bytes bitwise.
        Assert.Equal(0xDEADBEEFu, Crc32.Shift(Crc32.ZeroShiftTable(0), 0xDEADBEEF));
        Assert.Equal(0x77073096u, Crc32.Shift(Crc32.ZeroShiftTable(1), 1));
        uint r = 0xCAFEF00D;
        uint expected = r;
        for (int n = 0; n < 13 * 8; n++) expected = (expected & 1) != 0 ? 0xEDB88320 ^ (expected >> 1) : expected >> 1;
        Assert.Equal(expected, Crc32.Shift(Crc32.ZeroShiftTable(13), r));
        Assert.Throws<ArgumentException>(() => Crc32.ZeroShiftTable(-1));
    }

    [Fact]
    public void Crc32_from_a_range_of_values_covers_only_that_range()
    {
        // Offset and count: values [2, 5) of seven give the CRC of those three values' 24 bytes.
        long[] values = { 1, -1, 0x0102030405060708, long.MinValue, long.MaxValue, 42, -42 };
        byte[] bytes = values.Skip(2).Take(3).SelectMany(BitConverter.GetBytes).ToArray();
        Assert.Equal(BitwiseCrc32(bytes, bytes.Length), Crc32.Finish(Crc32.AppendInt64s(Crc32.Seed, values, 2, 3)));
    }

    [Fact]
    public void Every_commit_writes_the_reference_bytes_whatever_changed_since_the_previous_one()
    {
        // Runs of commits where a few values change (as the register record's energy registers and
        // clock do), all change, or none; now and then the same object recovers again (its slot
        // buffer then holds another slot's bytes) or a commit is cut by a power failure and the
        // next one goes on from the same object.
        const int valueCount = 61, slotCount = 4;
        var step = Gen.Select(Gen.Int[0, 9], Gen.Int[0, valueCount - 1].Array[0, 20], Gen.Long);
        step.Array[1, 60].Sample(steps =>
        {
            var memory = new RamNvMemory(WearLevelledRecord.RegionSize(valueCount, slotCount) + 64);
            var record = new WearLevelledRecord(memory, 32, valueCount, slotCount);
            record.Recover();
            var values = new long[valueCount];
            foreach (var (kind, changed, seed) in steps)
            {
                if (kind == 0) for (int i = 0; i < valueCount; i++) values[i] = seed + i * 7919L;
                else foreach (int i in changed) values[i] += seed % 1000 + 1;
                if (kind == 1) record.Recover();
                if (kind == 2)
                {
                    memory.CutAtByteWrite = memory.ByteWrites + (seed & 0xFF);
                    try { record.Commit(values); } catch (PowerCutException) { }
                    memory.CutAtByteWrite = -1;
                    record.Recover(); // the device reboots after a cut
                    continue;
                }
                long sequenceBefore = record.Sequence;
                record.Commit(values);
                Assert.Equal(sequenceBefore + 1, record.Sequence);
                int slotSize = WearLevelledRecord.SlotSize(valueCount);
                var stored = new byte[slotSize];
                memory.Read(32 + (int)(record.Sequence % slotCount) * slotSize, stored, 0, slotSize);
                Assert.Equal(ReferenceSlot((uint)record.Sequence, values), stored);
                for (int i = 0; i < valueCount; i++) Assert.Equal(values[i], record[i]);
            }
        }, iter: 200);
    }

    [Fact]
    public void A_cut_commit_leaves_the_previous_values_in_the_record_object()
    {
        var memory = new RamNvMemory(4096);
        var record = new WearLevelledRecord(memory, 0, 3, 4);
        record.Recover();
        record.Commit(new long[] { 1, 2, 3 });
        memory.CutAtByteWrite = memory.ByteWrites + 10; // inside the next slot's values
        Assert.Throws<PowerCutException>(() => record.Commit(new long[] { 1, 5, 3 }));
        Assert.Equal(1, record.Sequence);
        Assert.Equal(new long[] { 1, 2, 3 }, new[] { record[0], record[1], record[2] });
        // Committing again from the same object writes complete bytes (the value that changed included).
        record.Commit(new long[] { 1, 5, 3 });
        var stored = new byte[WearLevelledRecord.SlotSize(3)];
        memory.Read(2 * stored.Length, stored, 0, stored.Length);
        Assert.Equal(ReferenceSlot(2, new long[] { 1, 5, 3 }), stored);
    }
}
