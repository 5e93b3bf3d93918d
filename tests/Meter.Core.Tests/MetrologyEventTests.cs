using Meter.Boards;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Board;
using Meter.Metrology;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>Metrology faults and S0 backlog overruns reach the event log, once per episode; power-up detail 0 = all phases.</summary>
public class MetrologyEventTests
{
    [Fact]
    public void A_chip_reset_is_logged_once_with_its_detail_and_metering_goes_on()
    {
        using var host = MeterRig.Start("balanced");
        ElectricityMeter m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(0, m.Storage.Events.CountOf(EventKind.MetrologyFault));
        host.Board.Chip.SpontaneousReset();
        host.RunFor(TimeSpan.FromSeconds(5));
        EventRecord[] faults = Faults(m);
        Assert.Single(faults);
        Assert.Equal(MetrologyFaultDetail.ChipReset, faults[0].Detail);
        Assert.True(faults[0].NewValue >= 1); // resets recovered so far (the driver's count)
        long a = MeterRig.Wh(m, EnergyRegister.ActiveImport);
        host.RunFor(TimeSpan.FromSeconds(60));
        Assert.True(MeterRig.Wh(m, EnergyRegister.ActiveImport) > a);
    }

    [Fact]
    public void A_changed_chip_configuration_and_a_corrupting_link_are_logged_with_their_details()
    {
        using var host = MeterRig.Start("balanced");
        ElectricityMeter m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(3));
        // A calibration register changed behind the driver's back (ESD, a bit flip): the checksum changes (STATUS1.CRC).
        host.Board.Chip.CorruptRegister(Meter.Hal.Ade7880.Register.AIGAIN, 0x1234);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(new[] { MetrologyFaultDetail.ConfigurationChanged }, Faults(m).Select(e => e.Detail).ToArray());
        // A link that corrupts every frame: the driver's liveness check (LAST_ADD must name the last register
        // read, retried 3 times) fails first, so the driver reports the chip as not answering.
        host.Board.Chip.CorruptNextReads(200);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(new[] { MetrologyFaultDetail.NotResponding, MetrologyFaultDetail.ConfigurationChanged }, Faults(m).Select(e => e.Detail).ToArray());
    }

    [Fact]
    public void A_chip_that_stops_answering_is_logged_once_per_episode_not_every_cycle()
    {
        using var host = MeterRig.Start("balanced");
        ElectricityMeter m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(3));
        host.Board.Chip.Missing = true;
        host.RunFor(TimeSpan.FromSeconds(20)); // 20 failed cycles
        Assert.True(m.Metering.ChipFaults >= 20);
        EventRecord[] faults = Faults(m);
        Assert.Single(faults);
        Assert.Equal(MetrologyFaultDetail.NotResponding, faults[0].Detail);
        Assert.NotEqual(0, m.ErrorWord & MeterStatusWords.ErrorMeteringChip);

        host.Board.Chip.Missing = false;
        host.RunFor(TimeSpan.FromSeconds(5));
        long a = MeterRig.Wh(m, EnergyRegister.ActiveImport);
        host.RunFor(TimeSpan.FromSeconds(60));
        Assert.True(MeterRig.Wh(m, EnergyRegister.ActiveImport) > a, "metering did not resume");
        // A second outage is a second episode. (The chip restarted after the first: that restart may log a reset too.)
        int before = Faults(m).Count(e => e.Detail == MetrologyFaultDetail.NotResponding);
        host.Board.Chip.Missing = true;
        host.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(before + 1, Faults(m).Count(e => e.Detail == MetrologyFaultDetail.NotResponding));
    }

    [Fact]
    public void A_chip_dead_at_boot_does_not_stop_the_meter_and_metering_starts_when_it_answers()
    {
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        using var board = SimulatedBoard.For(preset, MeterRig.WednesdayMidnightLocal).Build();
        var m = new ElectricityMeter(PresetSettings.FromPreset(preset), board.Hardware(null));
        SetLoad(board, 10);
        board.Chip.Missing = true;
        m.Start(0, MeterRig.WednesdayMidnightLocal); // used to throw Ade7880NotRespondingException
        Assert.Equal(new[] { MetrologyFaultDetail.NotResponding }, Faults(m).Select(e => e.Detail).ToArray());
        long t = 0;
        for (int i = 0; i < 5; i++) { board.Chip.Advance(1_000_000); t += 1000; m.OnEnergyReady(t); }
        Assert.Single(Faults(m)); // the same episode
        board.Chip.Missing = false;
        for (int i = 0; i < 10; i++) { board.Chip.Advance(1_000_000); t += 1000; m.OnEnergyReady(t); }
        Assert.True(MeterRig.Wh(m, EnergyRegister.ActiveImport) > 0, "no energy after the chip came back");
    }

    [Fact]
    public void A_phase_that_loses_its_voltage_is_logged_down_and_up_with_its_number()
    {
        using var host = MeterRig.Start("balanced");
        ElectricityMeter m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(10));
        Assert.Empty(PhaseEvents(m));
        host.Board.Chip.Phases[1].Set(PhaseLoad.Off());
        // ZXTOUT reset value 0xFFFF × 62.5 µs = 4.096 s without a zero crossing: down after 5 cycles.
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Empty(PhaseEvents(m));
        host.RunFor(TimeSpan.FromSeconds(7));
        Assert.Equal(new[] { (EventKind.PowerDown, 2) }, PhaseEvents(m));
        host.Board.Chip.Phases[1].Set(new PhaseLoad(230, 10, 18.19));
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(new[] { (EventKind.PowerUp, 2), (EventKind.PowerDown, 2) }, PhaseEvents(m));
        host.RunFor(TimeSpan.FromSeconds(30)); // nothing more while the phase stays
        Assert.Equal(2, PhaseEvents(m).Length);
    }

    /// <summary>Per-phase power events (detail 1–3), newest first.</summary>
    private static (int Kind, int Phase)[] PhaseEvents(ElectricityMeter m)
    {
        var list = new List<(int, int)>();
        var e = new EventRecord();
        for (int age = 0; m.Storage.Events.TryRead(age, e); age++)
            if ((e.Kind == EventKind.PowerDown || e.Kind == EventKind.PowerUp) && e.Detail >= 1 && e.Detail <= 3) list.Add((e.Kind, e.Detail));
        return list.ToArray();
    }

    [Fact]
    public void Power_up_is_logged_for_all_phases()
    {
        using var host = MeterRig.Start("balanced");
        var e = new EventRecord();
        bool found = false;
        for (int age = 0; host.Meter.Storage.Events.TryRead(age, e); age++)
            if (e.Kind == EventKind.PowerUp) { found = true; break; }
        Assert.True(found);
        Assert.Equal(0, e.Detail); // EventKind.PowerUp: phase 1–3, 0 = all phases
    }

    [Fact]
    public void An_S0_backlog_overrun_is_an_event_once_per_episode_with_the_pulses_dropped()
    {
        // S0 at 100 000 imp/kWh, 80-ms pulses: at most 1 pulse per 160 ms = 6.25 /s, backlog bound 3 600 000 / 160
        // = 22 500 pulses (MeteringCycle.Start). Load 3 × 230 V × 10 A × cos 18.19° = 6555 W = 1.821 Wh/s
        // → 182 pulses/s due: the backlog is full after about 22 500 / (182 − 6.25) ≈ 128 s.
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        using var board = SimulatedBoard.For(preset, MeterRig.WednesdayMidnightLocal).Build();
        MeterSettings settings = PresetSettings.FromPreset(preset);
        settings.S0ImpPerKwh = 100_000;
        settings.S0PulseMilliseconds = 80;
        var m = new ElectricityMeter(settings, board.Hardware(null));
        SetLoad(board, 10);
        m.Start(0, MeterRig.WednesdayMidnightLocal);
        long t = 0;
        void Run(int seconds)
        {
            for (int i = 0; i < seconds; i++)
            {
                board.Chip.Advance(1_000_000);
                board.Rtc.Advance(TimeSpan.FromSeconds(1));
                t += 1000;
                m.OnEnergyReady(t);
                m.Tick(t);
            }
        }

        Run(100);
        Assert.Empty(Faults(m));
        Run(100); // overrun from about 128 s on, every cycle
        PulseOutput s0 = m.Metering.S0!;
        Assert.True(s0.OverrunEvents > 50, $"overrun cycles {s0.OverrunEvents}");
        EventRecord[] faults = Faults(m);
        Assert.Single(faults);
        Assert.Equal(MetrologyFaultDetail.PulseBacklogOverrun, faults[0].Detail);
        Assert.InRange(faults[0].OldValue, 1, 400); // dropped in the first overrun cycle: at most one cycle's 182 pulses (+ rounding)
        Assert.Equal(1, faults[0].NewValue);
        Assert.NotEqual(0, m.StatusWord & MeterStatusWords.StatusPulseOverrun);
        // Emitted + pending + dropped = due: nothing lost silently.
        Assert.Equal(s0.DuePulses, s0.EmittedPulses + s0.PendingPulses + s0.DroppedPulses);

        SetLoad(board, 0);   // no load: nothing due, the episode ends
        Run(10);
        SetLoad(board, 10);  // the backlog is still full: a second episode at once
        Run(10);
        faults = Faults(m);
        Assert.Equal(2, faults.Length);
        Assert.True(faults[0].OldValue > faults[1].OldValue, "newest first: the second episode starts with more pulses dropped");
    }

    private static void SetLoad(SimulatedBoard board, double amps)
    {
        for (int p = 0; p < 3; p++) board.Chip.Phases[p].Set(new PhaseLoad(230, amps, 18.19));
    }

    /// <summary>Metrology-fault events, newest first.</summary>
    private static EventRecord[] Faults(ElectricityMeter m)
    {
        var list = new List<EventRecord>();
        for (int age = 0; ; age++)
        {
            var e = new EventRecord();
            if (!m.Storage.Events.TryRead(age, e)) break;
            if (e.Kind == EventKind.MetrologyFault) list.Add(e);
        }
        return list.ToArray();
    }
}
