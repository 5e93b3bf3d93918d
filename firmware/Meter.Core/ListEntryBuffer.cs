using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// Collects a list written entry by entry, one W1 each: "nn;item" (position 01 …, the item
    /// text) and "nn;" (the next position, no item) to end it — the encoding tools/MeterTool
    /// ConfigureCommand.ListWrites sends, each value within the 32 characters of an IEC 62056-21
    /// §6.3 data-set value. Position 01 begins a new list; a wrong position or a malformed entry
    /// restarts the list; only the end mark of a complete list hands it over (<see cref="Items"/>).
    /// </summary>
    public sealed class ListEntryBuffer
    {
        private readonly string[] _pending;
        private int _pendingCount;

        /// <summary>A buffer for lists of up to <paramref name="capacity"/> items.</summary>
        public ListEntryBuffer(int capacity)
        {
            _pending = new string[capacity];
        }

        /// <summary>Items collected so far.</summary>
        public int PendingCount => _pendingCount;

        /// <summary>The items of the list the last end mark completed (valid after <see cref="Add"/> gave complete = true).</summary>
        public string[] Items { get; private set; }

        /// <summary>
        /// Takes one entry. Accepted with <paramref name="complete"/> false: an item kept; with
        /// true: the end mark, <see cref="Items"/> holds the list (possibly empty: the owner
        /// decides whether an empty list is allowed). InvalidFormat (no "nn;" prefix, or an item
        /// with ( ) * / !, which IEC 62056-21 §6.3 does not allow in a value), OutOfRange (position
        /// not the next one, or more items than the capacity): the list restarts.
        /// </summary>
        public ObisWriteResult Add(string text, out bool complete)
        {
            complete = false;
            ObisWriteResult result = Parse(text, out complete);
            if (result != ObisWriteResult.Accepted || complete) _pendingCount = 0;
            return result;
        }

        /// <summary>Forgets a list begun (a later item of it was refused by the owner).</summary>
        public void Restart()
        {
            _pendingCount = 0;
        }

        private ObisWriteResult Parse(string text, out bool complete)
        {
            complete = false;
            if (text == null || text.Length < 3 || text.Length > ListSettings.EntryLength || text[2] != ';') return ObisWriteResult.InvalidFormat;
            if (text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') return ObisWriteResult.InvalidFormat;
            int position = (text[0] - '0') * 10 + (text[1] - '0');
            // Position 01 always begins a new list: a list broken off (session ended, link lost) never blocks the next one.
            if (position == 1) _pendingCount = 0;
            if (position != _pendingCount + 1) return ObisWriteResult.OutOfRange;
            if (text.Length == 3)
            {
                string[] items = new string[_pendingCount];
                for (int i = 0; i < items.Length; i++) items[i] = _pending[i];
                Items = items;
                complete = true;
                return ObisWriteResult.Accepted;
            }
            for (int i = 3; i < text.Length; i++)
                if (text[i] >= 128 || !TextDataObject.IsValueCharacter((byte)text[i])) return ObisWriteResult.InvalidFormat;
            if (_pendingCount == _pending.Length) return ObisWriteResult.OutOfRange;
            _pending[_pendingCount++] = text.Substring(3, text.Length - 3);
            return ObisWriteResult.Accepted;
        }
    }
}
