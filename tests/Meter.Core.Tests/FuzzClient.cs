using Meter.Dlms;

namespace Meter.Core.Tests;

/// <summary>
/// The frame source of <see cref="HdlcPortFuzzTests"/>: a DLMS client that follows the server's sequence numbers (so that
/// valid I frames reach the COSEM server) and sends valid frames, frames with a mutated APDU (right CRCs), mutated frames
/// (bit flips, truncation, length field, HCS / FCS, addresses, inserted / deleted / duplicated bytes) and random bytes.
/// </summary>
internal sealed class FuzzClient
{
    private static readonly byte[][] Apdus =
    {
        HdlcTestFrames.AarqApdu,
        // Management client (SAP 1) LLS AARQ with a wrong password "zzzzzzzz" (far from any password by bit flips).
        HdlcTestFrames.Hex("60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 0A 80 08 7A 7A 7A 7A 7A 7A 7A 7A BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0"),
        HdlcTestFrames.Hex("C0 01 C1 00 03 01 00 01 08 00 FF 02 00"),                 // GET 1-0:1.8.0 value
        HdlcTestFrames.Hex("C0 01 C1 00 08 00 00 01 00 00 FF 02 00"),                 // GET clock time
        HdlcTestFrames.Hex("C0 01 C1 00 0F 00 00 28 00 00 FF 02 00"),                 // GET object list (long: blocks, segments)
        HdlcTestFrames.Hex("C0 02 C1 00 00 00 01"),                                   // GET next block 1
        HdlcTestFrames.Hex("C0 03 C1 02 00 03 01 00 01 08 00 FF 02 00 00 08 00 00 01 00 00 FF 02 00"), // GET with list
        HdlcTestFrames.Hex("C1 01 C1 00 03 01 00 01 08 00 FF 02 00 06 00 00 00 00"),  // SET 1-0:1.8.0 = 0
        HdlcTestFrames.Hex("C1 01 C1 00 08 00 00 01 00 00 FF 02 00 09 0C 07 E9 01 0F 03 0C 00 00 00 80 00 00"), // SET clock
        HdlcTestFrames.Hex("C1 02 C1 00 08 00 00 01 00 00 FF 02 00 00 00 00 00 01 05 09 03 07 E9 01"), // SET first datablock
        HdlcTestFrames.Hex("C1 03 C1 01 00 00 00 02 05 01 0F 03 0C 00"),              // SET next datablock (last)
        HdlcTestFrames.Hex("C3 01 C1 00 08 00 00 01 00 00 FF 01 01 0F 00"),           // ACTION clock adjust_to_quarter
        HdlcTestFrames.Hex("C3 01 C1 00 0F 00 00 28 00 00 FF 01 01 09 04 01 02 03 04"), // ACTION association reply_to_HLS
        HdlcTestFrames.Hex("62 00"),                                                  // RLRQ
    };

    private readonly Random _rng;
    private readonly byte[] _frame = new byte[4096];
    private readonly byte[] _scratch = new byte[4096];
    private readonly byte[] _apdu = new byte[1024];
    private readonly HdlcFrameDecoder _decoder = new(2000);
    private int _ns, _nr;

    public FuzzClient(Random rng) => _rng = rng;

    /// <summary>UA frames with negotiated parameters (answers to SNRM) seen.</summary>
    public long Connections { get; private set; }

    /// <summary>I frames the server sent (answers to APDUs).</summary>
    public long Answers { get; private set; }

    /// <summary>Milliseconds before the next frame: mostly 1, sometimes past the inter-octet time-out, rarely past the inactivity time-out.</summary>
    public int Gap()
    {
        int r = _rng.Next(10_000);
        return r == 0 ? 121_000 : r < 200 ? 30 : 1;
    }

    /// <summary>The next frame in <paramref name="frame"/> (a buffer reused by the next call); returns its length.</summary>
    public int Next(out byte[] frame)
    {
        frame = _frame;
        int kind = _rng.Next(100);
        if (kind < 10) return RandomBytes(0);
        int length = Valid(mutateApdu: kind >= 35 && kind < 55);
        if (kind >= 55)
        {
            int mutations = 1 + _rng.Next(3);
            for (int i = 0; i < mutations; i++) length = Mutate(length);
        }
        return length;
    }

    /// <summary>Reads the server's frames to follow its sequence numbers.</summary>
    public void Observe(byte[] sent, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (_decoder.Push(sent[i]) != HdlcDecodeStatus.FrameReady) continue;
            byte control = _decoder.Frame.Control;
            if (HdlcControl.IsInformation(control))
            {
                Answers++;
                _nr = (HdlcControl.SendSequence(control) + 1) & 7;
                _ns = HdlcControl.ReceiveSequence(control);
            }
            else if (HdlcControl.IsSupervisory(control)) _ns = HdlcControl.ReceiveSequence(control);
            else if (HdlcControl.Kind(control) == HdlcControl.UA && _decoder.Frame.InformationLength > 0)
            {
                Connections++;
                _ns = 0;
                _nr = 0;
            }
        }
    }

    // Random bytes, a third of them looking like the start of a frame (flag, format type 0xA).
    private int RandomBytes(int at)
    {
        int end = RandomBytesInto(_frame, at);
        if (_rng.Next(3) == 0 && end - at > 3)
        {
            _frame[at] = 0x7E;
            _frame[at + 1] = (byte)(0xA0 | _rng.Next(8));
        }
        return end;
    }

    private int Valid(bool mutateApdu)
    {
        int client = _rng.Next(5) == 0 ? 1 : 16;
        int size = _rng.Next(4) switch { 0 => 2, 1 => 4, _ => 1 };
        int lower = size == 1 ? -1 : 0x10;
        int kind = _rng.Next(100);
        if (kind < 12) // SNRM, with its parameters now and then
        {
            byte[] parameters = HdlcTestFrames.Hex("81 80 14 05 02 00 80 06 02 00 80 07 04 00 00 00 01 08 04 00 00 00 01");
            bool with = _rng.Next(2) == 0;
            return HdlcFrameWriter.Write(_frame, 0, 1, lower, size, client, -1, 1, HdlcControl.Unnumbered(HdlcControl.SNRM, true), false,
                parameters, 0, with ? parameters.Length : 0);
        }
        if (kind < 15)
            return HdlcFrameWriter.Write(_frame, 0, 1, lower, size, client, -1, 1, HdlcControl.Unnumbered(HdlcControl.DISC, true), false, null!, 0, 0);
        if (kind < 22)
            return HdlcFrameWriter.Write(_frame, 0, 1, lower, size, client, -1, 1, HdlcControl.Supervisory(HdlcControl.RR, _nr, true), false, null!, 0, 0);
        byte[] apdu = Apdus[_rng.Next(Apdus.Length)];
        _apdu[0] = 0xE6;
        _apdu[1] = 0xE6;
        _apdu[2] = 0x00;
        Array.Copy(apdu, 0, _apdu, 3, apdu.Length);
        int length = 3 + apdu.Length;
        if (mutateApdu) length = MutateBytes(_apdu, 3, length, _apdu.Length);
        bool segmented = _rng.Next(20) == 0;
        int ns = _ns;
        _ns = (_ns + 1) & 7; // as if the server takes it; the answer's N(R) corrects it
        return HdlcFrameWriter.Write(_frame, 0, 1, lower, size, client, -1, 1, HdlcControl.Information(ns, _nr, true), segmented,
            _apdu, 0, Math.Min(length, 120));
    }

    private int Mutate(int length) => MutateBytes(_frame, 0, length, _frame.Length / 2);

    // One mutation of buffer[from..length): returns the new length (at most capacity).
    private int MutateBytes(byte[] buffer, int from, int length, int capacity)
    {
        int span = length - from;
        if (span <= 0) return length;
        switch (_rng.Next(10))
        {
            case 0: // bit flips
                for (int i = 1 + _rng.Next(4); i > 0; i--) buffer[from + _rng.Next(span)] ^= (byte)(1 << _rng.Next(8));
                return length;
            case 1: // truncation
                return from + _rng.Next(span);
            case 2: // the frame length field (or any byte near the start)
                buffer[from + Math.Min(span - 1, 1 + _rng.Next(2))] = (byte)_rng.Next(256);
                return length;
            case 3: // HCS / FCS region: a byte near the header's or the frame's end
                int at = _rng.Next(2) == 0 ? from + Math.Min(span - 1, 5 + _rng.Next(6)) : length - 1 - _rng.Next(Math.Min(span, 3));
                buffer[at] ^= (byte)(1 + _rng.Next(255));
                return length;
            case 4: // addresses
                buffer[from + Math.Min(span - 1, 3 + _rng.Next(2))] = (byte)_rng.Next(256);
                return length;
            case 5: // random bytes inserted
            {
                int n = 1 + _rng.Next(8);
                if (length + n > capacity) return length;
                int p = from + _rng.Next(span + 1);
                Array.Copy(buffer, p, _scratch, 0, length - p);
                for (int i = 0; i < n; i++) buffer[p + i] = (byte)_rng.Next(256);
                Array.Copy(_scratch, 0, buffer, p + n, length - p);
                return length + n;
            }
            case 6: // bytes deleted
            {
                int p = from + _rng.Next(span);
                int n = 1 + _rng.Next(Math.Min(8, length - p));
                Array.Copy(buffer, p + n, buffer, p, length - p - n);
                return length - n;
            }
            case 7: // repeated
                if (length + span > capacity) return length;
                Array.Copy(buffer, from, buffer, length, span);
                return length + span;
            case 8: // a byte set to the flag
                buffer[from + _rng.Next(span)] = 0x7E;
                return length;
            default: // random bytes after it
                if (length + 130 > capacity) return length;
                return RandomBytesInto(buffer, length);
        }
    }

    private int RandomBytesInto(byte[] buffer, int at)
    {
        int n = 1 + _rng.Next(120);
        for (int i = 0; i < n; i++) buffer[at + i] = (byte)_rng.Next(256);
        return at + n;
    }
}
