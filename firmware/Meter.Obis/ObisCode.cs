using System;

namespace Meter.Obis
{
    /// <summary>
    /// An OBIS object identifier A-B:C.D.E*F (IEC 62056-61:2006 §4): six value groups of 0..255.
    /// A = medium (1 electricity, 0 abstract), B = channel, C = quantity, D = processing,
    /// E = tariff / detail, F = billing period (255 = current / not used).
    /// </summary>
    public struct ObisCode
    {
        /// <summary>Value of an unused value group (IEC 62056-61 §4.1: 255 = "not used").</summary>
        public const byte NotUsed = 255;

        private readonly byte _a, _b, _c, _d, _e, _f;

        /// <summary>Creates the code A-B:C.D.E*F.</summary>
        public ObisCode(byte a, byte b, byte c, byte d, byte e, byte f)
        {
            _a = a; _b = b; _c = c; _d = d; _e = e; _f = f;
        }

        /// <summary>Creates the electricity code 1-0:C.D.E*255 (the reduced form C.D.E).</summary>
        public ObisCode(byte c, byte d, byte e) : this(1, 0, c, d, e, NotUsed)
        {
        }

        /// <summary>Value group A (medium).</summary>
        public byte A => _a;
        /// <summary>Value group B (channel).</summary>
        public byte B => _b;
        /// <summary>Value group C (quantity).</summary>
        public byte C => _c;
        /// <summary>Value group D (processing).</summary>
        public byte D => _d;
        /// <summary>Value group E (tariff, detail).</summary>
        public byte E => _e;
        /// <summary>Value group F (billing period; 255 = current value).</summary>
        public byte F => _f;

        /// <summary>The same code with value group F replaced (billing period <paramref name="f"/>).</summary>
        public ObisCode WithF(byte f) => new ObisCode(_a, _b, _c, _d, _e, f);

        /// <summary>True when all six value groups are equal.</summary>
        public bool Equals(ObisCode other) =>
            _a == other._a && _b == other._b && _c == other._c && _d == other._d && _e == other._e && _f == other._f;

        /// <inheritdoc />
        public override bool Equals(object obj) => obj is ObisCode && Equals((ObisCode)obj);

        /// <inheritdoc />
        public override int GetHashCode() => (_a << 20) ^ (_b << 16) ^ (_c << 12) ^ (_d << 8) ^ (_e << 4) ^ _f;

        /// <summary>Compares all six value groups.</summary>
        public static bool operator ==(ObisCode x, ObisCode y) => x.Equals(y);

        /// <summary>Compares all six value groups.</summary>
        public static bool operator !=(ObisCode x, ObisCode y) => !x.Equals(y);

        /// <summary>
        /// Writes the code as a data-set address: the reduced form C.D.E for electricity
        /// channel 0 (A=1, B=0), otherwise A-B:C.D.E; then *F when F is a billing period
        /// (F != 255). E.g. "1.8.0", "1.8.0*12", "0-0:96.1.0". Returns the number of bytes
        /// written, or -1 when fewer than <paramref name="room"/> bytes would not do.
        /// </summary>
        public int WriteAddress(byte[] buffer, int offset, int room)
        {
            if (room < 24) return -1; // longest form "255-255:255.255.255*255" is 23 bytes
            int p = offset;
            if (!(_a == 1 && _b == 0))
            {
                p = AsciiNumber.WriteUnsigned(_a, buffer, p);
                buffer[p++] = (byte)'-';
                p = AsciiNumber.WriteUnsigned(_b, buffer, p);
                buffer[p++] = (byte)':';
            }
            p = AsciiNumber.WriteUnsigned(_c, buffer, p);
            buffer[p++] = (byte)'.';
            p = AsciiNumber.WriteUnsigned(_d, buffer, p);
            buffer[p++] = (byte)'.';
            p = AsciiNumber.WriteUnsigned(_e, buffer, p);
            if (_f != NotUsed)
            {
                buffer[p++] = (byte)'*';
                p = AsciiNumber.WriteUnsigned(_f, buffer, p);
            }
            return p - offset;
        }

        /// <summary>The address form of <see cref="WriteAddress"/> as a string.</summary>
        public override string ToString()
        {
            var bytes = new byte[24];
            int n = WriteAddress(bytes, 0, bytes.Length);
            var chars = new char[n];
            for (int i = 0; i < n; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }

        /// <summary>
        /// Parses an OBIS address from ASCII bytes: "A-B:C.D.E", "C.D.E" (A=1, B=0 implied,
        /// IEC 62056-61 §4.2 reduced form), each optionally followed by "*F" or "&amp;F" (billing
        /// period). Value groups C and D may be one of the letters C, F, L, P (= 96, 97, 98, 99, IEC
        /// 62056-61 §4.4, e.g. "F.F"). Returns false on anything else (no exception: input comes from frames).
        /// </summary>
        public static bool TryParse(byte[] text, int offset, int length, out ObisCode code)
        {
            code = new ObisCode();
            if (text == null || offset < 0 || length <= 0 || offset + length > text.Length) return false;
            int p = offset, end = offset + length;
            int a = 1, b = 0, c, d, e, f = NotUsed;
            if (HasMediumAndChannel(text, offset, end))
            {
                if (!ReadNumber(text, ref p, end, out a) || !Expect(text, ref p, end, (byte)'-')) return false;
                if (!ReadNumber(text, ref p, end, out b) || !Expect(text, ref p, end, (byte)':')) return false;
            }
            if (!ReadGroup(text, ref p, end, out c)) return false;
            if (!Expect(text, ref p, end, (byte)'.') || !ReadGroup(text, ref p, end, out d)) return false;
            if (!Expect(text, ref p, end, (byte)'.') || !ReadNumber(text, ref p, end, out e)) return false;
            if (p < end)
            {
                // IEC 62056-61 §4.1 value group F: billing period; "&" is an accepted variant of "*".
                if (text[p] != '*' && text[p] != '&') return false;
                p++;
                if (!ReadNumber(text, ref p, end, out f)) return false;
            }
            if (p != end) return false;
            code = new ObisCode((byte)a, (byte)b, (byte)c, (byte)d, (byte)e, (byte)f);
            return true;
        }

        private static bool HasMediumAndChannel(byte[] text, int from, int end)
        {
            for (int i = from; i < end; i++)
                if (text[i] == ':') return true;
            return false;
        }

        private static bool Expect(byte[] text, ref int p, int end, byte expected)
        {
            if (p >= end || text[p] != expected) return false;
            p++;
            return true;
        }

        // Value groups C and D: a number or one of the letters (as in the error register "F.F").
        private static bool ReadGroup(byte[] text, ref int p, int end, out int value)
        {
            if (p < end && LetterValue(text[p]) >= 0)
            {
                value = LetterValue(text[p]);
                p++;
                return p >= end || !IsDigit(text[p]);
            }
            return ReadNumber(text, ref p, end, out value);
        }

        // 1 to 3 decimal digits, value 0..255.
        private static bool ReadNumber(byte[] text, ref int p, int end, out int value)
        {
            value = 0;
            int start = p;
            while (p < end && IsDigit(text[p]) && p - start < 3)
            {
                value = value * 10 + (text[p] - '0');
                p++;
            }
            if (p == start || value > 255) return false;
            return p >= end || !IsDigit(text[p]);
        }

        /// <summary>Parses an OBIS address string (see <see cref="TryParse"/>); throws on a malformed one.</summary>
        /// <exception cref="ArgumentException">The text is not an OBIS address.</exception>
        public static ObisCode Parse(string text)
        {
            if (text == null) throw new ArgumentNullException("text");
            var bytes = new byte[text.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                char c = text[i];
                bytes[i] = c < 128 ? (byte)c : (byte)0;
            }
            ObisCode code;
            if (!TryParse(bytes, 0, bytes.Length, out code))
                throw new ArgumentException("not an OBIS address (expected A-B:C.D.E[*F] or C.D.E[*F]): " + text);
            return code;
        }

        private static bool IsDigit(byte c) => c >= '0' && c <= '9';

        // IEC 62056-61 §4.4: letters in value group C for the country/manufacturer-specific
        // general purpose codes C = 96, F = 97, L = 98, P = 99.
        private static int LetterValue(byte c)
        {
            switch (c)
            {
                case (byte)'C': return 96;
                case (byte)'F': return 97;
                case (byte)'L': return 98;
                case (byte)'P': return 99;
                default: return -1;
            }
        }
    }
}
