using Meter.Boards;
using Meter.Hal;
using Meter.Hal.Simulation.Board;

namespace Meter.Core.Tests;

/// <summary>
/// The assembled meter on the simulated board with the test's <see cref="SerialProbe"/> on one of its serial ports: the
/// optical port (polled on its own clock, <see cref="ElectricityMeter.PollOpticalPort"/>) or the module UART (8N1,
/// driven by <see cref="ElectricityMeter.Tick"/>).
/// </summary>
internal sealed class SerialMeterRig : SerialProbe
{
    public static readonly DateTime Start = new(2025, 1, 14, 23, 0, 0, DateTimeKind.Utc);

    private readonly bool _module;

    /// <summary>The probe on the optical port, or on the module UART (<paramref name="module"/>) with the settings changed by <paramref name="configure"/>.</summary>
    public SerialMeterRig(bool module = false, Action<MeterSettings>? configure = null)
    {
        _module = module;
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        SimulatedBoardBuilder builder = SimulatedBoard.For(preset, Start).WithoutInputs();
        builder = module ? builder.WithModuleLink(Pair.Meter) : builder.WithOpticalLink(Pair.Meter);
        MeterSettings settings = PresetSettings.FromPreset(preset);
        configure?.Invoke(settings);
        Meter = new ElectricityMeter(settings, builder.Build().Hardware()) { OpticalPortOnOwnClock = !module };
        Meter.Start(0, Start);
        if (!module) return;
        Pair.Probe.BaudRate = settings.ModuleBaud;
        Pair.Probe.CharacterFormat = SerialCharacterFormat.EightNoneOne;
    }

    public ElectricityMeter Meter { get; }

    protected override void Poll(long nowMs)
    {
        if (_module) Meter.Tick(nowMs);
        else Meter.PollOpticalPort(nowMs);
    }

    /// <summary>B0: the meter returns to idle at 300 Bd; the probe follows.</summary>
    public void SignOff()
    {
        Command("B0\u0003");
        Pair.Probe.BaudRate = 300;
    }

    /// <summary>Lets <paramref name="minutes"/> of virtual time pass, polling each second.</summary>
    public void Wait(double minutes)
    {
        for (long s = 0; s < minutes * 60; s++) Step(1000);
    }
}
