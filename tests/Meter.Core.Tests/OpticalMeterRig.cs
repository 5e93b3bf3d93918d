using System.Text;
using Meter.Boards;
using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Serial;

namespace Meter.Core.Tests;

/// <summary>
/// The assembled meter on the simulated board with its optical link on the meter end of a timed
/// <see cref="VirtualSerialPair"/>, polled every millisecond of virtual time; the test is the optical probe.
/// </summary>
internal sealed class OpticalMeterRig
{
    private readonly List<byte> _received = new();

    public static readonly DateTime Start = new(2025, 1, 14, 23, 0, 0, DateTimeKind.Utc);

    public OpticalMeterRig()
    {
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        SimulatedBoard board = SimulatedBoard.For(preset, Start).WithOpticalLink(Pair.Meter).WithoutInputs().Build();
        Meter = new ElectricityMeter(PresetSettings.FromPreset(preset), board.Hardware()) { OpticalPortOnOwnClock = true };
        Meter.Start(0, Start);
    }

    public VirtualSerialPair Pair { get; } = new(300);
    public ElectricityMeter Meter { get; }

    /// <summary>Advances virtual time by <paramref name="ms"/> and polls the port once.</summary>
    public void Step(long ms = 1)
    {
        Pair.AdvanceTo(Pair.NowNs + ms * 1_000_000);
        Meter.PollOpticalPort(Pair.NowMs);
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

    /// <summary>Writes <paramref name="bytes"/> and steps until the probe has sent them (the ACK of an option select before a switch).</summary>
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

    /// <summary>B0: the meter returns to idle at 300 Bd; the probe follows.</summary>
    public void SignOff()
    {
        Command("B0\u0003");
        Pair.Probe.BaudRate = 300;
    }

    /// <summary>Lets <paramref name="minutes"/> of virtual time pass, polling each second.</summary>
    public void Wait(double minutes)
    {
        for (long s = 0; s < minutes * 60; s++) Step(1000);
    }
}
