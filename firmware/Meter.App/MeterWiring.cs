using Meter.Boards;
using Meter.Boards.Wiring;
using Meter.Core;
using Meter.Hal;
using Meter.Hal.Device;
using Meter.Hal.Esp32;

namespace Meter.App
{
    /// <summary>Hands the opened board to the meter (Meter.Core's MeterHardware).</summary>
    internal static class MeterWiring
    {
        public static MeterHardware Build(BoardHardware board, int s0PulseMilliseconds)
        {
            MeterHardware parts = new MeterHardware();
            parts.MeteringChip = board.MeteringChip;
            parts.Rtc = board.Rtc;
            parts.NvMemory = board.NvMemory;
            parts.OpticalLink = board.Optical;
            parts.ModuleLink = board.Module; // HDLC from power-up (Meter.Core ModulePort), null without a module UART
            parts.Lcd = board.Lcd;
            IOutputPin s0 = board.Output(BoardSignal.S0Output);
            // S0 pulses never shorter than the set width (IEC 62053-31: at least 30 ms), timed in µs.
            if (s0 != null) parts.S0Output = new MinimumWidthPulsePin(s0, new Esp32MicrosecondTimer(), s0PulseMilliseconds);
            IInputPin seal = board.Input(BoardSignal.SealSwitch);
            if (seal != null) parts.Seal = new SealSwitch(seal);
            // Tamper and tariff inputs (null when the board has none): the meter samples them itself,
            // the tamper inputs every tick, the tariff inputs every cycle.
            parts.TerminalCoverSwitch = board.SampledInput(BoardSignal.TerminalCoverSwitch);
            parts.MagneticSensor = board.SampledInput(BoardSignal.MagneticSensor);
            parts.TariffInput1 = board.SampledInput(BoardSignal.TariffInput1);
            parts.TariffInput2 = board.SampledInput(BoardSignal.TariffInput2);
            parts.Breaker = board.Breaker; // null without one: the disconnect control stays connected
            parts.Validate();
            return parts;
        }
    }
}
