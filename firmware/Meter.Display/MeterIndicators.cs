using Meter.Hal;

namespace Meter.Display
{
    /// <summary>
    /// The meter state the display shows besides the reading: quadrant, tariff, phase
    /// indicators, status symbols and the error code. The integration code sets it every
    /// metering cycle; the display controller copies it into each frame.
    /// </summary>
    public sealed class MeterIndicators
    {
        /// <summary>Flashing indicators are lit this long, then dark this long (1 Hz).</summary>
        public const long FlashHalfPeriodMs = 500;

        private readonly PhaseIndicator[] _phases = new PhaseIndicator[3];
        private int _quadrant;
        private int _tariff;
        private int _errorCode;
        private int _statusCode;

        /// <summary>Active quadrant 1..4, or 0 when none is shown (no load).</summary>
        public int Quadrant
        {
            get => _quadrant;
            set
            {
                if (value < 0 || value > 4) throw new System.ArgumentOutOfRangeException("value", "quadrant must be 0 (none) or 1..4");
                _quadrant = value;
            }
        }

        /// <summary>Active tariff 1..9, or 0 when tariffs are not used.</summary>
        public int Tariff
        {
            get => _tariff;
            set
            {
                if (value < 0 || value > 9) throw new System.ArgumentOutOfRangeException("value", "tariff must be 0 (none) or 1..9");
                _tariff = value;
            }
        }

        /// <summary>
        /// Critical error code; 0 when there is none. A non-zero code lights the error symbol
        /// and adds an "Err" screen to the automatic list.
        /// </summary>
        public int ErrorCode
        {
            get => _errorCode;
            set
            {
                if (value < 0) throw new System.ArgumentOutOfRangeException("value", "error code must not be negative");
                _errorCode = value;
            }
        }

        /// <summary>
        /// Operating-status bits that need the reader's attention (e.g. the clock is not valid
        /// after a backup loss); 0 when there are none. A non-zero code adds a status screen
        /// ("C.5.0", the status word 0-0:96.5.0 in hexadecimal) to the automatic list. Bits that
        /// describe normal operation (summer time) belong in the readout only.
        /// </summary>
        public int StatusCode
        {
            get => _statusCode;
            set
            {
                if (value < 0) throw new System.ArgumentOutOfRangeException("value", "status code must not be negative");
                _statusCode = value;
            }
        }

        /// <summary>Status symbols lit besides the phases and the error symbol (<see cref="LcdSymbols"/> flags: Magnetic, Tamper, Breaker, Prepayment).</summary>
        public int StatusSymbols { get; set; }

        /// <summary>What the indicator of phase <paramref name="phase"/> (1..3) shows.</summary>
        public PhaseIndicator GetPhase(int phase)
        {
            CheckPhase(phase);
            return _phases[phase - 1];
        }

        /// <summary>Sets the indicator of phase <paramref name="phase"/> (1..3).</summary>
        public void SetPhase(int phase, PhaseIndicator indicator)
        {
            CheckPhase(phase);
            _phases[phase - 1] = indicator;
        }

        /// <summary>
        /// Sets phase <paramref name="phase"/> (1..3) from its measurement: on with voltage and
        /// current above their cut-offs, flashing with voltage only, off without voltage.
        /// </summary>
        public void SetPhase(int phase, bool voltageAboveCutOff, bool currentAboveCutOff)
        {
            SetPhase(phase, !voltageAboveCutOff ? PhaseIndicator.Off
                : currentAboveCutOff ? PhaseIndicator.On : PhaseIndicator.Flashing);
        }

        /// <summary>
        /// Writes quadrant, tariff and symbols into <paramref name="frame"/> as lit at
        /// <paramref name="nowMs"/>: flashing phases are lit in the first half of each second.
        /// </summary>
        public void WriteTo(LcdFrame frame, long nowMs, bool onBackupPower)
        {
            frame.Quadrant = _quadrant;
            frame.Tariff = _tariff;
            bool flashLit = (nowMs / FlashHalfPeriodMs) % 2 == 0;
            int symbols = StatusSymbols & (LcdSymbols.Magnetic | LcdSymbols.Tamper | LcdSymbols.Breaker | LcdSymbols.Prepayment | LcdSymbols.QualityAlarm);
            if (IsLit(_phases[0], flashLit)) symbols |= LcdSymbols.L1;
            if (IsLit(_phases[1], flashLit)) symbols |= LcdSymbols.L2;
            if (IsLit(_phases[2], flashLit)) symbols |= LcdSymbols.L3;
            if (_errorCode != 0) symbols |= LcdSymbols.Error;
            if (onBackupPower) symbols |= LcdSymbols.Battery;
            frame.Symbols = symbols;
        }

        private static bool IsLit(PhaseIndicator indicator, bool flashLit) =>
            indicator == PhaseIndicator.On || (indicator == PhaseIndicator.Flashing && flashLit);

        private static void CheckPhase(int phase)
        {
            if (phase < 1 || phase > 3) throw new System.ArgumentOutOfRangeException("phase", "phase must be 1, 2 or 3");
        }
    }
}
