using Meter.Obis;

namespace Meter.Optical
{
    /// <summary>
    /// Produces a readout data message "STX data-lines ! CR LF ETX BCC" (IEC 62056-21:2002
    /// §6.3.4) piece by piece into the caller's buffer, so that a long readout needs only one
    /// line of memory. Each data line is "address(value*unit)[(more)]" CR LF. Objects missing
    /// from the table and billing values the owner does not have are left out.
    /// </summary>
    public sealed class ReadoutStream
    {
        private const int LineCapacity = 128; // address ≤ 24 + value groups ≤ ObisObject.MaxValueLength + CR LF

        private readonly ObisTable _table;
        private readonly ReadoutList _list;
        private readonly byte[] _line = new byte[LineCapacity];
        private int _lineLength;
        private int _lineSent;
        private int _phase;      // 0 STX, 1 data lines, 2 end "!" CR LF ETX, 3 BCC, 4 done
        private int _item;       // index in the readout list
        private int _period;     // 0 = current value, 1..n = billing periods back from VZ
        private int _billingCounter; // VZ read at the start; -1 when unknown
        private int _bcc;
        private int _length;

        /// <summary>A stream over <paramref name="table"/> sending <paramref name="list"/>.</summary>
        public ReadoutStream(ObisTable table, ReadoutList list)
        {
            if (table == null) throw new System.ArgumentNullException("table");
            if (list == null) throw new System.ArgumentNullException("list");
            _table = table;
            _list = list;
            _phase = 4;
        }

        /// <summary>True once the BCC has been produced.</summary>
        public bool Finished => _phase == 4;

        /// <summary>Bytes produced since <see cref="Start"/>.</summary>
        public int Length => _length;

        /// <summary>Starts a new message (reads the billing counter VZ once, so all lines agree).</summary>
        public void Start()
        {
            _phase = 0;
            _item = 0;
            _period = 0;
            _lineLength = 0;
            _lineSent = 0;
            _bcc = 0;
            _length = 0;
            _billingCounter = -1;
            ObisObject counter = _table.Find(_list.BillingCounterCode);
            long vz;
            if (counter != null && counter.TryReadInteger(_list.BillingCounterCode, out vz) && vz >= 0)
                _billingCounter = (int)(vz % 100);
        }

        /// <summary>
        /// Writes the next bytes of the message into <paramref name="buffer"/> (at most
        /// <paramref name="room"/>); returns how many, 0 when finished.
        /// </summary>
        public int Fill(byte[] buffer, int offset, int room)
        {
            int written = 0;
            while (written < room && _phase != 4)
            {
                if (_lineSent == _lineLength && !PrepareNext()) continue;
                int n = _lineLength - _lineSent;
                if (n > room - written) n = room - written;
                System.Array.Copy(_line, _lineSent, buffer, offset + written, n);
                _lineSent += n;
                written += n;
            }
            _length += written;
            return written;
        }

        // Fills _line with the next piece; false when the phase advanced without output.
        private bool PrepareNext()
        {
            _lineLength = 0;
            _lineSent = 0;
            switch (_phase)
            {
                case 0:
                    _line[0] = ControlCharacter.Stx; // not part of the BCC (§6.3, ISO 1745)
                    _lineLength = 1;
                    _phase = 1;
                    return true;
                case 1:
                    if (_item >= _list.Count)
                    {
                        _phase = 2;
                        return false;
                    }
                    int n = FormatCurrentLine();
                    Advance();
                    if (n <= 0) return false;
                    _lineLength = n;
                    AddToBcc(0, n);
                    return true;
                case 2:
                    _line[0] = ControlCharacter.Exclamation;
                    _line[1] = ControlCharacter.Cr;
                    _line[2] = ControlCharacter.Lf;
                    _line[3] = ControlCharacter.Etx;
                    _lineLength = 4;
                    AddToBcc(0, 4);
                    _phase = 3;
                    return true;
                case 3:
                    _line[0] = (byte)(_bcc & 0x7F);
                    _lineLength = 1;
                    _phase = 4;
                    return true;
                default:
                    return false;
            }
        }

        private int FormatCurrentLine()
        {
            ObisCode code = _list.CodeAt(_item);
            if (_period > 0)
            {
                if (_billingCounter < 0) return 0;
                int f = (_billingCounter - (_period - 1) + 100) % 100;
                code = code.WithF((byte)f);
            }
            ObisObject item = _table.Find(code);
            if (item == null) return 0;
            int p = code.WriteAddress(_line, 0, LineCapacity);
            int v = item.WriteValue(code, _line, p, LineCapacity - p - 2);
            if (v < 0) return 0;
            // A billing value the owner does not keep shows as "()": leave it out.
            if (_period > 0 && v == 2) return 0;
            p += v;
            _line[p++] = ControlCharacter.Cr;
            _line[p++] = ControlCharacter.Lf;
            return p;
        }

        private void Advance()
        {
            if (_period < _list.BillingPeriodsAt(_item))
            {
                _period++;
                return;
            }
            _period = 0;
            _item++;
        }

        private void AddToBcc(int from, int count)
        {
            for (int i = from; i < from + count; i++) _bcc ^= _line[i];
        }
    }
}
