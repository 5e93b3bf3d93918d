using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// OBIS codes of the tamper objects: 0-0:96.51.E, shown "C.51.E". IEC 62056-61 group C = 96
    /// (general service entries) keeps D = 50…99 manufacturer specific; C.51.x is where meters
    /// reading out over IEC 62056-21 commonly put their tamper counters, and nothing else in this
    /// table uses 96.51. E = the tamper's event detail (<see cref="TamperDetail"/>).
    /// </summary>
    public static class TamperObjects
    {
        /// <summary>
        /// 0-0:96.51.0 tamper status (hexadecimal): bit 0 magnetic field present, bit 1 terminal
        /// cover open, bit 2 terminal cover opened since the last acknowledgement (the latched LCD
        /// tamper symbol). W1 of 0 at level 1 acknowledges (clears bit 2; the other bits follow the inputs).
        /// </summary>
        public static readonly ObisCode Status = new ObisCode(0, 0, 96, 51, 0, 255);
        /// <summary>0-0:96.51.1 magnetic-influence counter, with the time of the latest start (extended register).</summary>
        public static readonly ObisCode MagneticCounter = new ObisCode(0, 0, 96, 51, TamperDetail.Magnetic, 255);
        /// <summary>0-0:96.51.2 terminal-cover opening counter, with the time of the latest opening (extended register).</summary>
        public static readonly ObisCode TerminalCoverCounter = new ObisCode(0, 0, 96, 51, TamperDetail.TerminalCover, 255);

        /// <summary>Objects <see cref="MeterObjectTable.Declare"/> adds from here.</summary>
        public const int Count = 3;

        /// <summary>The tamper detail of a counter code (1 or 2), 0 for any other code.</summary>
        public static int DetailOf(ObisCode code)
        {
            if (code == MagneticCounter) return TamperDetail.Magnetic;
            if (code == TerminalCoverCounter) return TamperDetail.TerminalCover;
            return 0;
        }
    }
}
