using Meter.Device.Tests.Fakes;
using Meter.Hal.Device;
using Meter.Hal.Fram;
using Meter.Hal.Mcp23xxx;

namespace Meter.Device.Tests;

/// <summary>
/// "No allocation in the metering cycle": the device HAL's per-cycle paths allocate nothing once
/// built (nanoFramework's GC stops the world). Measured with the runtime's per-thread allocation
/// counter around 1000 operations against fakes that themselves allocate nothing.
/// </summary>
[Collection(AllocationMeasurement.Collection)]
public class NoAllocationTests
{
    private sealed class NullSpi : Meter.Hal.ISpiDevice
    {
        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer) { }
    }

    private sealed class QuietUart : IUartPort
    {
        public int BaudRate { get; set; } = 300;
        public int BytesToRead => 0;
        public int Read(byte[] buffer, int offset, int count) => 0;
        public void Write(byte[] buffer, int offset, int count) { }
    }

    private static long AllocatedBy(Action action)
    {
        action(); // warm up (JIT, first-call allocations)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Fram_reads_and_writes_allocate_nothing()
    {
        var fram = new SpiFram(new NullSpi(), 262144);
        var buffer = new byte[100];
        Assert.Equal(0, AllocatedBy(() => { fram.Write(1000, buffer, 0, 100); fram.Read(1000, buffer, 0, 100); }));
    }

    [Fact]
    public void Optical_link_reads_and_writes_allocate_nothing()
    {
        var link = new SoftwareParitySerialLink(new QuietUart());
        var buffer = new byte[80];
        Assert.Equal(0, AllocatedBy(() => { link.Write(buffer, 0, 80); link.Read(buffer, 0, 80); _ = link.BytesToRead; }));
    }

    [Fact]
    public void Expander_poll_and_output_writes_allocate_nothing()
    {
        var expander = new Mcp23s17(new NullSpi());
        var relay = expander.OpenOutput(2, false);
        expander.OpenInput(8, true);
        bool level = false;
        Assert.Equal(0, AllocatedBy(() => { expander.Poll(); relay.Write(level = !level); }));
    }

    [Fact]
    public void Signals_and_watchdog_allocate_nothing()
    {
        var signals = new PendingSignals();
        var watchdog = new HeartbeatWatchdog(1);
        int beat = watchdog.Watch("meter", 5000);
        long now = 0;
        Assert.Equal(0, AllocatedBy(() => { signals.Raise(PendingSignals.EnergyReady); signals.TakeAll(); watchdog.Beat(beat, ++now); watchdog.FirstStalled(now); }));
    }
}
