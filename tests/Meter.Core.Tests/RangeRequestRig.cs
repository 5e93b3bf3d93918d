using Meter.Hal.Simulation.Serial;
using Meter.Optical;

namespace Meter.Core.Tests;

/// <summary>
/// The range requests (P.01, P.98) of a meter served through a <see cref="RangeRequestLink"/> in
/// front of an <see cref="OpticalServer"/> on the meter's own table, on the meter end of a timed
/// <see cref="VirtualSerialPair"/> polled every millisecond; the test is the optical probe. The
/// server's events go to the meter's <see cref="EventRouting"/> (a login is logged, as in the meter).
/// </summary>
internal sealed class RangeRequestRig : SerialProbe
{
    /// <param name="echo">The meter's link is a device link behind an optical head that returns the meter's own light
    /// (<see cref="EchoingDeviceLink"/>).</param>
    public RangeRequestRig(ElectricityMeter meter, int maximumEvents = EventLogRequest.MaximumEvents, bool echo = false)
    {
        Profile = new ProfileRequest(meter.Storage, meter.TimeRule, meter.Inputs);
        Logbook = new EventLogRequest(meter.Storage, meter.TimeRule, meter.Time, maximumEvents);
        Link = new RangeRequestLink(echo ? new EchoingDeviceLink(Pair) : Pair.Meter, [Profile, Logbook]);
        var port = new OpticalPortSettings
        {
            ManufacturerId = meter.Settings.ManufacturerId,
            Identification = meter.Settings.Identification,
            Passwords = meter.Settings.Passwords,
        };
        Server = new OpticalServer(Link, port, meter.Table, meter.Readout, new ClosedSeal(), meter.Events);
        Link.Session = Server;
    }

    public RangeRequestLink Link { get; }
    public ProfileRequest Profile { get; }
    public EventLogRequest Logbook { get; }
    public OpticalServer Server { get; }

    /// <summary>Enters programming and logs in with the meter's password.</summary>
    public void LogIn(string password)
    {
        EnterProgramming();
        Assert.Equal("\u0006", Command("P1\u0002(" + password + ")\u0003"));
        Assert.Equal(1, Server.GrantedLevel);
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

    protected override void Poll(long nowMs)
    {
        Link.Poll(nowMs);
        Server.Poll(nowMs);
    }

    private sealed class ClosedSeal : IProgrammingSwitch
    {
        public bool IsOpen => false;
    }
}
