using System.Diagnostics;
using Meter.Boards;
using Meter.Dlms;
using Meter.Hal.Simulation.Board;
using Meter.Storage;
using Xunit.Abstractions;
using static Meter.Core.Tests.HdlcTestFrames;

namespace Meter.Core.Tests;

/// <summary>
/// A storm of random and mutated HDLC frames into the meter's HDLC port (the module UART, <see cref="ModulePort"/>, the
/// same <see cref="HdlcSerialPort"/> as the optical port's mode E): valid frames carrying AARQ / GET / SET / ACTION APDUs
/// with the right sequence numbers, the same with bit flips, truncation, length changes, bad HCS / FCS, wrong addresses,
/// and plain random bytes. Nothing may escape as an exception, nothing of the meter's state may change (no association
/// that could write exists: the management client is only offered a wrong password), and a clean SNRM / AARQ / GET works
/// after it. 1,000,000 frames by default (seconds); METER_FUZZ_FRAMES sets another count, METER_FUZZ_SEED another seed.
/// </summary>
public class HdlcPortFuzzTests
{
    private const int DefaultFrames = 1_000_000;
    private const int DefaultSeed = 6205646;
    private readonly ITestOutputHelper _output;

    public HdlcPortFuzzTests(ITestOutputHelper output) => _output = output;

    private static int FromEnvironment(string name, int fallback)
    {
        string? text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!int.TryParse(text, out int value) || value < 1) throw new ArgumentException($"{name} must be a positive integer, not \"{text}\"");
        return value;
    }

    private sealed record MeterState(long[] Energy, long[]? Settings, long Clock, long ClockSets, long ConfigurationChanges,
        long ParameterChanges, long LegalDataChanges)
    {
        public static MeterState Of(ElectricityMeter m) => new(MeterRig.Snapshot(m),
            new SettingsRecordStore(m.Settings, m.Storage).ReadStored()?.ToArray(), m.Clock.ReadUtcSeconds(),
            m.Storage.Events.CountOf(EventKind.ClockSet), m.Storage.Events.CountOf(EventKind.ConfigurationChange),
            m.Storage.Events.CountOf(EventKind.ParameterChange), m.Storage.Events.CountOf(EventKind.LegalDataChange));
    }

    [Fact]
    public void A_million_random_and_mutated_frames_change_nothing_and_the_port_recovers()
    {
        int frames = FromEnvironment("METER_FUZZ_FRAMES", DefaultFrames);
        int seed = FromEnvironment("METER_FUZZ_SEED", DefaultSeed);
        _output.WriteLine($"HDLC fuzz: seed {seed}, {frames} frames (METER_FUZZ_SEED, METER_FUZZ_FRAMES)");

        var link = new MemorySerialLink();
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        SimulatedBoard board = SimulatedBoard.For(preset, SerialMeterRig.Start).WithModuleLink(link).WithoutInputs().Build();
        var meter = new ElectricityMeter(PresetSettings.FromPreset(preset), board.Hardware());
        meter.Start(0, SerialMeterRig.Start);
        var server = (CosemServer)meter.ModuleDlms;
        MeterState before = MeterState.Of(meter);

        var client = new FuzzClient(new Random(seed));
        long now = 1;
        bool writerAssociated = false;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < frames; i++)
        {
            int length = client.Next(out byte[] frame);
            link.Inject(frame, length);
            now += client.Gap();
            meter.Module.Poll(now);
            client.Observe(link.SentBuffer, link.SentCount);
            link.ClearSent();
            if (server.Association.Active && !server.Association.ReadOnly) writerAssociated = true;
        }
        watch.Stop();
        double perSecond = frames / watch.Elapsed.TotalSeconds;
        _output.WriteLine($"{frames} frames in {watch.Elapsed.TotalSeconds:F1} s: {perSecond:F0} frames/s; {client.Connections} UA to SNRM, "
            + $"{client.Answers} I frames answered, {meter.Module.Port.Link.RejectedFrames} frames rejected by the decoder");

        Assert.False(writerAssociated, "an association that may write was opened without the password");
        MeterState after = MeterState.Of(meter);
        Assert.Equal(before.Energy, after.Energy);
        Assert.Equal(before.Settings, after.Settings);
        Assert.Equal(before with { Energy = after.Energy, Settings = after.Settings }, after);
        Assert.True(client.Answers > frames / 50, $"only {client.Answers} APDUs were answered: the storm hardly reached the COSEM server");

        // Recovery: once the last client's link has timed out (inactivity, 120 s), a clean client is served.
        now += 121_000;
        meter.Module.Poll(now);
        link.TakeSent();
        Assert.Equal(Ua, Exchange(link, meter, ref now, Snrm));
        AssertAareAccepted(Exchange(link, meter, ref now, Aarq));
        Assert.Equal(MeterRig.Wh(meter, Meter.Metrology.EnergyRegister.ActiveImport), EnergyOf(Exchange(link, meter, ref now, Get)));
        Assert.Equal(UaToDisc, Exchange(link, meter, ref now, Disc));
    }

    private static byte[] Exchange(MemorySerialLink link, ElectricityMeter meter, ref long now, byte[] frame)
    {
        link.Inject(frame, frame.Length);
        now += 50;
        meter.Module.Poll(now);
        return link.TakeSent();
    }
}
