using Meter.Boards;
using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Serial;

namespace Meter.Core.Tests;

/// <summary>
/// The assembled meter's optical port offers 19200 Bd in mode C (baud character '6', IEC 62056-21
/// §6.3.14) and answers the option select after the minimum reaction time tr = 200 ms (§5.3), not
/// 300 ms: before, it offered 9600 Bd ('5') and waited 300 ms, so the readout took 2.62 s.
/// </summary>
public class OpticalReadoutSpeedTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void Mode_C_readout_at_19200_baud_starts_tr_after_the_option_select()
    {
        var pair = new VirtualSerialPair(300);
        var start = new DateTime(2025, 1, 14, 23, 0, 0, DateTimeKind.Utc);
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        SimulatedBoard board = SimulatedBoard.For(preset, start).WithOpticalLink(pair.Meter).WithoutInputs().Build();
        var meter = new ElectricityMeter(PresetSettings.FromPreset(preset), board.Hardware()) { OpticalPortOnOwnClock = true };
        meter.Start(0, start);
        var received = new List<byte>();
        void Step()
        {
            pair.AdvanceTo(pair.NowNs + Ms);
            meter.PollOpticalPort(pair.NowMs);
            received.AddRange(pair.Probe.ReadAll());
        }

        pair.Probe.Write("/?!\r\n");
        while (!received.Contains(0x0A)) Step();
        Assert.Equal("/OMf6\\2OpenMeter\r\n", System.Text.Encoding.ASCII.GetString(received.ToArray())); // Z = '6': 19200 Bd; 'f': tr min 20 ms; \2: mode E offered
        received.Clear();
        for (int i = 0; i < 20; i++) Step(); // the probe's own tr: 20 ms, as the lower-case third letter allows
        pair.Probe.Write("\u0006060\r\n"); // ACK, normal procedure, 19200 Bd, readout
        while (pair.Probe.BytesToWrite > 0) Step();
        long ackEnd = pair.Transcript.Last(c => c.Sender == "probe").EndNs;
        pair.Probe.BaudRate = 19200;
        while (!(received.Count >= 2 && received[^2] == 0x03)) Step();
        var data = pair.Transcript.Where(c => c.Sender == "meter").Skip(18).ToList();
        Assert.All(data, c => Assert.Equal(19200, c.Baud));
        Assert.Equal(0, pair.Probe.FramingErrors);
        // First data character tr = 20 ms after the option select's last character (within the 1 ms poll):
        // the id's lower-case third letter declares the 20 ms minimum (IEC 62056-21 §6.3.2 note).
        Assert.InRange(data[0].StartNs - ackEnd, 20 * Ms, 22 * Ms);
        // No gap inside the data message: it takes its characters' time on the wire (10 bits each), within 2 ms.
        double wire = data.Count * 10.0 / 19200 * 1e9;
        Assert.InRange(data[^1].EndNs - data[0].StartNs, wire - Ms, wire + 2 * Ms);
    }
}
