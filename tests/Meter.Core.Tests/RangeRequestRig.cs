using System.Text;
using Meter.Hal.Simulation.Serial;
using Meter.Optical;

namespace Meter.Core.Tests;

/// <summary>
/// The range requests (P.01, P.98) of a meter served through a <see cref="RangeRequestLink"/> in
/// front of an <see cref="OpticalServer"/> on the meter's own table, on the meter end of a timed
/// <see cref="VirtualSerialPair"/> polled every millisecond; the test is the optical probe. The
/// server's events go to the meter's <see cref="EventRouting"/> (a login is logged, as in the meter).
/// </summary>
internal sealed class RangeRequestRig
{
    private readonly List<byte> _received = new();

    public RangeRequestRig(ElectricityMeter meter, int maximumEvents = EventLogRequest.MaximumEvents)
    {
        Profile = new ProfileRequest(meter.Storage, meter.TimeRule);
        Logbook = new EventLogRequest(meter.Storage, meter.TimeRule, meter.Time, maximumEvents);
        Link = new RangeRequestLink(Pair.Meter, [Profile, Logbook]);
        var port = new OpticalPortSettings
        {
            ManufacturerId = meter.Settings.ManufacturerId,
            Identification = meter.Settings.Identification,
            Passwords = meter.Settings.Passwords,
        };
        Server = new OpticalServer(Link, port, meter.Table, meter.Readout, new ClosedSeal(), meter.Events);
        Link.Session = Server;
    }

    public VirtualSerialPair Pair { get; } = new(300);
    public RangeRequestLink Link { get; }
    public ProfileRequest Profile { get; }
    public EventLogRequest Logbook { get; }
    public OpticalServer Server { get; }

    /// <summary>Signs on in mode C and enters programming at 9600 Bd (P0 received), not yet logged in.</summary>
    public void EnterProgramming()
    {
        Pair.Probe.Write("/?!\r\n");
        RunUntilQuiet(300);
        Assert.EndsWith("\r\n", Take());
        Pair.Probe.Write("\u0006051\r\n");
        while (Pair.Probe.BytesToWrite > 0) Step();
        Pair.Probe.BaudRate = 9600;
        RunUntilQuiet(300);
        Assert.StartsWith("\u0001P0", Take());
    }

    /// <summary>Enters programming and logs in with the meter's password.</summary>
    public void LogIn(string password)
    {
        EnterProgramming();
        Assert.Equal("\u0006", Command("P1\u0002(" + password + ")\u0003"));
        Assert.Equal(1, Server.GrantedLevel);
    }

    /// <summary>Sends "SOH body BCC" (BCC computed over the body, ETX included) and returns the answer.</summary>
    public string Command(string bodyWithEtx)
    {
        var body = Encoding.ASCII.GetBytes(bodyWithEtx);
        byte bcc = 0;
        foreach (var b in body) bcc ^= b;
        Pair.Probe.Write([0x01, .. body, bcc], 0, body.Length + 2);
        RunUntilQuiet(400);
        return Take();
    }

    /// <summary>The data block of a data message "STX data ETX BCC", after checking its BCC (IEC 62056-21 §6.3.14).</summary>
    public static string DataBlock(string message)
    {
        Assert.True(message.Length >= 3 && message[0] == '\u0002' && message[^2] == '\u0003', $"not a data message: {message}");
        byte bcc = 0;
        foreach (char c in message[1..^1]) bcc ^= (byte)c;
        Assert.Equal(bcc, (byte)message[^1]);
        return message[1..^2];
    }

    private void RunUntilQuiet(long quietMs)
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

    private void Step()
    {
        Pair.AdvanceTo(Pair.NowNs + 1_000_000);
        Link.Poll(Pair.NowMs);
        Server.Poll(Pair.NowMs);
        _received.AddRange(Pair.Probe.ReadAll());
    }

    private string Take()
    {
        string text = Encoding.ASCII.GetString(_received.ToArray());
        _received.Clear();
        return text;
    }

    private sealed class ClosedSeal : IProgrammingSwitch
    {
        public bool IsOpen => false;
    }
}
