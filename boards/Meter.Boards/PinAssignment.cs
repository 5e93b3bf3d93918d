namespace Meter.Boards
{
    /// <summary>One row of a board's pin map: which signal, on which pin, used how.</summary>
    public sealed class PinAssignment
    {
        /// <summary>A signal on <paramref name="host"/> pin <paramref name="number"/>.</summary>
        public PinAssignment(BoardSignal signal, PinHost host, int number, PinUse use, bool activeLow, string note)
        {
            Signal = signal;
            Host = host;
            Number = number;
            Use = use;
            ActiveLow = activeLow;
            Note = note;
        }

        /// <summary>The signal.</summary>
        public BoardSignal Signal { get; }

        /// <summary>Where the pin is.</summary>
        public PinHost Host { get; }

        /// <summary>GPIO number (ESP32) or expander pin 0..15.</summary>
        public int Number { get; }

        /// <summary>Electrical use.</summary>
        public PinUse Use { get; }

        /// <summary><c>true</c> when the signal is asserted at the low level.</summary>
        public bool ActiveLow { get; }

        /// <summary>Why this pin (shown in the README table).</summary>
        public string Note { get; }

        /// <summary><c>true</c> for pins the firmware reads.</summary>
        public bool IsInput { get { return Use == PinUse.InputInternalPullUp || Use == PinUse.InputExternalPull; } }

        /// <summary><c>true</c> for pins the firmware drives.</summary>
        public bool IsOutput { get { return Use == PinUse.OutputLowAtReset || Use == PinUse.OutputHighAtReset; } }
    }
}
