using System.Globalization;
using Meter.Core;
using Meter.Storage;
using Meter.Tool;
using Meter.Tool.Profile;

namespace EndToEnd.Tests;

/// <summary>MeterTool `events` against the virtual meter over TCP: a magnet and a clock setting show up in the logbook (P.98).</summary>
[Collection("console")]
public class EventsAgainstVirtualMeterTests
{
    [Fact]
    public void A_magnet_and_a_clock_setting_appear_in_the_events_as_the_meter_logged_them()
    {
        // Real time; start 2025-05-14 08:00 UTC = 10:00 CEST (summer: Z = 1).
        using var meter = new MeterUnderTest();
        meter.Host.SetMagneticField(true);
        meter.WaitUntil(h => h.Meter.Tamper.CountOf(TamperDetail.Magnetic) == 1, "magnet seen (500 ms debounce)");
        meter.Host.SetMagneticField(false);
        meter.WaitUntil(h => h.Meter.Storage.Events.CountOf(EventKind.Tamper) == 2, "magnet gone");
        // 12:34:56 local (CEST) = 10:34:56 UTC.
        var (code, output, error) = meter.Tool("set-clock", "--time", "2025-05-14 12:34:56", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);

        (code, output, error) = meter.Tool("events", "--csv", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,summer,kind,event,detail,description,old,new", lines[0]);

        // The meter's own records of the two tamper events, their UTC times shown + 2 h (CEST).
        var tamper = meter.Host.Inspect(h =>
        {
            var list = new List<EventRecord>();
            for (int age = h.Meter.Storage.Events.Count - 1; age >= 0; age--)
            {
                var e = new EventRecord();
                if (h.Meter.Storage.Events.TryRead(age, e) && e.Kind == EventKind.Tamper) list.Add(e);
            }
            return list;
        });
        Assert.Equal(2, tamper.Count);
        string Local(DateTime utc) => utc.AddHours(2).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        long startUtc = new DateTimeOffset(tamper[0].Time, TimeSpan.Zero).ToUnixTimeSeconds();
        long endUtc = new DateTimeOffset(tamper[1].Time, TimeSpan.Zero).ToUnixTimeSeconds();
        int started = Array.IndexOf(lines, $"{Local(tamper[0].Time)},1,7,tamper,1,magnetic field started,0,1");
        int ended = Array.IndexOf(lines, $"{Local(tamper[1].Time)},1,7,tamper,129,magnetic field ended,{startUtc},{endUtc}");
        Assert.True(started > 0 && ended > started, output);

        // The clock setting: stamped with the new time, new value 10:34:56 UTC (the tool sends whole seconds; the meter logs them as given).
        long setUtc = new DateTimeOffset(2025, 5, 14, 10, 34, 56, TimeSpan.Zero).ToUnixTimeSeconds();
        int clock = Array.FindIndex(lines, l => l.StartsWith("2025-05-14 12:34:56,1,3,clock set,1,jumped,", StringComparison.Ordinal) && l.EndsWith("," + setUtc, StringComparison.Ordinal));
        Assert.True(clock > ended, output);
        Assert.Equal(1, meter.Host.Inspect(h => h.Meter.EventLogRequests.Requests));

        // The per-kind counter of tamper events (start and end) reads as 0-0:96.15.7.
        (code, output, error) = meter.Tool("read", MeterAddresses.EventCounter(EventKind.Tamper), "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("0002", output);
    }

    [Fact]
    public void The_tool_names_the_event_kinds_by_the_firmware_numbers()
    {
        Assert.Equal(
            [EventKind.PowerDown, EventKind.PowerUp, EventKind.ClockSet, EventKind.ConfigurationChange, EventKind.ParameterChange, EventKind.PasswordFailure,
             EventKind.Tamper, EventKind.MetrologyFault, EventKind.StorageRepair, EventKind.DebitingStop, EventKind.LegalDataChange, EventKind.Login,
             EventKind.Restart, EventKind.VoltageQuality],
            new[] { EventDescriptions.PowerDown, EventDescriptions.PowerUp, EventDescriptions.ClockSet, EventDescriptions.ConfigurationChange,
                EventDescriptions.ParameterChange, EventDescriptions.PasswordFailure, EventDescriptions.Tamper, EventDescriptions.MetrologyFault,
                EventDescriptions.StorageRepair, EventDescriptions.DebitingStop, EventDescriptions.LegalDataChange, EventDescriptions.Login,
                EventDescriptions.Restart, EventDescriptions.VoltageQuality });
        Assert.Equal(14, EventKind.Count); // a new kind needs a name in Meter.Tool.Profile.EventDescriptions
        Assert.Equal(TamperDetail.Ended, EventDescriptions.TamperEnded);
        Assert.Equal(128, IntegrationPeriodSetting.EventDetail);
        // The restart causes the tool names (Meter.Hal.Device FaultCode).
        Assert.Equal("watchdog: a thread stalled", EventDescriptions.DetailText(new LogbookEntry(DateTime.UnixEpoch, false, EventKind.Restart, Meter.Hal.Device.FaultCode.Watchdog, 0, 0)));
        Assert.Equal((VoltageQualityDetail.Dip, VoltageQualityDetail.Swell, VoltageQualityDetail.Ended),
            (EventDescriptions.VoltageDip, EventDescriptions.VoltageSwell, EventDescriptions.VoltageEventEnded));
        Assert.Equal("voltage dip L2 started", EventDescriptions.DetailText(new LogbookEntry(DateTime.UnixEpoch, false, EventKind.VoltageQuality, VoltageQualityDetail.Of(2, VoltageQualityDetail.Dip), 0, 1)));
        Assert.Equal("voltage swell L3 ended", EventDescriptions.DetailText(new LogbookEntry(DateTime.UnixEpoch, false, EventKind.VoltageQuality, VoltageQualityDetail.Of(3, VoltageQualityDetail.Swell) + VoltageQualityDetail.Ended, 0, 1)));
        Assert.Equal("out of memory", EventDescriptions.DetailText(new LogbookEntry(DateTime.UnixEpoch, false, EventKind.Restart, Meter.Hal.Device.FaultCode.Memory, 0, 0)));
    }
}
