using Meter.Boards;
using Meter.Dlms;
using Meter.Hal;
using Meter.Metrology;
using static Meter.Core.Tests.HdlcTestFrames;

namespace Meter.Core.Tests;

/// <summary>
/// The module UART (<see cref="ModulePort"/>): HDLC 8N1 from power-up at <see cref="MeterSettings.ModuleBaud"/> on the
/// simulated board's second serial port, driven by the meter's <see cref="ElectricityMeter.Tick"/>; the test is the
/// communication module on the other end of a timed serial pair (<see cref="SerialMeterRig"/>).
/// </summary>
public class ModulePortTests
{
    private static SerialMeterRig Rig(int? baud = null) =>
        new(module: true, configure: s => { if (baud != null) s.ModuleBaud = baud.Value; });

    [Fact]
    public void A_module_talks_HDLC_at_9600_8N1_from_power_up()
    {
        var rig = Rig();
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
        var rig = Rig(19200);
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
