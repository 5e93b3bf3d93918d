namespace Meter.Obis
{
    /// <summary>
    /// A list the optical port writes and reads entry by entry: the display and readout lists
    /// (COSEM Profile generic, class 7), the holiday table (Special days table, class 11), the
    /// tariff switching times (Activity calendar, class 20). A W1 "nn;item" or "nn;" (the end
    /// mark) hands one entry to the target, which collects and checks the list. An R1 mirrors
    /// it, the entry number being the data of the command "address(data)" (IEC 62056-21:2002
    /// §6.3.7): "address()" answers the number of entries "address(3)", "address(nn)" answers
    /// "address(nn;item)", and "address(nn;)" past the last entry (the end mark of the writes).
    /// A readout of the object shows the number of entries.
    /// </summary>
    public sealed class ListObject : ObisObject
    {
        /// <summary><see cref="ParseEntryNumber"/> of an empty argument: the number of entries is asked for.</summary>
        public const int CountRequest = 0;
        /// <summary><see cref="ParseEntryNumber"/> of an argument that is not two digits.</summary>
        public const int MalformedEntryNumber = -1;
        /// <summary><see cref="ParseEntryNumber"/> of "00": entries are numbered from 01 as in the writes.</summary>
        public const int EntryNumberOutOfRange = -2;
        /// <summary>Highest entry number: two digits, as in "nn;item".</summary>
        public const int MaxEntryNumber = 99;

        private readonly IObisListSource _items;

        /// <summary>
        /// A list <paramref name="code"/> of class <paramref name="classId"/> whose entries
        /// "nn;item" are at most <paramref name="maxEntryLength"/> (4..32) characters, read from
        /// <paramref name="items"/>; read-only until <see cref="ObisObject.AllowWrite"/>.
        /// </summary>
        public ListObject(ObisCode code, ObisInterfaceClass classId, int maxEntryLength, IObisListSource items)
            : base(code, classId, null)
        {
            if (items == null) throw new System.ArgumentNullException("items");
            if (maxEntryLength < 4 || maxEntryLength > 32) throw new System.ArgumentException("list entry length must be 4..32 (\"nn;\" and an item within an IEC 62056-21 value)");
            _items = items;
            MaxEntryLength = maxEntryLength;
        }

        /// <summary>Longest entry "nn;item" accepted and shown.</summary>
        public int MaxEntryLength { get; }

        /// <summary>
        /// The entry number an R1 asks for with its argument (the text inside the parentheses):
        /// <see cref="CountRequest"/> for none, 1 … 99 for "01" … "99",
        /// <see cref="MalformedEntryNumber"/> for anything but two digits,
        /// <see cref="EntryNumberOutOfRange"/> for "00".
        /// </summary>
        public static int ParseEntryNumber(byte[] text, int offset, int length)
        {
            if (length == 0) return CountRequest;
            long number;
            if (length != 2 || !AsciiNumber.TryParseDigits(text, offset, length, out number)) return MalformedEntryNumber;
            return number == 0 ? EntryNumberOutOfRange : (int)number;
        }

        /// <summary>
        /// Writes the value group an R1 of entry <paramref name="entry"/> answers: "(nn;item)", or
        /// "(nn;)" past the last entry; for <see cref="CountRequest"/> the number of entries
        /// "(n)" as <see cref="ObisObject.WriteValue"/>. Returns the number of bytes written, or
        /// -1 when <paramref name="room"/> is below <see cref="ObisObject.MaxValueLength"/>.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="entry"/> is not 0 … 99.</exception>
        public int WriteEntry(int entry, byte[] buffer, int offset, int room)
        {
            if (entry == CountRequest) return WriteValue(Code, buffer, offset, room);
            if (entry < 1 || entry > MaxEntryNumber) throw new System.ArgumentOutOfRangeException("entry");
            if (room < MaxValueLength) return -1;
            int p = offset;
            buffer[p++] = (byte)'(';
            p = AsciiNumber.WritePadded(entry, 2, buffer, p);
            buffer[p++] = (byte)';';
            string item;
            if (_items.TryReadItem(Code, entry - 1, out item) && item != null)
                p = TextDataObject.WriteText(item, MaxEntryLength - 3, buffer, p);
            buffer[p++] = (byte)')';
            return p - offset;
        }

        /// <summary>The number of entries (what a readout and an R1 without argument show).</summary>
        protected override int WriteValueText(ObisCode code, byte[] buffer, int position)
        {
            int count = _items.CountItems(Code);
            if (count < 0) return -1;
            return AsciiNumber.WriteUnsigned(count, buffer, position);
        }

        /// <summary>One entry "nn;item" or "nn;" as text to the target (which checks its form and the list).</summary>
        protected override ObisWriteResult WriteValidated(byte[] text, int offset, int length)
        {
            string entry;
            ObisWriteResult parsed = TextDataObject.ParseValue(text, offset, length, MaxEntryLength, out entry);
            return parsed == ObisWriteResult.Accepted ? Target.WriteText(Code, entry) : parsed;
        }
    }
}
