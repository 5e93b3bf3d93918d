using System.Text;
using Meter.Hal;
using Meter.Hal.Simulation.Serial;
using Meter.Optical;

namespace Meter.Optical.Tests.Support;

/// <summary>
/// The server on the meter end of a <see cref="VirtualSerialPair"/>, polled every
/// millisecond of virtual time, with the test acting as the optical probe.
/// </summary>
public sealed class OpticalRig
{
    public VirtualSerialPair Pair { get; } = new(300);
    public SampleMeter Meter { get; } = new();
    public EventRecorder Events { get; } = new();
    public TestSeal Seal { get; } = new();
    public OpticalPortSettings Settings { get; }
    public OpticalServer Server { get; }
    private readonly List<byte> _received = new();

    /// <param name="meterLink">The link the server gets on the meter end (default: the end itself).</param>
    public OpticalRig(Action<OpticalPortSettings>? configure = null, ReadoutList? readout = null,
        Func<VirtualSerialPair, ISerialLink>? meterLink = null)
    {
        Settings = new OpticalPortSettings { ManufacturerId = "OEM", Identification = "OpenMeter1" };
        configure?.Invoke(Settings);
        Link = meterLink?.Invoke(Pair) ?? Pair.Meter;
        Server = new OpticalServer(Link, Settings, Meter.Table, readout ?? SampleMeter.ShortReadout(), Seal, Events);
    }

    /// <summary>The server's link.</summary>
    public ISerialLink Link { get; }

    public VirtualSerialEnd Probe => Pair.Probe;

    public long NowMs => Pair.NowMs;

    /// <summary>Sends ASCII from the probe (control characters as \x01 etc.).</summary>
    public void Send(string text) => Probe.Write(text);

    public void Send(byte[] bytes) => Probe.Write(bytes, 0, bytes.Length);

    /// <summary>Runs virtual time for <paramref name="ms"/> milliseconds, polling every ms.</summary>
    public void Run(long ms)
    {
        for (long i = 0; i < ms; i++) Step();
    }

    /// <summary>Runs until the probe has sent everything and <paramref name="quietMs"/> pass with nothing arriving.</summary>
    public void RunUntilQuiet(long quietMs = 2000, long limitMs = 120_000)
    {
        long quiet = 0;
        for (long i = 0; i < limitMs && quiet < quietMs; i++)
        {
            int before = _received.Count;
            Step();
            bool busy = Probe.BytesToWrite > 0 || Pair.Meter.BytesToWrite > 0 || _received.Count != before;
            quiet = busy ? 0 : quiet + 1;
        }
    }

    /// <summary>Runs until the probe's last character has left.</summary>
    public void RunUntilSent()
    {
        while (Probe.BytesToWrite > 0) Step();
    }

    /// <summary>Runs until <paramref name="count"/> bytes have arrived at the probe (or the limit passes).</summary>
    public void RunUntilReceived(int count, long limitMs = 120_000)
    {
        for (long i = 0; i < limitMs && _received.Count < count; i++) Step();
    }

    private void Step()
    {
        Pair.AdvanceTo(Pair.NowNs + 1_000_000);
        Server.Poll(Pair.NowMs);
        _received.AddRange(Probe.ReadAll());
    }

    /// <summary>Takes what the probe received so far.</summary>
    public string TakeReceived()
    {
        var text = Encoding.ASCII.GetString(_received.ToArray());
        _received.Clear();
        return text;
    }

    /// <summary>Characters the meter sent, from the transcript.</summary>
    public IEnumerable<SerialCharacter> MeterCharacters => Pair.Transcript.Where(c => c.Sender == "meter");

    public IEnumerable<SerialCharacter> ProbeCharacters => Pair.Transcript.Where(c => c.Sender == "probe");

    /// <summary>A rig signed on in programming mode at 9600 Bd and logged in with the default password.</summary>
    public static OpticalRig LoggedIn()
    {
        var rig = new OpticalRig();
        rig.EnterProgramming();
        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
        return rig;
    }

    /// <summary>Signs on in mode C and selects programming at <paramref name="z"/>; consumes the P0 frame.</summary>
    public string EnterProgramming(char z = '5')
    {
        Send("/?!\r\n");
        RunUntilReceived("/OEM5OpenMeter1\r\n".Length);
        var ident = TakeReceived();
        Run(50);
        Send("\u00060" + z + "1\r\n");
        RunUntilSent(); // the ACK leaves the probe at 300 Bd, then the probe switches too
        Probe.BaudRate = BaudRateCharacter.FromModeC((byte)z);
        RunUntilQuiet(500);
        return ident + "|" + TakeReceived();
    }

    /// <summary>Sends a programming frame "SOH body-with-ETX BCC", computing the BCC.</summary>
    public string Command(string bodyWithEtx)
    {
        Send(Frame(bodyWithEtx));
        RunUntilQuiet(400);
        return TakeReceived();
    }

    /// <summary>The programming frame "SOH body-with-ETX BCC", the BCC computed.</summary>
    public static byte[] Frame(string bodyWithEtx)
    {
        var body = Encoding.ASCII.GetBytes(bodyWithEtx);
        byte bcc = 0;
        foreach (var b in body) bcc ^= b;
        var frame = new byte[body.Length + 2];
        frame[0] = 0x01;
        body.CopyTo(frame, 1);
        frame[^1] = bcc;
        return frame;
    }
}
