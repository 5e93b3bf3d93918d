using System.Text;
using Meter.Hal.Simulation.Serial;

namespace Meter.Core.Tests;

/// <summary>
/// The test's end of a timed <see cref="VirtualSerialPair"/> (an optical probe or a communication module): it writes,
/// lets virtual time run in 1 ms steps with the meter side polled after each (<see cref="Poll"/>), and collects what
/// arrives. IEC 62056-21 helpers (sign-on, programming mode, command frames) and an HDLC exchange on top.
/// </summary>
internal abstract class SerialProbe
{
    private readonly List<byte> _received = new();

    public VirtualSerialPair Pair { get; } = new(300);

    /// <summary>The meter side at <paramref name="nowMs"/>.</summary>
    protected abstract void Poll(long nowMs);

    /// <summary>Advances virtual time by <paramref name="ms"/> and polls the meter side once.</summary>
    public void Step(long ms = 1)
    {
        Pair.AdvanceTo(Pair.NowNs + ms * 1_000_000);
        Poll(Pair.NowMs);
        _received.AddRange(Pair.Probe.ReadAll());
    }

    /// <summary>Steps until neither end has sent anything for <paramref name="quietMs"/>.</summary>
    public void RunUntilQuiet(long quietMs)
    {
        long quiet = 0;
        for (long i = 0; i < 120_000 && quiet < quietMs; i++)
        {
            int before = _received.Count;
            Step();
            bool busy = Pair.Probe.BytesToWrite > 0 || Pair.Meter.BytesToWrite > 0 || _received.Count != before;
            quiet = busy ? 0 : quiet + 1;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> and steps until they have left (the ACK of an option select before a switch).</summary>
    public void Send(byte[] bytes)
    {
        Pair.Probe.Write(bytes, 0, bytes.Length);
        while (Pair.Probe.BytesToWrite > 0) Step();
    }

    public void Send(string ascii) => Send(Encoding.ASCII.GetBytes(ascii));

    /// <summary>Everything received since the last take.</summary>
    public byte[] TakeBytes()
    {
        byte[] bytes = _received.ToArray();
        _received.Clear();
        return bytes;
    }

    public string Take() => Encoding.ASCII.GetString(TakeBytes());

    /// <summary>Sends an HDLC frame and returns what came back before 30 ms of silence.</summary>
    public byte[] Exchange(byte[] frame)
    {
        Send(frame);
        RunUntilQuiet(30);
        return TakeBytes();
    }

    /// <summary>Sign-on "/?!" and the identification message the meter answers.</summary>
    public string SignOn()
    {
        Send("/?!\r\n");
        RunUntilQuiet(300);
        return Take();
    }

    /// <summary>Signs on in mode C and enters programming at 9600 Bd (P0 received), not yet logged in.</summary>
    public void EnterProgramming()
    {
        Assert.EndsWith("\r\n", SignOn());
        Send("\u0006051\r\n");
        Pair.Probe.BaudRate = 9600;
        RunUntilQuiet(300);
        Assert.StartsWith("\u0001P0", Take());
    }

    /// <summary>Sends "SOH body BCC" (BCC over the body, ETX included) and returns the answer.</summary>
    public string Command(string bodyWithEtx)
    {
        var body = Encoding.ASCII.GetBytes(bodyWithEtx);
        byte bcc = 0;
        foreach (var b in body) bcc ^= b;
        Pair.Probe.Write([0x01, .. body, bcc], 0, body.Length + 2);
        RunUntilQuiet(400);
        return Take();
    }
}
