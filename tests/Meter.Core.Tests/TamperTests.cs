using Meter.Hal;
using Meter.Obis;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// Tamper inputs of the board (terminal-cover switch, magnetic sensor) reach the event log, the
/// counters and the C.51.x objects, the LCD symbols and the settings record. Times: the rig starts
/// at 2025-01-14 23:00:00Z = 2025-01-15 00:00 local; each host cycle is 1 s. A pin change is
/// sampled at once with a direct Tick at the host's virtual time (the onset), and accepted by the
/// first tick at least 500 ms later (the debounce), dated at the onset.
/// </summary>
public class TamperTests
{
    private static readonly long StartUtc = new DateTimeOffset(MeterRig.WednesdayMidnightLocal).ToUnixTimeSeconds();

    private static VirtualMeterHost Start(CapturedLcd? lcd = null, string? state = null, bool coverOpen = false, bool magnet = false) =>
        new(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = "balanced",
            Optical = "none",
            StateFile = state,
            Start = MeterRig.WednesdayMidnightLocal,
            TerminalCoverOpen = coverOpen,
            MagneticField = magnet,
        }, lcd);

    private static List<EventRecord> TamperEvents(ElectricityMeter m)
    {
        var list = new List<EventRecord>();
        for (int age = m.Storage.Events.Count - 1; age >= 0; age--)
        {
            var e = new EventRecord();
            if (m.Storage.Events.TryRead(age, e) && e.Kind == EventKind.Tamper) list.Add(e);
        }
        return list;
    }

    private static DateTime Utc(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;

    // The change is taken by a tick at the host's current virtual time, so its onset is exactly now.
    private static void SampleNow(VirtualMeterHost host) => host.Meter.Tick(host.VirtualMilliseconds);

    [Fact]
    public void Opening_the_terminal_cover_logs_one_event_at_its_time_counts_it_and_lights_the_latched_tamper_symbol()
    {
        var lcd = new CapturedLcd();
        using var host = Start(lcd);
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(0, lcd.Frame.Symbols & (LcdSymbols.Tamper | LcdSymbols.Magnetic));
        Assert.Equal("(00)", MeterRig.ValueText(m, TamperObjects.Status));
        Assert.Equal("(0000)", MeterRig.ValueText(m, TamperObjects.TerminalCoverCounter)); // never: no time group

        host.SetTerminalCoverOpen(true);
        SampleNow(host); // onset at 00:00:05 local
        host.RunFor(TimeSpan.FromSeconds(3));
        var opened = Assert.Single(TamperEvents(m));
        Assert.Equal((TamperDetail.TerminalCover, Utc(StartUtc + 5), 0L, 1L), (opened.Detail, opened.Time, opened.OldValue, opened.NewValue));
        Assert.Equal(1, m.Tamper.CountOf(TamperDetail.TerminalCover));
        Assert.Equal(0, m.Tamper.CountOf(TamperDetail.Magnetic));
        Assert.Equal(StartUtc + 5, m.Tamper.LatestStartUtcSeconds(TamperDetail.TerminalCover));
        Assert.Equal(LcdSymbols.Tamper, lcd.Frame.Symbols & (LcdSymbols.Tamper | LcdSymbols.Magnetic));
        Assert.Equal("(06)", MeterRig.ValueText(m, TamperObjects.Status)); // open + latched
        Assert.Equal("(0001)(25-01-15 00:00)", MeterRig.ValueText(m, TamperObjects.TerminalCoverCounter));

        // Cover back on at 00:00:08: an end event (old/new = start and end), the symbol stays latched.
        host.SetTerminalCoverOpen(false);
        SampleNow(host);
        host.RunFor(TimeSpan.FromSeconds(2));
        var events = TamperEvents(m);
        Assert.Equal(2, events.Count);
        Assert.Equal((TamperDetail.TerminalCover | TamperDetail.Ended, Utc(StartUtc + 8), StartUtc + 5, StartUtc + 8),
            (events[1].Detail, events[1].Time, events[1].OldValue, events[1].NewValue));
        Assert.Equal(1, m.Tamper.CountOf(TamperDetail.TerminalCover)); // an end is not an opening
        Assert.Equal("(04)", MeterRig.ValueText(m, TamperObjects.Status));
        Assert.Equal(LcdSymbols.Tamper, lcd.Frame.Symbols & LcdSymbols.Tamper);

        // The utility acknowledges with W1 0-0:96.51.0(0): latch and symbol cleared; other values are refused.
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, TamperObjects.Status, "1"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, TamperObjects.Status, "0"));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal("(00)", MeterRig.ValueText(m, TamperObjects.Status));
        Assert.Equal(0, lcd.Frame.Symbols & LcdSymbols.Tamper);
        Assert.Equal("(0001)(25-01-15 00:00)", MeterRig.ValueText(m, TamperObjects.TerminalCoverCounter)); // the count stays
    }

    [Fact]
    public void An_acknowledgement_while_the_cover_is_still_open_keeps_the_symbol_until_it_is_closed()
    {
        var lcd = new CapturedLcd();
        using var host = Start(lcd);
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(2));
        host.SetTerminalCoverOpen(true);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, TamperObjects.Status, "0"));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal("(02)", MeterRig.ValueText(m, TamperObjects.Status));
        Assert.Equal(LcdSymbols.Tamper, lcd.Frame.Symbols & LcdSymbols.Tamper);
        host.SetTerminalCoverOpen(false);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal("(00)", MeterRig.ValueText(m, TamperObjects.Status)); // closed after the acknowledgement: nothing latched
        Assert.Equal(0, lcd.Frame.Symbols & LcdSymbols.Tamper);
    }

    [Fact]
    public void A_bounce_shorter_than_the_debounce_is_no_tamper()
    {
        var lcd = new CapturedLcd();
        using var host = Start(lcd);
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(3));
        long now = host.VirtualMilliseconds;
        // Cover switch open for 400 ms (< 500 ms), then a magnet for 499 ms: each seen, neither accepted.
        host.SetTerminalCoverOpen(true);
        m.Tick(now);
        m.Tick(now + 200);
        host.SetTerminalCoverOpen(false);
        m.Tick(now + 400);
        host.SetMagneticField(true);
        m.Tick(now + 400);
        m.Tick(now + 800);
        host.SetMagneticField(false);
        m.Tick(now + 899);
        // Ticks go on (the meter's own clock, no host cycle, so no tick runs earlier than these) with both inputs quiet.
        for (long t = now + 1000; t <= now + 5000; t += 250) m.Tick(t);
        Assert.Empty(TamperEvents(m));
        Assert.Equal(0, m.Tamper.CountOf(TamperDetail.TerminalCover) + m.Tamper.CountOf(TamperDetail.Magnetic));
        Assert.Equal(0, m.Tamper.Status);
        Assert.Equal(0, lcd.Frame.Symbols & (LcdSymbols.Tamper | LcdSymbols.Magnetic));
    }

    [Fact]
    public void A_magnet_held_for_ten_seconds_is_a_start_and_an_end_event_and_lights_the_magnetic_symbol_only_meanwhile()
    {
        var lcd = new CapturedLcd();
        using var host = Start(lcd);
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(4));
        host.SetMagneticField(true);
        SampleNow(host); // onset 00:00:04
        host.RunFor(TimeSpan.FromSeconds(10));
        Assert.Equal(LcdSymbols.Magnetic, lcd.Frame.Symbols & (LcdSymbols.Tamper | LcdSymbols.Magnetic));
        Assert.Equal("(01)", MeterRig.ValueText(m, TamperObjects.Status));
        host.SetMagneticField(false);
        SampleNow(host); // onset of the end 00:00:14
        host.RunFor(TimeSpan.FromSeconds(2));

        var events = TamperEvents(m);
        Assert.Equal(2, events.Count);
        Assert.Equal((TamperDetail.Magnetic, Utc(StartUtc + 4), 0L, 1L), (events[0].Detail, events[0].Time, events[0].OldValue, events[0].NewValue));
        Assert.Equal((TamperDetail.Magnetic | TamperDetail.Ended, Utc(StartUtc + 14), StartUtc + 4, StartUtc + 14),
            (events[1].Detail, events[1].Time, events[1].OldValue, events[1].NewValue));
        Assert.Equal(2, m.Storage.Events.CountOf(EventKind.Tamper));
        Assert.Equal(1, m.Tamper.CountOf(TamperDetail.Magnetic));
        Assert.Equal("(00)", MeterRig.ValueText(m, TamperObjects.Status)); // the magnetic bit is not latched
        Assert.Equal(0, lcd.Frame.Symbols & (LcdSymbols.Tamper | LcdSymbols.Magnetic));
        Assert.Equal("(0001)(25-01-15 00:00)", MeterRig.ValueText(m, TamperObjects.MagneticCounter));
    }

    [Fact]
    public void Counters_start_times_and_the_latch_survive_a_restart_and_an_open_cover_is_not_counted_twice()
    {
        string state = MeterRig.TempState();
        try
        {
            long openedAt;
            using (var host = Start(state: state))
            {
                host.RunFor(TimeSpan.FromSeconds(5));
                host.SetTerminalCoverOpen(true);
                SampleNow(host);
                openedAt = host.Meter.UtcSeconds;
                host.RunFor(TimeSpan.FromSeconds(2));
                Assert.Equal(1, host.Meter.Tamper.CountOf(TamperDetail.TerminalCover));
            } // mains-fail save; the cover stays off

            using (var host = Start(state: state, coverOpen: true))
            {
                var m = host.Meter;
                Assert.Equal(1, m.Tamper.CountOf(TamperDetail.TerminalCover));
                Assert.Equal(openedAt, m.Tamper.LatestStartUtcSeconds(TamperDetail.TerminalCover));
                Assert.Equal(TamperMonitor.TerminalCoverOpen | TamperMonitor.TerminalCoverLatched, m.Tamper.Status);
                host.RunFor(TimeSpan.FromSeconds(5));
                Assert.Equal(1, m.Tamper.CountOf(TamperDetail.TerminalCover)); // still the same opening
                Assert.Single(TamperEvents(m));
            }

            // Put back while the meter was off: the first ticks find it closed, an end event, the latch kept.
            using (var host = Start(state: state, coverOpen: false))
            {
                var m = host.Meter;
                long bootUtc = m.UtcSeconds;
                host.RunFor(TimeSpan.FromSeconds(3));
                var events = TamperEvents(m);
                Assert.Equal(2, events.Count);
                Assert.Equal((TamperDetail.TerminalCover | TamperDetail.Ended, openedAt, bootUtc + 1),
                    (events[1].Detail, events[1].OldValue, events[1].NewValue));
                Assert.Equal(TamperMonitor.TerminalCoverLatched, m.Tamper.Status);
                Assert.Equal(1, m.Tamper.CountOf(TamperDetail.TerminalCover));
            }
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void A_cover_removed_while_the_meter_was_off_is_found_at_power_up()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var host = Start(state: state)) host.RunFor(TimeSpan.FromSeconds(3));
            using (var host = Start(state: state, coverOpen: true, magnet: true))
            {
                var m = host.Meter;
                long bootUtc = m.UtcSeconds;
                host.RunFor(TimeSpan.FromSeconds(3));
                // The first tick (1 s after boot) sees both; the second accepts them, dated at the first.
                var events = TamperEvents(m);
                Assert.Equal(new[] { TamperDetail.Magnetic, TamperDetail.TerminalCover }, events.Select(e => e.Detail).ToArray());
                Assert.All(events, e => Assert.Equal(Utc(bootUtc + 1), e.Time));
                Assert.Equal(1, m.Tamper.CountOf(TamperDetail.Magnetic));
                Assert.Equal(1, m.Tamper.CountOf(TamperDetail.TerminalCover));
            }
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void The_tamper_state_sits_in_the_settings_records_spare_values_and_a_record_without_it_reads_as_never_tampered()
    {
        using var host = Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(2));
        host.SetMagneticField(true);
        SampleNow(host);
        long at = m.UtcSeconds;
        host.RunFor(TimeSpan.FromSeconds(2));
        var values = new long[StorageLayout.SettingsValueCount];
        m.Storage.Settings.CopyTo(values);
        Assert.Equal(121, TamperRecord.Status); // after the last setting (SettingsRecord.Used), the layout unchanged
        Assert.Equal((1L, 1L, at, 0L, 0L),
            (values[TamperRecord.Status], values[TamperRecord.MagneticCount], values[TamperRecord.MagneticStart],
             values[TamperRecord.TerminalCoverCount], values[TamperRecord.TerminalCoverStart]));
        for (int i = TamperRecord.Used; i < values.Length; i++) Assert.Equal(0, values[i]);

        // A record as the firmware before wrote it (zeros there) restores as "never, nothing active"; a bad status is refused.
        var fresh = new TamperMonitor(null, null, m.Events, null, null); // no inputs: nothing is logged or stored
        for (int i = TamperRecord.Status; i < TamperRecord.Used; i++) values[i] = 0;
        Assert.True(fresh.Restore(values));
        Assert.Equal((0, 0L, 0L), (fresh.Status, fresh.CountOf(TamperDetail.Magnetic), fresh.LatestStartUtcSeconds(TamperDetail.TerminalCover)));
        values[TamperRecord.Status] = 8;
        Assert.False(fresh.Restore(values));
        values[TamperRecord.Status] = 0;
        values[TamperRecord.MagneticCount] = -1;
        Assert.False(fresh.Restore(values));
    }

    [Fact]
    public void Inputs_that_are_not_fitted_report_nothing()
    {
        using var host = Start();
        var m = host.Meter;
        var absent = new TamperMonitor(null, null, m.Events, null, null); // no terminal-cover switch, no magnetic sensor
        host.SetTerminalCoverOpen(true);
        host.SetMagneticField(true);
        for (long t = 0; t <= 5000; t += 1000) absent.Sample(t, StartUtc);
        Assert.Equal(0, absent.Status);
        Assert.Equal(0, absent.CountOf(TamperDetail.Magnetic) + absent.CountOf(TamperDetail.TerminalCover));
    }
}
