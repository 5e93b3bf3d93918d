using Meter.Boards;
using Meter.Hal;

namespace Meter.Hal.Simulation.Board;

/// <summary>
/// Chooses the parts of a <see cref="SimulatedBoard"/>: start from
/// <see cref="SimulatedBoard.For"/> (preset and RTC time), add what differs from the reference
/// board's defaults, then <see cref="Build"/>. Defaults: NV memory in RAM (<see cref="SimulatedBoard.NvBytes"/>),
/// no optical link, seal closed, no gain error, the terminal-cover switch, magnetic sensor and
/// both tariff inputs fitted at rest.
/// </summary>
public sealed class SimulatedBoardBuilder
{
    private readonly MeterPreset _preset;
    private readonly DateTime _rtcUtc;
    private string? _nvFile;
    private INvMemory? _nvMemory;
    private ISerialLink? _optical;
    private ISerialLink? _module;
    private bool _sealOpen;
    private double _currentGainError;
    private double _currentPhaseError;
    private bool _inputsFitted = true;

    internal SimulatedBoardBuilder(MeterPreset preset, DateTime rtcUtc)
    {
        _preset = preset ?? throw new ArgumentNullException(nameof(preset));
        _rtcUtc = rtcUtc;
    }

    /// <summary>NV memory in <paramref name="path"/> (a <see cref="Storage.FileNvMemory"/> the board opens and disposes); null keeps RAM.</summary>
    public SimulatedBoardBuilder WithNvFile(string? path)
    {
        _nvFile = path;
        _nvMemory = null;
        return this;
    }

    /// <summary>The caller's NV memory (prepared beforehand, or wrapped to be measured); the caller disposes it.</summary>
    public SimulatedBoardBuilder WithNvMemory(INvMemory memory)
    {
        _nvMemory = memory ?? throw new ArgumentNullException(nameof(memory));
        _nvFile = null;
        return this;
    }

    /// <summary>The optical port's serial link (null = none); the caller owns and disposes it.</summary>
    public SimulatedBoardBuilder WithOpticalLink(ISerialLink? link)
    {
        _optical = link;
        return this;
    }

    /// <summary>The module UART's serial link (null = none, as on a board without a module), HDLC 8N1 from power-up; the caller owns it.</summary>
    public SimulatedBoardBuilder WithModuleLink(ISerialLink? link)
    {
        _module = link;
        return this;
    }

    /// <summary>Programming switch open: legal data such as calibration may be written.</summary>
    public SimulatedBoardBuilder WithSealOpen(bool open = true)
    {
        _sealOpen = open;
        return this;
    }

    /// <summary>
    /// The current channels see (1 + <paramref name="error"/>) × the current, as an uncalibrated
    /// part would (e.g. 0.02 reads 2 % high until calibrated).
    /// </summary>
    public SimulatedBoardBuilder WithCurrentGainError(double error)
    {
        if (error <= -1 || double.IsNaN(error)) throw new ArgumentOutOfRangeException(nameof(error), error, "a current gain error must be above -100 %");
        _currentGainError = error;
        return this;
    }

    /// <summary>The current channels see the current lag by <paramref name="degrees"/> more (negative: lead) until xPHCAL compensates it.</summary>
    public SimulatedBoardBuilder WithCurrentPhaseError(double degrees)
    {
        if (!(Math.Abs(degrees) <= 5)) throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "a current phase error must be within ±5° (xPHCAL reaches +1.1° / −6.7° at 50 Hz)");
        _currentPhaseError = degrees;
        return this;
    }

    /// <summary>No terminal-cover switch, magnetic sensor or tariff inputs (like the ESP32-DevKitC + EVAL-ADE7880 board): the meter sees them as not fitted.</summary>
    public SimulatedBoardBuilder WithoutInputs()
    {
        _inputsFitted = false;
        return this;
    }

    /// <summary>The board with the chosen parts.</summary>
    /// <exception cref="IOException">The NV file cannot be opened.</exception>
    /// <exception cref="InvalidDataException">The NV file is not an NV image of <see cref="SimulatedBoard.NvBytes"/>.</exception>
    public SimulatedBoard Build()
    {
        var board = new SimulatedBoard(_preset, _rtcUtc, _nvFile, _nvMemory, _optical, _sealOpen, _currentGainError, _inputsFitted) { ModuleLink = _module };
        board.Chip.CurrentPhaseErrorDegrees = _currentPhaseError;
        return board;
    }
}
