using CsCheck;
using Meter.Device.Tests.Fakes;
using Meter.Hal.Device;
using Meter.Hal.Fram;

namespace Meter.Device.Tests;

public class SpiFramTests
{
    private const int Size = 262144; // MB85RS2MT: 2 Mbit = 256 KiB

    [Fact]
    public void A_256_KiB_part_takes_three_address_bytes_and_an_8_KiB_part_two()
    {
        Assert.Equal(3, new SpiFram(new FramChipModel(Size, 3), Size).AddressBytes);
        Assert.Equal(2, new SpiFram(new FramChipModel(8192, 2), 8192).AddressBytes);
        Assert.Equal(2, new SpiFram(new FramChipModel(65536, 2), 65536).AddressBytes);
    }

    [Fact]
    public void Write_frames_are_wren_then_write_with_the_address_msb_first()
    {
        var chip = new RecordingSpi();
        var fram = new SpiFram(chip, Size);
        fram.Write(0x012345, new byte[] { 0xA1, 0xB2 }, 0, 2);
        Assert.Equal(2, chip.Frames.Count);
        Assert.Equal(new byte[] { 0x06 }, chip.Frames[0]);
        Assert.Equal(new byte[] { 0x02, 0x01, 0x23, 0x45, 0xA1, 0xB2 }, chip.Frames[1]);
    }

    [Fact]
    public void A_100_byte_write_is_four_chunks_of_at_most_32_bytes_each_after_its_own_wren()
    {
        // 100 = 32 + 32 + 32 + 4 → 4 × (WREN + WRITE) = 8 frames; the model rejects a WRITE without WEL.
        var chip = new FramChipModel(Size, 3);
        var fram = new SpiFram(chip, Size);
        var data = Enumerable.Range(0, 100).Select(i => (byte)(i * 7)).ToArray();
        fram.Write(1000, data, 0, 100);
        Assert.Equal(8, chip.Frames);
        Assert.Equal(0, chip.RejectedWrites);
        Assert.Equal(data, chip.Memory.Skip(1000).Take(100));
        Assert.Equal(0, chip.Memory[999]);
        Assert.Equal(0, chip.Memory[1100]);
    }

    [Fact]
    public void Random_writes_then_reads_return_what_was_written()
    {
        Gen.Int[0, Size - 1].SelectMany(a => Gen.Int[0, Math.Min(300, Size - a)].SelectMany(n => Gen.Byte.Array[n].Select(d => (a, d))))
            .Sample(t =>
            {
                var (address, data) = t;
                var chip = new FramChipModel(Size, 3);
                var fram = new SpiFram(chip, Size);
                var padded = new byte[data.Length + 3];
                data.CopyTo(padded, 2);
                fram.Write(address, padded, 2, data.Length);
                var back = new byte[data.Length + 1];
                fram.Read(address, back, 1, data.Length);
                return back.Skip(1).SequenceEqual(data) && chip.RejectedWrites == 0 &&
                       chip.Memory.Skip(address).Take(data.Length).SequenceEqual(data);
            }, iter: 200);
    }

    [Fact]
    public void The_last_byte_is_reachable_and_one_past_the_end_is_refused()
    {
        var chip = new FramChipModel(Size, 3);
        var fram = new SpiFram(chip, Size);
        fram.Write(Size - 1, new byte[] { 0x5A }, 0, 1);
        Assert.Equal(0x5A, chip.Memory[Size - 1]);
        int frames = chip.Frames;
        Assert.Throws<ArgumentOutOfRangeException>(() => fram.Write(Size - 1, new byte[2], 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => fram.Read(-1, new byte[1], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => fram.Read(0, new byte[4], 3, 2));
        Assert.Equal(frames, chip.Frames); // nothing reached the bus
    }

    [Fact]
    public void Device_id_is_read_and_a_missing_chip_is_named()
    {
        var chip = new FramChipModel(Size, 3);
        var fram = new SpiFram(chip, Size);
        var id = new byte[4];
        fram.ReadDeviceId(id);
        Assert.Equal(new byte[] { 0x04, 0x7F, 0x28, 0x03 }, id);

        chip.Id = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }; // MISO pulled high: no chip answering
        var e = Assert.Throws<InvalidOperationException>(() => fram.ReadDeviceId(id));
        Assert.Contains("Fujitsu", e.Message);
    }

    [Fact]
    public void Reports_fram_characteristics()
    {
        var fram = new SpiFram(new FramChipModel(Size, 3), Size);
        Assert.Equal(Size, fram.Size);
        Assert.Equal(1, fram.PageSize);
        Assert.Equal(10_000_000_000_000L, fram.WriteEndurance);
    }

    private sealed class RecordingSpi : Meter.Hal.ISpiDevice
    {
        public List<byte[]> Frames { get; } = new();
        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer) => Frames.Add((byte[])writeBuffer.Clone());
    }
}
