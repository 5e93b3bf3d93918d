using Meter.Clock;
using Meter.Hal;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// Writes the data message that answers a range request (P.01, P.98) to the optical link in
    /// small pieces, so an answer of any length needs no buffer of its size: STX, the data, ETX,
    /// BCC = XOR of every byte after STX through ETX (IEC 62056-21:2002 §6.3.9 data message,
    /// §6.3.14 block check character). One instance a link, reused for every answer.
    /// </summary>
    public sealed class RangeAnswer
    {
        private const byte Stx = 0x02, Etx = 0x03;

        private readonly ISerialLink _link;
        private readonly byte[] _chunk = new byte[128];
        private readonly byte[] _digits = new byte[20];
        private int _length;
        private byte _bcc;

        /// <summary>An answer writer on <paramref name="link"/>.</summary>
        public RangeAnswer(ISerialLink link)
        {
            _link = link;
        }

        /// <summary>Starts a data message (STX; the BCC starts after it).</summary>
        public void Begin()
        {
            _length = 0;
            _bcc = 0;
            _chunk[_length++] = Stx;
        }

        /// <summary>Ends the data message: ETX, then the BCC, and sends what is left.</summary>
        public void End()
        {
            Byte(Etx);
            if (_length == _chunk.Length) Flush();
            _chunk[_length++] = _bcc;
            Flush();
        }

        /// <summary>One character of the data.</summary>
        public void Byte(byte b)
        {
            if (_length == _chunk.Length) Flush();
            _chunk[_length++] = b;
            _bcc ^= b;
        }

        /// <summary>Characters of the data.</summary>
        public void Bytes(byte[] text)
        {
            for (int i = 0; i < text.Length; i++) Byte(text[i]);
        }

        /// <summary>CR LF: the end of a data line (§6.3.16).</summary>
        public void EndLine()
        {
            Byte(13);
            Byte(10);
        }

        /// <summary>Two decimal digits (00-99).</summary>
        public void Two(int value)
        {
            Byte((byte)('0' + value / 10 % 10));
            Byte((byte)('0' + value % 10));
        }

        /// <summary>Two upper-case hexadecimal digits (status flags 00-FF).</summary>
        public void Hex(int value)
        {
            Byte(HexDigit((value >> 4) & 15));
            Byte(HexDigit(value & 15));
        }

        /// <summary>A signed decimal integer, no leading zeros, '-' before a negative one.</summary>
        public void Decimal(long value)
        {
            int n = 0;
            if (value < 0)
            {
                Byte((byte)'-');
                // Digits taken from the negative value itself: no overflow at long.MinValue.
                do { _digits[n++] = (byte)('0' - (int)(value % 10)); value /= 10; } while (value != 0);
                for (int i = n - 1; i >= 0; i--) Byte(_digits[i]);
                return;
            }
            n = AsciiNumber.WriteUnsigned(value, _digits, 0);
            for (int i = 0; i < n; i++) Byte(_digits[i]);
        }

        /// <summary>
        /// <paramref name="value"/> in units of 10^−<paramref name="decimals"/> as a fixed-point number: sign, whole part,
        /// '.', the fraction with its leading zeros (12345 with 3 decimals → "12.345", −5 with 2 → "-0.05").
        /// </summary>
        public void Fixed(long value, int decimals)
        {
            long scale = 1;
            for (int i = 0; i < decimals; i++) scale *= 10;
            if (value < 0)
            {
                Byte((byte)'-');
                value = -value;
            }
            Decimal(value / scale);
            if (decimals == 0) return;
            Byte((byte)'.');
            long fraction = value % scale;
            for (long digit = scale / 10; digit >= 1; digit /= 10) Byte((byte)('0' + (int)(fraction / digit % 10)));
        }

        /// <summary>
        /// A VDEW time stamp of <paramref name="localSeconds"/>: the season flag Z (0 winter, 1
        /// summer) then yymmddhhmm, and ss when <paramref name="withSeconds"/> (DIN 43863-3
        /// logbook entries are stamped to the second, profile intervals to the minute).
        /// </summary>
        public void Stamp(long localSeconds, bool summer, bool withSeconds)
        {
            Byte((byte)(summer ? '1' : '0'));
            long dayNumber = UnixTime.FloorDiv(localSeconds, UnixTime.SecondsPerDay);
            int year, month, day;
            CivilCalendar.FromDayNumber(dayNumber, out year, out month, out day);
            int secondOfDay = (int)(localSeconds - dayNumber * UnixTime.SecondsPerDay);
            Two(year % 100);
            Two(month);
            Two(day);
            Two(secondOfDay / 3600);
            Two(secondOfDay / 60 % 60);
            if (withSeconds) Two(secondOfDay % 60);
        }

        private void Flush()
        {
            if (_length > 0) _link.Write(_chunk, 0, _length);
            _length = 0;
        }

        private static byte HexDigit(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }
    }
}
