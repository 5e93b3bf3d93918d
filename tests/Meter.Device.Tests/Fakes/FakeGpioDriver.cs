using System.Device.Gpio;

namespace Meter.Device.Tests.Fakes;

/// <summary>A .NET IoT GPIO driver with in-memory pins: records modes and writes, and lets a test drive input edges.</summary>
internal sealed class FakeGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinMode> _modes = new();
    private readonly Dictionary<int, PinValue> _levels = new();
    private readonly Dictionary<int, (PinEventTypes Types, PinChangeEventHandler Callback)> _callbacks = new();

    public List<(int Pin, PinValue Value)> Writes { get; } = new();
    public List<(int Pin, PinMode Mode)> ModeChanges { get; } = new();
    public List<int> ClosedPins { get; } = new();

    public PinMode ModeOf(int pin) => _modes[pin];
    public PinValue LevelOf(int pin) => _levels.TryGetValue(pin, out var v) ? v : PinValue.Low;
    public bool HasCallback(int pin) => _callbacks.ContainsKey(pin);

    /// <summary>Sets an input's level and, on a change, calls the registered callback like a real edge.</summary>
    public void Drive(int pin, bool high)
    {
        var before = LevelOf(pin);
        _levels[pin] = high ? PinValue.High : PinValue.Low;
        if (before == _levels[pin] || !_callbacks.TryGetValue(pin, out var cb)) return;
        var edge = high ? PinEventTypes.Rising : PinEventTypes.Falling;
        if ((cb.Types & edge) != 0) cb.Callback(this, new PinValueChangedEventArgs(edge, pin));
    }

    protected override int PinCount => 40;
    protected override void OpenPin(int pinNumber) { }
    protected override void ClosePin(int pinNumber) => ClosedPins.Add(pinNumber);
    protected override void SetPinMode(int pinNumber, PinMode mode) { _modes[pinNumber] = mode; ModeChanges.Add((pinNumber, mode)); }
    protected override PinMode GetPinMode(int pinNumber) => _modes.TryGetValue(pinNumber, out var m) ? m : PinMode.Input;
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;
    protected override PinValue Read(int pinNumber) => LevelOf(pinNumber);
    protected override void Write(int pinNumber, PinValue value) { _levels[pinNumber] = value; Writes.Add((pinNumber, value)); }
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        new() { TimedOut = true, EventTypes = PinEventTypes.None };
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        _callbacks[pinNumber] = (eventTypes, callback);
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) => _callbacks.Remove(pinNumber);
}
