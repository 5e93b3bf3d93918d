using System;

namespace Meter.Clock
{
    /// <summary>
    /// External tariff control through the module's inputs, chosen by the seeds' "DD
    /// Input/output configuration" code (Kamstrup 351/382 configuration 1, OMNIPOWER Z3; the
    /// codes whose tariff control column says "Module"):
    /// 01 4-tariff, 02 4-tariff inverted (I/O 1 and I/O 2);
    /// 07/09/11 2-tariff on I/O 1, 08/10/12 2-tariff inverted on I/O 1 (the other I/O is an alarm
    /// input or A+ output; 09 and 10 invert only the alarm or both);
    /// 13 2-tariff on I/O 2, 14 2-tariff inverted on I/O 2 (I/O 1 is a pulse input).
    /// An active (energized) input selects the higher tariff; "inverted" swaps active and
    /// inactive. With four tariffs I/O 1 is the low bit and I/O 2 the high bit: T = 1 + I/O1 + 2·I/O2.
    /// The seeds do not give the 4-tariff encoding; this binary one is this firmware's choice.
    /// </summary>
    public sealed class TariffInputDecoder
    {
        private readonly int _code;
        private readonly int _tariffCount;
        private readonly bool _inverted;
        private readonly bool _usesIo1;
        private readonly bool _usesIo2;

        /// <summary>Creates the decoder for DD code <paramref name="ddCode"/>; throws when the code has no tariff input.</summary>
        public TariffInputDecoder(int ddCode)
        {
            switch (ddCode)
            {
                case 1: _tariffCount = 4; _usesIo1 = true; _usesIo2 = true; break;
                case 2: _tariffCount = 4; _usesIo1 = true; _usesIo2 = true; _inverted = true; break;
                case 7: case 9: case 11: _tariffCount = 2; _usesIo1 = true; break;
                case 8: case 10: case 12: _tariffCount = 2; _usesIo1 = true; _inverted = true; break;
                case 13: _tariffCount = 2; _usesIo2 = true; break;
                case 14: _tariffCount = 2; _usesIo2 = true; _inverted = true; break;
                default:
                    throw new ArgumentOutOfRangeException("ddCode", "DD code has no tariff input (tariff inputs: 01, 02, 07..14)");
            }

            _code = ddCode;
        }

        /// <summary><c>true</c> when DD code <paramref name="ddCode"/> uses a module input for tariff control.</summary>
        public static bool HasTariffInputs(int ddCode)
        {
            return ddCode == 1 || ddCode == 2 || (ddCode >= 7 && ddCode <= 14);
        }

        /// <summary>The DD code.</summary>
        public int Code => _code;

        /// <summary>2 or 4.</summary>
        public int TariffCount => _tariffCount;

        /// <summary><c>true</c> for the inverted variants.</summary>
        public bool Inverted => _inverted;

        /// <summary><c>true</c> when I/O 1 is a tariff input.</summary>
        public bool UsesIo1 => _usesIo1;

        /// <summary><c>true</c> when I/O 2 is a tariff input.</summary>
        public bool UsesIo2 => _usesIo2;

        /// <summary>The tariff index (0 = T1) selected by the input levels (<c>true</c> = energized).</summary>
        public int Decode(bool io1Active, bool io2Active)
        {
            if (_tariffCount == 4)
            {
                int low = (io1Active != _inverted) ? 1 : 0;
                int high = (io2Active != _inverted) ? 2 : 0;
                return low + high;
            }

            bool input = _usesIo1 ? io1Active : io2Active;
            return (input != _inverted) ? 1 : 0;
        }
    }
}
