using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

public class FileNvMemoryTests
{
    [Fact]
    public void Registers_and_logs_survive_closing_and_reopening_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sto-nv-{Guid.NewGuid():N}.bin");
        try
        {
            var layout = new StorageLayout();
            var policy = new RegisterSavePolicy(Enumerable.Repeat(5L, layout.RegisterCount).ToArray());
            var registers = Enumerable.Range(1, layout.RegisterCount).Select(i => (long)i * 1000).ToArray();
            using (var memory = new FileNvMemory(path, 64 * 1024))
            {
                var storage = new MeterStorage(memory, layout, policy);
                Assert.True(storage.Open(new DateTime(2025, 1, 1)).Formatted);
                storage.SaveRegisters(registers, force: true);
                storage.Events.Log(new DateTime(2025, 1, 1, 8, 0, 0), EventKind.PowerDown, 0, 0, 0);
            }
            using (var memory = new FileNvMemory(path, 64 * 1024))
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
            Assert.Throws<InvalidDataException>(() => new FileNvMemory(path, 32 * 1024));
        }
        finally
        {
            File.Delete(path);
        }
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
