using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

public class FileNvMemoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sto-nv-{Guid.NewGuid():N}.bin");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Registers_and_logs_survive_closing_and_reopening_the_file()
    {
        var layout = new StorageLayout();
        var policy = new RegisterSavePolicy(Enumerable.Repeat(5L, layout.RegisterCount).ToArray());
        var registers = Enumerable.Range(1, layout.RegisterCount).Select(i => (long)i * 1000).ToArray();
        using (var memory = new FileNvMemory(_path, 64 * 1024))
        {
            var storage = new MeterStorage(memory, layout, policy);
            Assert.True(storage.Open(new DateTime(2025, 1, 1)).Formatted);
            storage.SaveRegisters(registers, force: true);
            storage.Events.Log(new DateTime(2025, 1, 1, 8, 0, 0), EventKind.PowerDown, 0, 0, 0);
        }
        using (var memory = new FileNvMemory(_path, 64 * 1024))
        {
            var storage = new MeterStorage(memory, layout, new RegisterSavePolicy(Enumerable.Repeat(5L, layout.RegisterCount).ToArray()));
            var report = storage.Open(new DateTime(2025, 1, 1, 9, 0, 0));
            Assert.False(report.Formatted);
            Assert.Equal(0, report.RepairCount);
            var back = new long[layout.RegisterCount];
            storage.Registers.CopyTo(back);
            Assert.Equal(registers, back);
            Assert.Equal(1, storage.Events.CountOf(EventKind.PowerDown));
        }
        Assert.Throws<InvalidDataException>(() => new FileNvMemory(_path, 32 * 1024));
    }

    [Fact]
    public void A_write_is_in_the_file_at_once_without_a_flush_or_close_and_the_image_follows_the_marker()
    {
        // What kill -9 leaves: the file as any other reader sees it while the memory is still open.
        using var memory = new FileNvMemory(_path, 4096);
        memory.Write(100, [1, 2, 3], 0, 3);
        using var reader = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var file = new byte[reader.Length];
        reader.ReadExactly(file);
        Assert.Equal(NvFileHeader.Size + 4096, file.Length);
        Assert.Equal("METER-NV"u8.ToArray(), file[..8]);
        Assert.Equal(new byte[] { 0xFF, 1, 2, 3, 0xFF }, file[(NvFileHeader.Size + 99)..(NvFileHeader.Size + 104)]);
    }

    [Fact]
    public void A_file_without_the_marker_is_refused_untouched_even_of_the_right_size()
    {
        var foreign = new byte[4096];
        new Random(3).NextBytes(foreign);
        File.WriteAllBytes(_path, foreign);
        var refusal = Assert.Throws<InvalidDataException>(() => new FileNvMemory(_path, 4096));
        Assert.Contains("no \"METER-NV\" marker", refusal.Message);
        Assert.Equal(foreign, File.ReadAllBytes(_path));
    }

    [Fact]
    public void A_memory_formatted_with_another_layout_is_refused_not_overwritten()
    {
        var memory = new RamNvMemory(64 * 1024);
        var layout = new StorageLayout();
        new MeterStorage(memory, layout, new RegisterSavePolicy(new long[layout.RegisterCount].Select(_ => 5L).ToArray())).Open(new DateTime(2025, 1, 1));
        var other = new StorageLayout { EventCapacity = 100 };
        var storage = new MeterStorage(memory, other, new RegisterSavePolicy(new long[other.RegisterCount].Select(_ => 5L).ToArray()));
        Assert.Throws<InvalidOperationException>(() => storage.Open(new DateTime(2025, 1, 1)));
    }
}
