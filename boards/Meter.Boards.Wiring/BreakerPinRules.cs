using Meter.Boards;

namespace Meter.Boards.Wiring
{
    /// <summary>
    /// The bistable breaker's rows of a board (Meter.Hal.Device BistableBreaker): both coil drivers or neither, each an
    /// output low at reset and active high (a coil energised from reset until the firmware runs would switch the
    /// breaker at every power-up, and the two coils together fight each other); the feedback only with the coils,
    /// an input read active low (auxiliary contact to GND, low = closed); a coil pulse width of 1…1000 ms with the
    /// coils and 0 without.
    /// </summary>
    public static class BreakerPinRules
    {
        /// <summary>Longest coil pulse, ms (BistableBreaker's range).</summary>
        public const int MaxPulseMilliseconds = 1000;

        /// <summary>The first broken rule, as a sentence, or null.</summary>
        public static string FirstProblem(BoardDefinition board)
        {
            PinAssignment open = board.Find(BoardSignal.BreakerOpenCoil);
            PinAssignment close = board.Find(BoardSignal.BreakerCloseCoil);
            PinAssignment feedback = board.Find(BoardSignal.BreakerFeedback);
            if ((open == null) != (close == null)) return "a breaker needs both coils: BreakerOpenCoil and BreakerCloseCoil";
            if (open == null)
            {
                if (feedback != null) return "BreakerFeedback without the breaker's coils";
                return board.BreakerPulseMilliseconds != 0 ? "a breaker pulse width without the breaker's coils" : null;
            }
            string coil = CoilProblem(open);
            if (coil == null) coil = CoilProblem(close);
            if (coil != null) return coil;
            if (feedback != null && (!feedback.IsInput || !feedback.ActiveLow))
                return "BreakerFeedback must be an input read active low (auxiliary contact to GND, low = closed)";
            if (board.BreakerPulseMilliseconds < 1 || board.BreakerPulseMilliseconds > MaxPulseMilliseconds)
                return "the breaker's coil pulse must be 1..1000 ms";
            return null;
        }

        private static string CoilProblem(PinAssignment coil)
        {
            if (coil.Use != PinUse.OutputLowAtReset || coil.ActiveLow)
                return Esp32PinRules.SignalName(coil.Signal) + " must be an output low at reset and active high: a coil on at reset would switch the breaker";
            return null;
        }
    }
}
