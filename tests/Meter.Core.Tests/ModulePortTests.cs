using Meter.Boards;
using Meter.Dlms;
using Meter.Hal;
using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Serial;
using Meter.Metrology;
using static Meter.Core.Tests.HdlcTestFrames;

namespace Meter.Core.Tests;

/// <summary>
/// The module UART (<see cref="ModulePort"/>): HDLC 8N1 from power-up at <see cref="MeterSettings.ModuleBaud"/> on the
/// simulated board's second serial port, driven by the meter's <see cref="ElectricityMeter.Tick"/>; the test is the
/// communication module on the other end of a timed <see cref="VirtualSerialPair"/>.
/// </summary>
public class ModulePortTests
{
    private sealed class Rig
    {
        private readonly List<byte> _received = new();

        public Rig(int? baud = null)
        {
            MeterPreset preset = MeterPresets.ByName("direct-5-105a");
            SimulatedBoard board = SimulatedBoard.For(preset, OpticalMeterRig.Start).WithModuleLink(Pair.Meter).WithoutInputs().Build();
            MeterSettings settings = PresetSettings.FromPreset(preset);
            if (baud != null) settings.ModuleBaud = baud.Value;
            Meter = new ElectricityMeter(settings, board.Hardware());
            Meter.Start(0, OpticalMeterRig.Start);
            Pair.Probe.BaudRate = settings.ModuleBaud;
            Pair.Probe.CharacterFormat = SerialCharacterFormat.EightNoneOne;
        }

        public VirtualSerialPair Pair { get; } = new(9600);
        public ElectricityMeter Meter { get; }

        public void Step(long ms = 1)
        {
            Pair.AdvanceTo(Pair.NowNs + ms * 1_000_000);
            Meter.Tick(Pair.NowMs);
            _received.AddRange(Pair.Probe.ReadAll());
        }

        public byte[] Exchange(byte[] frame)
        {
            Pair.Probe.Write(frame, 0, frame.Length);
            long quiet = 0;
            for (int i = 0; i < 5000 && quiet < 30; i++)
            {
                int before = _received.Count;
                Step();
                bool busy = Pair.Probe.BytesToWrite > 0 || Pair.Meter.BytesToWrite > 0 || _received.Count != before;
                quiet = busy ? 0 : quiet + 1;
            }
            byte[] bytes = _received.ToArray();
            _received.Clear();
            return bytes;
        }
    }

    [Fact]
    public void A_module_talks_HDLC_at_9600_8N1_from_power_up()
    {
        var rig = new Rig();
        Assert.Equal(9600, rig.Pair.Meter.BaudRate);
        Assert.Equal(SerialCharacterFormat.EightNoneOne, rig.Pair.Meter.CharacterFormat);
        Assert.Equal(Ua, rig.Exchange(Snrm));
        AssertAareAccepted(rig.Exchange(Aarq));
        // The module's association is its own (its own COSEM server beside the optical port's).
        Assert.True(((CosemServer)rig.Meter.ModuleDlms).Association.Active);
        Assert.False(((CosemServer)rig.Meter.Dlms).Association.Active);
        Assert.Equal(MeterRig.Wh(rig.Meter, EnergyRegister.ActiveImport), EnergyOf(rig.Exchange(Get)));
        Assert.Equal(UaToDisc, rig.Exchange(Disc));
        Assert.Equal(0, rig.Pair.Probe.FramingErrors);
    }

    [Fact]
    public void The_rate_comes_from_the_settings_and_the_tick_drives_the_inactivity_time_out()
    {
        var rig = new Rig(19200);
        Assert.Equal(19200, rig.Pair.Meter.BaudRate);
        Assert.Equal(Ua, rig.Exchange(Snrm));
        AssertAareAccepted(rig.Exchange(Aarq));
        var server = (CosemServer)rig.Meter.ModuleDlms;
        Assert.True(server.Association.Active);
        for (int s = 0; s < 119; s++) rig.Step(1000);
        Assert.Equal(HdlcLinkState.Connected, rig.Meter.Module.Port.Link.State);
        rig.Step(1500);
        Assert.Equal(HdlcLinkState.Disconnected, rig.Meter.Module.Port.Link.State);
        Assert.False(server.Association.Active);
        // A new session works after it.
        Assert.Equal(Ua, rig.Exchange(Snrm));
    }

    [Fact]
    public void A_module_baud_outside_300_to_115200_is_refused_by_name()
    {
        MeterSettings settings = PresetSettings.FromPreset(MeterPresets.ByName("direct-5-105a"));
        settings.ModuleBaud = 200;
        Assert.Contains("ModuleBaud", Assert.Throws<ArgumentException>(() => settings.Validate()).Message);
    }
}
