namespace Meter.Obis
{
    /// <summary>
    /// COSEM Data (IEC 62056-62 class_id 1) holding printable text: meter number (C.1.0),
    /// identification, firmware version. Written text must fit a data-set value: printable
    /// 7-bit characters without "(", ")", "*", "/", "!" (IEC 62056-21:2002 §6.5 value field).
    /// </summary>
    public sealed class TextDataObject : ObisObject
    {
        /// <summary>A text object of at most <paramref name="maxLength"/> characters (1..32).</summary>
        public TextDataObject(ObisCode code, int maxLength, IObisValueSource source)
            : base(code, ObisInterfaceClass.Data, source)
        {
            if (maxLength < 1 || maxLength > 32) throw new System.ArgumentException("text length must be 1..32 (IEC 62056-21 value field)");
            MaxLength = maxLength;
        }

        /// <summary>Longest text accepted and shown.</summary>
        public int MaxLength { get; }

        /// <summary>True for a character allowed inside a data-set value (IEC 62056-21:2002 §6.5).</summary>
        public static bool IsValueCharacter(byte c) =>
            c >= 0x20 && c <= 0x7E && c != '(' && c != ')' && c != '*' && c != '/' && c != '!';

        /// <inheritdoc />
        protected override int WriteValueText(ObisCode code, byte[] buffer, int position)
        {
            string text;
            if (!Source.TryReadText(code, out text) || text == null) return -1;
            return WriteText(text, MaxLength, buffer, position);
        }

        /// <summary>
        /// Writes at most <paramref name="maxLength"/> characters of <paramref name="text"/> as
        /// value characters; returns the position after the last.
        /// </summary>
        public static int WriteText(string text, int maxLength, byte[] buffer, int position)
        {
            int n = text.Length < maxLength ? text.Length : maxLength;
            int p = position;
            for (int i = 0; i < n; i++)
            {
                char c = text[i];
                // Never let stored text break the frame: replace what a value may not contain.
                buffer[p++] = c < 128 && IsValueCharacter((byte)c) ? (byte)c : (byte)'_';
            }
            return p;
        }

        /// <summary>
        /// The value text of a W1 as a string: TooLong above <paramref name="maxLength"/>
        /// characters, InvalidFormat for a character a value may not hold (§6.5), else Accepted.
        /// </summary>
        public static ObisWriteResult ParseValue(byte[] text, int offset, int length, int maxLength, out string value)
        {
            value = null;
            if (length > maxLength) return ObisWriteResult.TooLong;
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte c = text[offset + i];
                if (!IsValueCharacter(c)) return ObisWriteResult.InvalidFormat;
                chars[i] = (char)c;
            }
            value = new string(chars);
            return ObisWriteResult.Accepted;
        }

        /// <inheritdoc />
        protected override ObisWriteResult WriteValidated(byte[] text, int offset, int length)
        {
            string value;
            ObisWriteResult parsed = ParseValue(text, offset, length, MaxLength, out value);
            return parsed == ObisWriteResult.Accepted ? Target.WriteText(Code, value) : parsed;
        }
    }
}
