using Meter.Boards;
using Meter.Hal.Simulation.Board;
using static Meter.Core.Tests.HdlcTestFrames;

namespace Meter.Core.Tests;

/// <summary>
/// Issue 18's performance rule on the meter's HDLC port (<see cref="HdlcSerialPort"/> under <see cref="ModulePort"/>):
/// after start-up, a request (an I frame with a GET, its answer, the client's RR) allocates nothing.
/// </summary>
[Collection(AllocationMeasurement.Collection)]
public class HdlcPortAllocationTests
{
    [Fact]
    public void GET_requests_through_the_HDLC_port_allocate_nothing_after_warm_up()
    {
        var link = new MemorySerialLink();
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        SimulatedBoard board = SimulatedBoard.For(preset, SerialMeterRig.Start).WithModuleLink(link).WithoutInputs().Build();
        var meter = new ElectricityMeter(PresetSettings.FromPreset(preset), board.Hardware());
        meter.Start(0, SerialMeterRig.Start);
        long now = 1;
        int answered = 0;
        void Exchange(byte[] frame)
        {
            link.Inject(frame, frame.Length);
            now += 20;
            meter.Module.Poll(now);
            answered += link.SentCount > 0 ? 1 : 0;
            link.ClearSent();
        }
        Exchange(Snrm);
        Exchange(Aarq);
        // The same GET again and again, N(S) = N(R) = 1..7, 0.. as the client counts after the AARQ (control
        // 0x10 | N(R) << 5 | N(S) << 1), the frame rebuilt with its CRCs once per sequence number, before measuring.
        var frames = new byte[8][];
        for (int ns = 0; ns < 8; ns++) frames[ns] = WithSequence(Get, ns, ns);
        for (int i = 1; i < 9; i++) Exchange(frames[i & 7]); // warm-up: every path once
        // 200 GETs a run (25 rounds of the 8 sequence numbers), the least of up to three runs (AllocationMeasurement).
        int runs = 0;
        long allocated = AllocationMeasurement.LeastBytesAllocated(_ =>
        {
            runs++;
            for (int i = 9; i < 209; i++) Exchange(frames[i & 7]);
        });
        Assert.Equal(0, allocated);
        Assert.Equal(10 + 200 * runs, answered); // UA, AARE, the warm-up and every GET answered
        Assert.Equal(Meter.Dlms.HdlcLinkState.Connected, meter.Module.Port.Link.State);
    }

    // The GET frame with control I(N(S), N(R), P) and its HCS and FCS recomputed (CRC-16/X.25, bitwise, not the firmware's).
    private static byte[] WithSequence(byte[] frame, int ns, int nr)
    {
        byte[] f = (byte[])frame.Clone();
        f[5] = (byte)(0x10 | (nr << 5) | (ns << 1));
        Put(f, 6, Crc(f, 1, 5));
        Put(f, f.Length - 3, Crc(f, 1, f.Length - 4));
        return f;
    }

    private static void Put(byte[] f, int at, int crc)
    {
        f[at] = (byte)crc;
        f[at + 1] = (byte)(crc >> 8);
    }

    private static int Crc(byte[] data, int offset, int count)
    {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + count; i++)
        {
            crc ^= data[i];
            for (int b = 0; b < 8; b++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
        }
        return crc ^ 0xFFFF;
    }
}
