using Meter.Hal;
using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// The board parts the meter runs on: the metering chip, the RTC, the NV
    /// memory, the optical port's serial link, the S0 output, the LCD, the seal switch, the tamper
    /// inputs and the tariff inputs. The device app fills it from the board definition, the
    /// virtual meter with simulated parts. Input levels are the board's (boards/Meter.Boards
    /// BoardSignal): every optional input is active low.
    /// </summary>
    public sealed class MeterHardware
    {
        /// <summary>The metering chip (its driver, built by the composition over the board's bus and pins).</summary>
        public IMeteringChip MeteringChip;
        /// <summary>Backed-up real-time clock.</summary>
        public IRtc Rtc;
        /// <summary>Permanent memory for registers, loggers and the event log.</summary>
        public INvMemory NvMemory;
        /// <summary>Optical port (IEC 62056-21), may be null.</summary>
        public ISerialLink OpticalLink;
        /// <summary>The module UART (HDLC for a communication module, <see cref="ModulePort"/>), may be null (not fitted).</summary>
        public ISerialLink ModuleLink;
        /// <summary>S0 pulse output (A+), may be null.</summary>
        public IOutputPin S0Output;
        /// <summary>LCD, may be null.</summary>
        public ILcdPanel Lcd;
        /// <summary>Programming switch / seal, may be null (counts as closed).</summary>
        public IProgrammingSwitch Seal;
        /// <summary>Terminal-cover switch, may be null (not fitted): low = cover on (switch closed), high = cover removed.</summary>
        public IInputPin TerminalCoverSwitch;
        /// <summary>Magnetic-field sensor (Hall switch), may be null (not fitted): low = field present.</summary>
        public IInputPin MagneticSensor;
        /// <summary>Tariff input 1 (module I/O 1), may be null (not fitted, reads de-energised): low = energised.</summary>
        public IInputPin TariffInput1;
        /// <summary>Tariff input 2 (module I/O 2), may be null (not fitted, reads de-energised): low = energised.</summary>
        public IInputPin TariffInput2;
        /// <summary>The supply breaker (disconnect function), may be null (no breaker fitted: the disconnect control stays connected).</summary>
        public IBreaker Breaker;

        /// <summary>Throws <see cref="System.ArgumentException"/> naming the first missing mandatory part.</summary>
        public void Validate()
        {
            if (MeteringChip == null) throw new System.ArgumentException("hardware: the metering chip is missing");
            if (Rtc == null) throw new System.ArgumentException("hardware: the RTC is missing");
            if (NvMemory == null) throw new System.ArgumentException("hardware: the NV memory is missing");
        }
    }
}
