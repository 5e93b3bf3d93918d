using Meter.Boards;
using Meter.Core;
using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Breaker;
using Meter.Hal.Simulation.Clock;
using Meter.Hal.Simulation.Pins;
using Meter.Hal.Simulation.Storage;
using Meter.Optical;

namespace Meter.Hal.Simulation.Board;

/// <summary>
/// The simulated board for a preset, the host's counterpart of the device app's wiring
/// (firmware/Meter.App MeterWiring): a simulated ADE7880 scaled like the preset's front end, a
/// virtual RTC, NV memory (RAM, a file, or the caller's), a virtual S0 pin, a seal switch, an
/// optional optical link and the reference board's inputs as virtual pins at the board's levels
/// (active low): terminal-cover switch, magnetic sensor and the two tariff inputs, and a simulated breaker.
/// <see cref="Hardware"/> hands out the <see cref="MeterHardware"/> that <see cref="ElectricityMeter"/> takes.
/// Build one with <see cref="For"/>.
/// </summary>
public sealed class SimulatedBoard : IDisposable
{
    /// <summary>NV memory size: a 128 KiB FRAM (MB85RS1MT) like the reference board.</summary>
    public const int NvBytes = 131072;

    private readonly FileNvMemory? _ownedFile;

    internal SimulatedBoard(MeterPreset preset, DateTime rtcUtc, string? nvFile, INvMemory? nvMemory, ISerialLink? optical,
        bool sealOpen, double currentGainError, bool inputsFitted)
    {
        Preset = preset;
        // The chip's true full scale is the board's (from the front end); a gain error means the
        // current channel sees (1 + error) × the current.
        Chip = new SimulatedAde7880(preset.FrontEnd.FullScaleVoltageMillivolts / 1000.0,
            preset.FrontEnd.FullScaleCurrentMilliamps / 1000.0 / (1 + currentGainError));
        Rtc = new VirtualRtc(rtcUtc);
        if (nvFile != null) Nv = _ownedFile = new FileNvMemory(nvFile, NvBytes);
        else Nv = nvMemory ?? new RamNvMemory(NvBytes);
        S0 = new VirtualOutputPin();
        Seal = new SealSwitch { IsOpen = sealOpen };
        OpticalLink = optical;
        if (inputsFitted)
        {
            TerminalCover = new VirtualInputPin(initialLevel: false); // switch closed: cover on
            MagneticSensor = new VirtualInputPin(initialLevel: true); // no field
            TariffInput1 = new VirtualInputPin(initialLevel: true);   // de-energised
            TariffInput2 = new VirtualInputPin(initialLevel: true);
            Breaker = new SimulatedBreaker(); // closed, 20 ms switching time, feedback fitted
        }
    }

    /// <summary>Starts a board for <paramref name="preset"/> with its RTC at <paramref name="rtcUtc"/>.</summary>
    public static SimulatedBoardBuilder For(MeterPreset preset, DateTime rtcUtc) => new(preset, rtcUtc);

    /// <summary>The preset.</summary>
    public MeterPreset Preset { get; }
    /// <summary>The simulated metering IC.</summary>
    public SimulatedAde7880 Chip { get; }
    /// <summary>The battery-backed clock.</summary>
    public VirtualRtc Rtc { get; }
    /// <summary>The permanent memory.</summary>
    public INvMemory Nv { get; }
    /// <summary>The S0 output.</summary>
    public VirtualOutputPin S0 { get; }
    /// <summary>The programming switch.</summary>
    public SealSwitch Seal { get; }
    /// <summary>The optical port's link, or null.</summary>
    public ISerialLink? OpticalLink { get; }
    /// <summary>The module UART's link (HDLC for a communication module), or null.</summary>
    public ISerialLink? ModuleLink { get; init; }
    /// <summary>Terminal-cover switch: low = cover on, high = removed; null when not fitted.</summary>
    public VirtualInputPin? TerminalCover { get; }
    /// <summary>Magnetic-field sensor: low = field present; null when not fitted.</summary>
    public VirtualInputPin? MagneticSensor { get; }
    /// <summary>Tariff input 1 (module I/O 1): low = energised; null when not fitted.</summary>
    public VirtualInputPin? TariffInput1 { get; }
    /// <summary>Tariff input 2 (module I/O 2): low = energised; null when not fitted.</summary>
    public VirtualInputPin? TariffInput2 { get; }

    /// <summary>The supply breaker (a meter "with breaker", Kamstrup 382 xB…xG); null when built WithoutInputs.</summary>
    public SimulatedBreaker? Breaker { get; }

    /// <summary>Removes (true) or puts back (false) the terminal cover.</summary>
    public void SetTerminalCoverOpen(bool open) => Fitted(TerminalCover, "terminal-cover switch").Set(open);

    /// <summary>Brings a magnet to the meter (true) or takes it away (false).</summary>
    public void SetMagneticField(bool present) => Fitted(MagneticSensor, "magnetic sensor").Set(!present);

    /// <summary>Energises (true) or de-energises the tariff inputs I/O 1 and I/O 2.</summary>
    public void SetTariffInputs(bool io1Energised, bool io2Energised)
    {
        Fitted(TariffInput1, "tariff input I/O 1").Set(!io1Energised);
        Fitted(TariffInput2, "tariff input I/O 2").Set(!io2Energised);
    }

    /// <summary>
    /// The HAL parts for <see cref="ElectricityMeter"/>, a new set each call (<paramref name="lcd"/>
    /// may be null), with a new ADE7880 driver on the simulated chip. A caller that measures the chip's
    /// bus passes <paramref name="meteringSpi"/>, e.g. a timing wrapper of <see cref="Chip"/>.
    /// </summary>
    public MeterHardware Hardware(ILcdPanel? lcd = null, ISpiDevice? meteringSpi = null) => new()
    {
        MeteringChip = new Ade7880Driver(meteringSpi ?? Chip, Chip.ResetPin, Chip.Pm0Pin, Chip.Pm1Pin, Chip.Irq0Pin, Chip.Irq1Pin, new VirtualDelay(Chip)),
        Rtc = Rtc,
        NvMemory = Nv,
        OpticalLink = OpticalLink,
        ModuleLink = ModuleLink,
        S0Output = S0,
        Lcd = lcd,
        Seal = Seal,
        TerminalCoverSwitch = TerminalCover,
        MagneticSensor = MagneticSensor,
        TariffInput1 = TariffInput1,
        TariffInput2 = TariffInput2,
        Breaker = Breaker,
    };

    /// <summary>Closes the NV file the board opened (not the caller's memory or optical link).</summary>
    public void Dispose() => _ownedFile?.Dispose();

    private static VirtualInputPin Fitted(VirtualInputPin? pin, string name) =>
        pin ?? throw new InvalidOperationException($"this simulated board has no {name} (built WithoutInputs)");

    /// <summary>The seal / programming switch.</summary>
    public sealed class SealSwitch : IProgrammingSwitch
    {
        /// <inheritdoc />
        public bool IsOpen { get; set; }
    }
}
