using Meter.Hal;
using Meter.Hal.Device;

namespace Meter.Device.Tests.Fakes;

/// <summary>
/// Records what <see cref="BoardHardware"/> opens and every level written to a GPIO output; the
/// expander's chip select gets the chip a test puts in <see cref="ChipAt"/>.
/// </summary>
internal sealed class RecordingBoardIo : IBoardIo
{
    public readonly Dictionary<int, bool> Outputs = new();           // GPIO → initial level
    public readonly Dictionary<int, bool> Inputs = new();            // GPIO → pull-up
    public readonly List<(int Bus, int ChipSelect, int Clock)> Spi = new();
    public readonly List<(string Port, int Baud)> Uarts = new();
    public readonly Dictionary<int, ISpiDevice> ChipAt = new();
    public readonly List<string> Order = new();
    public readonly List<(int Gpio, bool High)> Writes = new();       // after opening, in order

    public ISpiDevice OpenSpi(int busId, int chipSelectGpio, int clockHz)
    {
        Spi.Add((busId, chipSelectGpio, clockHz));
        Order.Add("spi" + chipSelectGpio);
        return ChipAt.TryGetValue(chipSelectGpio, out var chip) ? chip : new FramChipModel(262144, 3);
    }

    public IOutputPin OpenOutput(int gpio, bool initialHigh)
    {
        Assert.False(Outputs.ContainsKey(gpio) || Inputs.ContainsKey(gpio), $"GPIO{gpio} opened twice");
        Outputs[gpio] = initialHigh;
        Order.Add("out" + gpio);
        return new Pin(gpio, Writes);
    }

    public IInputPin OpenInput(int gpio, bool pullUp)
    {
        Assert.False(Outputs.ContainsKey(gpio) || Inputs.ContainsKey(gpio), $"GPIO{gpio} opened twice");
        Inputs[gpio] = pullUp;
        Order.Add("in" + gpio);
        return new Pin(gpio, Writes);
    }

    public IUartPort OpenUart(string portName, int baudRate)
    {
        Uarts.Add((portName, baudRate));
        return new FakeUart();
    }

    private sealed class Pin : IOutputPin, IInputPin
    {
        private readonly int _gpio;
        private readonly List<(int, bool)> _writes;
        public Pin(int gpio, List<(int, bool)> writes) { _gpio = gpio; _writes = writes; }
        public void Write(bool high) => _writes.Add((_gpio, high));
        public bool Read() => true;
        public event PinChangedHandler? Changed { add { } remove { } }
    }
}
