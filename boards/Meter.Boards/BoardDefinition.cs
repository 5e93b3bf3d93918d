namespace Meter.Boards
{
    /// <summary>
    /// A meter board as data: the pin map (<see cref="PinAssignment"/> rows), the SPI bus and its
    /// chips, the optical port UART, the module UART and the parts fitted. Nothing here touches hardware: the
    /// composition (Meter.Boards.Wiring BoardHardware) opens what this describes, and the host tests check it
    /// against the ESP32's pin rules (Meter.Boards.Wiring Esp32PinRules).
    /// </summary>
    public sealed class BoardDefinition
    {
        private readonly PinAssignment[] _pins;

        /// <summary>A board without a module UART.</summary>
        public BoardDefinition(string name, string module, bool moduleHasPsram, int spiBusId, SpiChip ade7880, SpiChip fram, SpiChip rtc, SpiChip expander,
                               string opticalUart, NvMemoryPart nvMemory, LcdKind lcd, PinAssignment[] pins)
            : this(name, module, moduleHasPsram, spiBusId, ade7880, fram, rtc, expander, opticalUart, null, nvMemory, lcd, pins)
        {
        }

        /// <summary>A board; <paramref name="moduleUart"/> is the communication module's UART (null: none, no ModuleTx/ModuleRx pins).</summary>
        public BoardDefinition(string name, string module, bool moduleHasPsram, int spiBusId, SpiChip ade7880, SpiChip fram, SpiChip rtc, SpiChip expander,
                               string opticalUart, string moduleUart, NvMemoryPart nvMemory, LcdKind lcd, PinAssignment[] pins)
        {
            if (name == null) throw new System.ArgumentNullException("name");
            if (pins == null) throw new System.ArgumentNullException("pins");
            if (ade7880 == null) throw new System.ArgumentNullException("ade7880");
            Name = name;
            Module = module;
            ModuleHasPsram = moduleHasPsram;
            SpiBusId = spiBusId;
            Ade7880 = ade7880;
            Fram = fram;
            Rtc = rtc;
            Expander = expander;
            OpticalUart = opticalUart;
            ModuleUart = moduleUart;
            NvMemory = nvMemory;
            Lcd = lcd;
            _pins = pins;
        }

        /// <summary>Board name as written in nf.config.</summary>
        public string Name { get; }
        /// <summary>ESP32 module fitted (ESP32-WROVER-E, ESP32-WROOM-32E …).</summary>
        public string Module { get; }
        /// <summary><c>true</c> when the module carries PSRAM (which takes GPIO16/17 on WROVER modules).</summary>
        public bool ModuleHasPsram { get; }
        /// <summary>System.Device.Spi bus id of the shared bus (nanoFramework ESP32: 1 = SPI1, its pins routed with the ESP32 pin functions SPI1_*; Linux: the spidev bus).</summary>
        public int SpiBusId { get; }
        /// <summary>The ADE7880 on the bus.</summary>
        public SpiChip Ade7880 { get; }
        /// <summary>The FRAM on the bus, or null.</summary>
        public SpiChip Fram { get; }
        /// <summary>The DS3234 RTC on the bus, or null.</summary>
        public SpiChip Rtc { get; }
        /// <summary>The MCP23S17 I/O expander on the bus, or null.</summary>
        public SpiChip Expander { get; }
        /// <summary>UART of the optical port ("COM2" on nanoFramework's ESP32).</summary>
        public string OpticalUart { get; }
        /// <summary>UART of the communication module ("COM3" on nanoFramework's ESP32; HDLC 8N1, Meter.Core ModulePort), or null when the board has none.</summary>
        public string ModuleUart { get; }
        /// <summary>NV memory part, or null.</summary>
        public NvMemoryPart NvMemory { get; }
        /// <summary>Display fitted.</summary>
        public LcdKind Lcd { get; }
        /// <summary>Coil pulse width of the bistable breaker, ms (its relay's rated pulse); 0 when the board has no
        /// breaker (no <see cref="BoardSignal.BreakerOpenCoil"/>/<see cref="BoardSignal.BreakerCloseCoil"/> rows).</summary>
        public int BreakerPulseMilliseconds { get; set; }

        /// <summary>Number of pin-map rows.</summary>
        public int PinCount { get { return _pins.Length; } }

        /// <summary>Pin-map row <paramref name="index"/> (0 … <see cref="PinCount"/>-1).</summary>
        public PinAssignment PinAt(int index)
        {
            return _pins[index];
        }

        /// <summary>The row of <paramref name="signal"/>, or null when the board does not fit it.</summary>
        public PinAssignment Find(BoardSignal signal)
        {
            for (int i = 0; i < _pins.Length; i++)
                if (_pins[i].Signal == signal) return _pins[i];
            return null;
        }

        /// <summary>The row of <paramref name="signal"/>; throws <see cref="System.InvalidOperationException"/> when the board does not fit it.</summary>
        public PinAssignment Require(BoardSignal signal)
        {
            PinAssignment pin = Find(signal);
            if (pin == null) throw new System.InvalidOperationException("board does not fit a required signal");
            return pin;
        }
    }
}
