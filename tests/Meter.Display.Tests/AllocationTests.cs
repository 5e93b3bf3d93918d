using Meter.Display;
using Meter.Hal;
using Meter.Hal.Lcd;
using Meter.Obis;

namespace Meter.Display.Tests;

/// <summary>
/// The display runs every few hundred milliseconds on a device whose GC stops the world:
/// rendering a frame and sending it to a driver must allocate nothing once set up.
/// Measured with the runtime's per-thread allocation counter (exact, not a timing).
/// </summary>
[Collection(AllocationMeasurement.Collection)]
public class AllocationTests
{
    private sealed class ArraySource(ObisCode[] codes) : IDisplayValueSource
    {
        public bool TryRead(ObisCode code, out long value, out int scaler, out ObisUnit unit)
        {
            scaler = 0;
            unit = ObisUnit.WattHour;
            for (int i = 0; i < codes.Length; i++)
                if (codes[i] == code) { value = 1_234_567_890L * (i + 1); return true; }
            value = 0;
            return false;
        }
    }

    private sealed class NullPin : IOutputPin { public void Write(bool high) { } }
    private sealed class NullDelay : IDelay { public void Wait(int microseconds) { } }

    [Fact]
    public void Rendering_and_redrawing_allocate_nothing()
    {
        var codes = new[] { ObisCode.Parse("1.8.0"), ObisCode.Parse("2.8.0"), ObisCode.Parse("3.8.0"), ObisCode.Parse("4.8.0") };
        var format = new DisplayFormat { Decimals = DisplayDecimals.Digits6Decimals3 };
        format.SetCtRatio(3000, 5);
        var display = new DisplayController(new ArraySource(codes), format, new MeterIndicators(), [codes[0], codes[1]]);
        display.AutomaticList.Configure(codes);
        display.ManualList.Configure(codes);
        display.Indicators.SetPhase(1, true, false);
        display.Indicators.ErrorCode = 3;
        var pin = new NullPin();
        var segment = new SegmentLcdPanel([new Ht1621(pin, pin, pin, new NullDelay(), 0), new Ht1621(pin, pin, pin, new NullDelay(), 0)], SegmentGlass.Reference());
        var character = new CharacterLcdPanel(new Hd44780(pin, pin, pin, pin, pin, pin, new NullDelay()), 20, 4);
        var frame = new LcdFrame();

        void Run(long from, long to)
        {
            for (long t = from; t < to; t += 250)
            {
                if (t % 60_000 == 0) display.PressButton(t);
                display.Render(t, frame);
                segment.Show(frame);
                character.Show(frame);
            }
        }

        Run(0, 60_000); // warm-up: JIT, first-frame initialisation
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(60_000, 600_000); // 9 virtual minutes: scrolling, manual steps, returns, flashing, error screen
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
