using System.Text;
using CsCheck;
using Meter.Obis;
using Meter.Optical.Tests.Support;
using Xunit.Abstractions;

namespace Meter.Optical.Tests;

/// <summary>
/// Random and mutated frames against the server in modes A, B and C (at least 1,000,000 frames; set
/// OPTICAL_FUZZ_FRAMES for a longer run): no exception escapes, nothing is written without a
/// successful login, legal data never changes with the seal closed, and afterwards the port
/// answers a sign-on again.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int FramesPerCase = 50;
    private static readonly int TotalFrames =
        int.TryParse(Environment.GetEnvironmentVariable("OPTICAL_FUZZ_FRAMES"), out int n) && n > 0 ? n : 1_000_000;

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private static byte[] Command(string bodyWithEtx)
    {
        var body = Ascii(bodyWithEtx);
        byte bcc = 0;
        foreach (var b in body) bcc ^= b;
        return [0x01, .. body, bcc];
    }

    // Valid messages of every kind the server knows; mutations start from these.
    private static readonly byte[][] Templates =
    [
        Ascii("/?!\r\n"), Ascii("/?12345678!\r\n"), Ascii("\u00060" + "50\r\n"), Ascii("\u00060" + "51\r\n"),
        Ascii("\u00060" + "01\r\n"), Command("P1\u0002(12345678)\u0003"), Command("R1\u00021.8.0()\u0003"),
        Command("W1\u00020.8.0(30)\u0003"), Command("W1\u00021.8.0(5.000*kWh)\u0003"),
        Command("W1\u00020-0:1.0.0(24-06-15 12:30:00)\u0003"), Command("W1\u00020-0:96.1.0(X1)\u0003"),
        Command("B0\u0003"), Ascii("\u0015"), Ascii("\u0006"), Command("R2\u00021.8.0()\u0003"),
    ];

    private static readonly byte[] CorrectLogin = Command("P1\u0002(00000000)\u0003");

    /// <summary>One frame and the silence after it (ms).</summary>
    public readonly record struct Frame(byte[] Bytes, int GapMs);

    private static Gen<byte[]> Mutated(byte[][] templates) =>
        Gen.Select(Gen.Int[0, templates.Length - 1], Gen.Int.Array[1, 6], Gen.Bool, (t, ops, fixBcc) =>
        {
            var bytes = new List<byte>(templates[t]);
            foreach (int op in ops)
            {
                int u = op & 0x7FFFFFFF;
                int pos = bytes.Count == 0 ? 0 : (u >> 8) % bytes.Count;
                byte value = (byte)(u >> 3);
                switch (u & 7)
                {
                    case 0: if (bytes.Count > 0) bytes[pos] ^= (byte)(1 << (value & 7)); break;
                    case 1: if (bytes.Count > 0) bytes[pos] = value; break;
                    case 2: bytes.Insert(pos, value); break;
                    case 3: if (bytes.Count > 0) bytes.RemoveAt(pos); break;
                    case 4: if (bytes.Count > 0) bytes.RemoveRange(pos, bytes.Count - pos); break;
                    case 5: bytes.InsertRange(pos, bytes.GetRange(pos, Math.Min(4, bytes.Count - pos))); break;
                    case 6: bytes.Insert(pos, (byte)"\u0001\u0002\u0003\u0004\u0006\u0015/!()*\r\n"[value % 13]); break;
                    default: if (bytes.Count > 0) bytes[pos] = (byte)('0' + value % 10); break;
                }
            }
            // Half of the mutants get a correct BCC so that they reach the command parser.
            if (fixBcc && bytes.Count > 2 && bytes[0] == 0x01)
            {
                byte bcc = 0;
                for (int i = 1; i < bytes.Count - 1; i++) bcc ^= bytes[i];
                bytes[^1] = bcc;
            }
            return bytes.ToArray();
        });

    private static Gen<Frame[]> Case(byte[][] templates) =>
        Gen.Frequency(
                (3, Gen.Byte.Array[0, 40]),
                (6, Mutated(templates)),
                (2, Gen.Int[0, templates.Length - 1].Select(i => templates[i])))
            .Select(Gen.Frequency((6, Gen.Int[0, 300]), (2, Gen.Int[300, 2000]), (1, Gen.Int[2000, 200_000])),
                (bytes, gap) => new Frame(bytes, gap))
            .Array[FramesPerCase];

    private static long _logins, _writes, _refusedWithoutLogin;

    // Mode of a case: a quarter A, a quarter B, half C (the only mode with programming).
    private static OpticalProtocolMode ModeOf(int pick) =>
        pick == 0 ? OpticalProtocolMode.A : pick == 1 ? OpticalProtocolMode.B : OpticalProtocolMode.C;

    // The identification of each mode at 9600 Bd: Z = '-' (A), 'E' (B), '5' (C).
    private static string IdentificationOf(OpticalProtocolMode mode) =>
        mode == OpticalProtocolMode.A ? "/OEM-OpenMeter1\r\n" : mode == OpticalProtocolMode.B ? "/OEMEOpenMeter1\r\n" : "/OEM5OpenMeter1\r\n";

    /// <summary>Runs one case; returns the number of frames fed.</summary>
    private static int Run(Frame[] frames, OpticalProtocolMode mode, bool startInProgramming, bool allowLogin)
    {
        var meter = new SampleMeter();
        var events = new EventRecorder();
        var link = new InstantLink();
        var settings = new OpticalPortSettings { Mode = mode };
        var server = new OpticalServer(link, settings, meter.Table, DefaultReadout.Create(), new TestSeal(), events);
        long now = 0;
        if (startInProgramming && mode == OpticalProtocolMode.C)
        {
            link.Inject(Ascii("/?!\r\n"));
            server.Poll(now += 1);
            server.Poll(now += 250);
            link.Inject(Ascii("\u00060" + "51\r\n"));
            server.Poll(now += 1);
            server.Poll(now += 350);
            Assert.Equal(OpticalServerState.Programming, server.State);
        }
        foreach (var frame in frames)
        {
            link.Inject(frame.Bytes);
            server.Poll(now += 1);
            server.Poll(now += Math.Min(frame.GapMs, 250));
            server.Poll(now += Math.Max(0, frame.GapMs - 250));

            int logins = events.Count(OpticalEventKind.LoginSucceeded);
            int writes = events.Count(OpticalEventKind.WriteAccepted);
            if (!allowLogin) Assert.Equal(0, logins);
            // Nothing stored without an accepted, logged write; none before a login.
            Assert.Equal(writes, meter.Store.WriteCount);
            if (writes > 0)
            {
                int firstLogin = events.Events.FindIndex(e => e.Kind == OpticalEventKind.LoginSucceeded);
                int firstWrite = events.Events.FindIndex(e => e.Kind == OpticalEventKind.WriteAccepted);
                Assert.InRange(firstLogin, 0, firstWrite);
            }
            // Legal data: the seal stays closed, so the energy register keeps its value.
            Assert.True(meter.Store.TryReadInteger(StandardObjects.ActiveImport, out long wh));
            Assert.Equal(1_234_567, wh);
        }
        Interlocked.Add(ref _logins, events.Count(OpticalEventKind.LoginSucceeded));
        Interlocked.Add(ref _writes, events.Count(OpticalEventKind.WriteAccepted));
        Interlocked.Add(ref _refusedWithoutLogin, events.Count(OpticalEventKind.CommandWithoutLogin)
            + events.Events.Count(e => e.Kind == OpticalEventKind.WriteRejected && e.Detail == 3));
        // Recovery: after the standard's time-outs the port is idle at 300 Bd and answers.
        server.Poll(now += 130_000);
        Assert.Equal(OpticalServerState.Idle, server.State);
        Assert.Equal(300, link.BaudRate);
        link.Output.Clear();
        link.Inject(Ascii("/?!\r\n"));
        server.Poll(now += 1);
        server.Poll(now += 250);
        Assert.StartsWith(IdentificationOf(mode), Encoding.ASCII.GetString(link.Output.ToArray()));
        return frames.Length;
    }

    [Fact]
    public void Random_and_mutated_frames_never_write_without_login_and_the_port_recovers()
    {
        long fed = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // 70 %: no correct password anywhere (strict: no login, no write at all);
        // 30 %: the correct login frame is among the templates (writes only after it).
        int strictCases = (int)(TotalFrames * 0.7 / FramesPerCase) + 1;
        int loginCases = (int)(TotalFrames * 0.3 / FramesPerCase) + 1;
        Gen.Select(Case(Templates), Gen.Int[0, 3], Gen.Bool).Sample((t) =>
        {
            Interlocked.Add(ref fed, Run(t.Item1, ModeOf(t.Item2), t.Item3, allowLogin: false));
        }, iter: strictCases);
        byte[][] withLogin = [.. Templates, CorrectLogin, CorrectLogin];
        Gen.Select(Case(withLogin), Gen.Int[0, 3], Gen.Bool).Sample((t) =>
        {
            Interlocked.Add(ref fed, Run(t.Item1, ModeOf(t.Item2), t.Item3, allowLogin: true));
        }, iter: loginCases);
        output.WriteLine($"{fed} frames fed in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(fed >= TotalFrames, $"only {fed} frames fed");
        // The mutants reached the command parser: refused R1/W1, and with the login frame
        // among the templates some sessions logged in and wrote.
        Assert.True(_refusedWithoutLogin > 1000, $"{_refusedWithoutLogin} commands refused for lack of login");
        Assert.True(_logins > 0 && _writes > 0, $"{_logins} logins, {_writes} writes");
    }
}
