using Meter.Core;
using Meter.Dlms;
using Meter.Simulation;

namespace Meter.Benchmarks;

/// <summary>
/// One day of the 15-min load profile (A+/A-/R+/R-, 96 intervals) read by a DLMS/COSEM client with selective
/// access (range_descriptor, Blue Book 4.3.6) from the meter's own COSEM server through an
/// <see cref="HdlcServerLink"/> on the bit-accurate virtual serial line at 9600 Bd (10 bits per character), as on
/// the optical port in mode E (8N1; the simulation's VirtualSerialPair carries 7E1 only, so the line is modelled
/// here: each character 10 bit times, one after the other per sender): SNRM with the default parameters (128-byte information fields, window 1), the
/// public client's AARQ, then the GET with its blocks, each HDLC segment pulled with RR. Both ends are polled every
/// millisecond and wait a stated turnaround after the other's closing flag before they send.
/// profile_day_read_s = from the GET request's first character to the last block's last one;
/// wire_time_ratio = that time / the time of its characters alone (both directions at 10 bits per character).
/// alloc_bytes_per_request = bytes the meter side (HDLC link, COSEM server, profile) allocated on this thread
/// per frame received, over a second identical read (the first one warms up).
/// </summary>
public sealed class DlmsBenchmark : IBenchmark
{
    private const int Baud = 9600;
    private const int TurnaroundMs = 10;
    private static readonly byte[] LoadProfile = { 1, 0, 99, 1, 0, 255 };

    public string Name => "dlms";

    public string Description => "one day of the 15-min load profile by COSEM selective access over HDLC at 9600 Bd; allocations per request";

    public void Run(BenchmarkReport report, string[] args)
    {
        if (args.Length > 0) throw new ArgumentException("dlms takes no options");
        using var host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = "balanced",
            Optical = "none",
            Start = new DateTime(2025, 1, 14, 23, 0, 0, DateTimeKind.Utc), // 2025-01-15 00:00 CET
        });
        host.RunFor(TimeSpan.FromHours(26));
        var session = new Session(host.Meter.Dlms);
        Read warm = session.ReadDay();
        Read read = session.ReadDay();
        if (read.Entries != 96) throw new InvalidOperationException($"expected 96 intervals, read {read.Entries}");
        double wire = (read.RequestBytes + read.AnswerBytes) * 10.0 / Baud;
        report.Table($"One day of the load profile by selective access, HDLC at {Baud} Bd",
            ["read", "intervals", "GET blocks", "HDLC frames →", "bytes →", "bytes ←", "time s", "characters s", "ratio", "meter alloc B"],
            [warm.Row("first (warm-up)", Baud), read.Row("second", Baud)]);
        report.Note($"Turnaround: each end sends {TurnaroundMs} ms after the other's closing flag (1 ms polling); SNRM defaults 128 B, window 1.");
        report.Note("Range 2025-01-15 00:15 … 2025-01-16 00:00 local, all columns (clock, 1-0:1.8.0, 2.8.0, 3.8.0, 4.8.0).");
        report.Figure("profile_day_read_s", read.Seconds);
        report.Figure("wire_time_ratio", read.Seconds / wire);
        report.Figure("profile_day_bytes", (long)(read.RequestBytes + read.AnswerBytes));
        report.Figure("profile_day_get_blocks", (long)read.Blocks);
        report.Figure("alloc_bytes_per_request", read.Allocated / read.Frames);
    }

    private sealed record Read(int Entries, int Blocks, int Frames, int RequestBytes, int AnswerBytes, double Seconds, long Allocated)
    {
        public string[] Row(string name, int baud) =>
        [
            name, Entries.ToString(), Blocks.ToString(), Frames.ToString(), RequestBytes.ToString(), AnswerBytes.ToString(),
            Seconds.ToString("F3"), ((RequestBytes + AnswerBytes) * 10.0 / baud).ToString("F3"),
            (Seconds / ((RequestBytes + AnswerBytes) * 10.0 / baud)).ToString("F3"), Allocated.ToString(),
        ];
    }

    /// <summary>The client (probe) and the meter's HDLC link on one virtual line.</summary>
    private sealed class Session : IFrameSink
    {
        private const long CharacterNs = 10_000_000_000L / Baud;
        private readonly List<(bool Probe, long StartNs, long EndNs)> _transcript = new();
        private readonly Queue<(byte Value, long EndNs)> _toMeter = new(), _toProbe = new();
        private long _nowNs, _probeFreeNs, _meterFreeNs;
        private long NowMs => _nowNs / 1_000_000;
        private readonly HdlcServerLink _link;
        private readonly HdlcFrameDecoder _decoder = new(2047);
        private readonly byte[] _meterIn = new byte[256];
        private readonly byte[] _meterOut = new byte[4096];
        private int _meterOutLength;
        private long _meterOutDueMs = -1;
        private readonly byte[] _frame = new byte[2100];
        private int _vs, _vr;
        private long _allocated;
        private int _frames;

        public Session(IApduHandler server)
        {
            _link = new HdlcServerLink(new HdlcServerSettings { LogicalDevice = 1 }, server, this);
        }

        // The meter's frames wait in a buffer of their own, so the line's (simulation) allocations are not counted.
        public void Send(byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, _meterOut, _meterOutLength, count);
            _meterOutLength += count;
            _meterOutDueMs = NowMs + TurnaroundMs;
        }

        public Read ReadDay()
        {
            _nowNs += 1_000_000_000;
            Frame(HdlcControl.SNRM | HdlcControl.PollFinal, null);
            _vs = _vr = 0;
            // Public client AARQ: LN referencing, lowest level security, conformance with block transfer, PDU 0x04B0.
            Apdu(Convert.FromHexString("601DA109060760857405080101BE10040E01000000065F1F0400007E1F04B0"));
            int startTranscript = _transcript.Count;
            _allocated = 0;
            _frames = 0;
            var request = new List<byte> { 0xC0, 0x01, 0xC1, 0x00, 0x07 };
            request.AddRange(LoadProfile);
            request.AddRange(new byte[] { 0x02, 0x01, 0x01 }); // attribute 2, selective access, selector 1
            request.AddRange(Convert.FromHexString("0204020412000809060000010000FF0F02120000"));
            request.AddRange(DateTime(2025, 1, 15, 0, 15));
            request.AddRange(DateTime(2025, 1, 16, 0, 0));
            request.AddRange(new byte[] { 0x01, 0x00 });
            byte[] answer = Apdu(request.ToArray());
            var data = new List<byte>();
            int blocks = 0;
            while (answer[1] == 0x02)
            {
                blocks++;
                int at = 9, length = answer[at++];
                if (length >= 0x80) { int n = length & 0x7F; length = 0; for (int i = 0; i < n; i++) length = length << 8 | answer[at++]; }
                data.AddRange(answer.AsSpan(at, length).ToArray());
                if (answer[3] != 0) break;
                answer = Apdu([0xC0, 0x02, 0xC1, answer[4], answer[5], answer[6], answer[7]]);
            }
            if (blocks == 0) data.AddRange(answer.AsSpan(4).ToArray());
            int entries = data[1] < 0x80 ? data[1] : data[2] << 8 | data[3];
            var exchange = _transcript.Skip(startTranscript).ToList();
            int requestBytes = exchange.Count(c => c.Probe), answerBytes = exchange.Count - requestBytes;
            double seconds = (exchange[^1].EndNs - exchange[0].StartNs) / 1e9;
            Frame(HdlcControl.DISC | HdlcControl.PollFinal, null);
            return new Read(entries, blocks, _frames, requestBytes, answerBytes, seconds, _allocated);
        }

        private static byte[] DateTime(int year, int month, int day, int hour, int minute)
            => [0x09, 0x0C, (byte)(year >> 8), (byte)year, (byte)month, (byte)day, 0xFF, (byte)hour, (byte)minute, 0, 0, 0x80, 0x00, 0];

        // One APDU in an I frame (LLC E6 E6 00), the answer joined from its segments (RR for each next one).
        private byte[] Apdu(byte[] apdu)
        {
            byte[] information = [0xE6, 0xE6, 0x00, .. apdu];
            var answer = new List<byte>();
            var frame = Frame((byte)(_vr << 5 | HdlcControl.PollFinal | _vs << 1), information);
            _vs = (_vs + 1) & 7;
            while (true)
            {
                _vr = (HdlcControl.SendSequence(frame.Control) + 1) & 7;
                answer.AddRange(frame.Information);
                if (!frame.Segmented) break;
                frame = Frame((byte)(_vr << 5 | HdlcControl.PollFinal | HdlcControl.RR), null);
            }
            return answer.Skip(3).ToArray(); // LLC E6 E7 00
        }

        private (byte Control, bool Segmented, byte[] Information) Frame(byte control, byte[]? information)
        {
            int n = HdlcFrameWriter.Write(_frame, 0, 1, -1, 1, 0x10, -1, 1, control, false,
                information ?? Array.Empty<byte>(), 0, information?.Length ?? 0);
            Step(TurnaroundMs);
            Transmit(true, _frame, n);
            _frames++;
            _decoder.Reset();
            for (long limit = NowMs + 60_000; NowMs < limit;)
            {
                Step(1);
                while (_toProbe.Count > 0 && _toProbe.Peek().EndNs <= _nowNs)
                    if (_decoder.Push(_toProbe.Dequeue().Value) == HdlcDecodeStatus.FrameReady)
                    {
                        var f = _decoder.Frame;
                        return (f.Control, f.Segmented, f.Buffer.AsSpan(f.InformationOffset, f.InformationLength).ToArray());
                    }
            }
            throw new InvalidOperationException($"the meter did not answer (rejected {_link.RejectedFrames}, {_link.LastRejection}, sent {Convert.ToHexString(_frame, 0, n)}, state {_link.State})");
        }

        // Characters one after the other from the sender, each 10 bit times at the baud rate.
        private void Transmit(bool probe, byte[] bytes, int count)
        {
            long free = Math.Max(probe ? _probeFreeNs : _meterFreeNs, _nowNs);
            for (int i = 0; i < count; i++)
            {
                long end = free + CharacterNs;
                (probe ? _toMeter : _toProbe).Enqueue((bytes[i], end));
                _transcript.Add((probe, free, end));
                free = end;
            }
            if (probe) _probeFreeNs = free; else _meterFreeNs = free;
        }

        private void Step(int ms)
        {
            for (int i = 0; i < ms; i++)
            {
                _nowNs += 1_000_000;
                int n = 0;
                while (n < _meterIn.Length && _toMeter.Count > 0 && _toMeter.Peek().EndNs <= _nowNs) _meterIn[n++] = _toMeter.Dequeue().Value;
                long before = GC.GetAllocatedBytesForCurrentThread();
                if (n > 0) _link.Receive(_meterIn, 0, n, NowMs);
                _link.Tick(NowMs);
                _allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                if (_meterOutLength > 0 && NowMs >= _meterOutDueMs)
                {
                    Transmit(false, _meterOut, _meterOutLength);
                    _meterOutLength = 0;
                }
            }
        }
    }
}
