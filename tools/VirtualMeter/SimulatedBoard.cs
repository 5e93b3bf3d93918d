using Meter.Boards;
using Meter.Core;
using Meter.Hal;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Clock;
using Meter.Hal.Simulation.Pins;
using Meter.Hal.Simulation.Storage;
using Meter.Optical;

namespace Meter.VirtualMeter;

/// <summary>
/// The simulated board for a preset: a simulated ADE7880 scaled like the preset's front end
/// (optionally with a current gain error, to be calibrated away), a virtual RTC, NV memory in
/// a file or in RAM, a virtual S0 pin, a seal switch, the optical port, and the reference board's
/// inputs as virtual pins at the board's levels (active low): terminal-cover switch, magnetic
/// sensor and the two tariff inputs.
/// </summary>
public sealed class SimulatedBoard : IDisposable
{
    /// <summary>NV memory size: a 128 KiB FRAM (MB85RS1MT) like the reference board.</summary>
    public const int NvBytes = 131072;

    private readonly FileNvMemory? _file;

    /// <summary>Builds the board for <paramref name="preset"/> with the RTC at <paramref name="rtcUtc"/>.</summary>
    public SimulatedBoard(MeterPreset preset, DateTime rtcUtc, string? stateFile, IOpticalPort? optical, bool sealOpen, double currentGainError)
    {
        Preset = preset;
        // The chip's true full scale is the board's (from the front end); a gain error means the
        // current channel sees (1 + error) × the current, as an uncalibrated part would.
        Chip = new SimulatedAde7880(preset.FrontEnd.FullScaleVoltageMillivolts / 1000.0,
            preset.FrontEnd.FullScaleCurrentMilliamps / 1000.0 / (1 + currentGainError));
        Rtc = new VirtualRtc(rtcUtc);
        if (stateFile != null)
        {
            _file = new FileNvMemory(stateFile, NvBytes);
            Nv = _file;
        }
        else
        {
            Nv = new RamNvMemory(NvBytes);
        }
        S0 = new VirtualOutputPin();
        Seal = new SealSwitch { IsOpen = sealOpen };
        TerminalCover = new VirtualInputPin(initialLevel: false); // switch closed: cover on
        MagneticSensor = new VirtualInputPin(initialLevel: true); // no field
        TariffInput1 = new VirtualInputPin(initialLevel: true);   // de-energised
        TariffInput2 = new VirtualInputPin(initialLevel: true);
        Optical = optical;
    }

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
    /// <summary>The optical port (null when off).</summary>
    public IOpticalPort? Optical { get; }
    /// <summary>Terminal-cover switch: low = cover on, high = removed (see <see cref="SetTerminalCoverOpen"/>).</summary>
    public VirtualInputPin TerminalCover { get; }
    /// <summary>Magnetic-field sensor: low = field present (see <see cref="SetMagneticField"/>).</summary>
    public VirtualInputPin MagneticSensor { get; }
    /// <summary>Tariff input 1 (module I/O 1): low = energised.</summary>
    public VirtualInputPin TariffInput1 { get; }
    /// <summary>Tariff input 2 (module I/O 2): low = energised.</summary>
    public VirtualInputPin TariffInput2 { get; }

    /// <summary>Removes (true) or puts back (false) the terminal cover.</summary>
    public void SetTerminalCoverOpen(bool open) => TerminalCover.Set(open);

    /// <summary>Brings a magnet to the meter (true) or takes it away (false).</summary>
    public void SetMagneticField(bool present) => MagneticSensor.Set(!present);

    /// <summary>Energises (true) or de-energises the tariff inputs I/O 1 and I/O 2.</summary>
    public void SetTariffInputs(bool io1Energised, bool io2Energised)
    {
        TariffInput1.Set(!io1Energised);
        TariffInput2.Set(!io2Energised);
    }

    /// <summary>The HAL parts for <see cref="ElectricityMeter"/>.</summary>
    public MeterHardware Hardware(ILcdPanel? lcd) => new()
    {
        MeteringSpi = Chip,
        MeteringReset = Chip.ResetPin,
        MeteringPm0 = Chip.Pm0Pin,
        MeteringPm1 = Chip.Pm1Pin,
        MeteringIrq0 = Chip.Irq0Pin,
        MeteringIrq1 = Chip.Irq1Pin,
        Delay = new VirtualDelay(Chip),
        Rtc = Rtc,
        NvMemory = Nv,
        OpticalLink = Optical,
        S0Output = S0,
        Lcd = lcd,
        Seal = Seal,
        TerminalCoverSwitch = TerminalCover,
        MagneticSensor = MagneticSensor,
        TariffInput1 = TariffInput1,
        TariffInput2 = TariffInput2,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _file?.Dispose();
        Optical?.Dispose();
    }

    /// <summary>The seal / programming switch.</summary>
    public sealed class SealSwitch : IProgrammingSwitch
    {
        /// <inheritdoc />
        public bool IsOpen { get; set; }
    }
}
