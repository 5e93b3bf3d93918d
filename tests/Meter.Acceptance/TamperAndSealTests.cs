using Meter.Acceptance.Targets;

namespace Meter.Acceptance;

/// <summary>
/// Seal and tamper rules of this meter (Meter.Core README "Tamper", "Calibration"): legal data (calibration
/// 1-0:128.K.P) is written only with the seal (programming switch) open; the terminal cover and a magnet are
/// counted (0-0:96.51.1 magnetic, 0-0:96.51.2 cover), shown in the status 0-0:96.51.0 (bit 0 field present,
/// bit 1 cover open, bit 2 opened since acknowledged) and logged (Tamper = kind 7, detail 1 magnet / 2 cover, +128 ended).
/// </summary>
public class TamperAndSealTests
{
    private static readonly DateTime Start = new(2025, 1, 15, 8, 0, 0, DateTimeKind.Utc);
    private const string TamperStatus = "0-0:96.51.0";

    [SkippableFact]
    public void Calibration_and_energy_presets_are_legal_data_a_sealed_meter_refuses_with_ER08()
    {
        using var meter = MeterTargets.Open(Start);
        MeterPort.Programming(meter, s =>
        {
            // The current gain of phase 1, written back unchanged: nothing changes even on a meter whose seal is open.
            string gain = Expect.Single(s.Read("1-0:128.2.1"), "1-0:128.2.1").Value;
            Assert.Equal("ER08", Expect.MeterError(() => s.Write("1-0:128.2.1", gain)));
            if (meter.Bench != null)
            {
                // Presetting an energy register (meter exchange) is legal data too; only on the virtual meter, whose seal
                // is known closed: on a board with its seal open the write would be taken.
                Assert.Equal("ER08", Expect.MeterError(() => s.Write("1.8.0", "000123.456")));
                Assert.Equal(0, Expect.Wh(Expect.Single(s.Read("1.8.0"), "1.8.0")));
            }
            return 0;
        });
    }

    [SkippableFact]
    public void A_terminal_cover_opening_is_counted_logged_and_stays_latched_until_acknowledged()
    {
        using var meter = MeterTargets.Open(Start);
        var bench = MeterPort.Bench(meter, "take the terminal cover off");
        Assert.Equal("00", Expect.Single(MeterPort.Read(meter, TamperStatus), TamperStatus).Value);
        bench.SetTerminalCoverOpen(true);
        bench.Advance(TimeSpan.FromSeconds(5)); // past the 500 ms debounce
        bench.SetTerminalCoverOpen(false);
        bench.Advance(TimeSpan.FromSeconds(5));
        MeterPort.Programming(meter, s =>
        {
            Assert.Equal("04", Expect.Single(s.Read(TamperStatus), TamperStatus).Value); // closed again, the opening latched
            Assert.Equal(1, int.Parse(Expect.Single(s.Read("0-0:96.51.2"), "0-0:96.51.2").Value));
            var log = s.Read("P.98", "2501150900;2501150901").Skip(1).ToList();
            Assert.Contains(log, e => e.Values[1].Value == "7" && e.Values[2].Value == "2" && e.Values[3].Value == "0" && e.Values[4].Value == "1"); // start: count 0 → 1
            Assert.Contains(log, e => e.Values[1].Value == "7" && e.Values[2].Value == "130"); // 2 + 128: ended
            Assert.Equal("ER10", Expect.MeterError(() => s.Write(TamperStatus, "1"))); // only 0 acknowledges
            s.Write(TamperStatus, "0");
            Assert.Equal("00", Expect.Single(s.Read(TamperStatus), TamperStatus).Value);
            Assert.Equal(1, int.Parse(Expect.Single(s.Read("0-0:96.51.2"), "0-0:96.51.2").Value)); // the count stays
            return 0;
        });
    }

    [SkippableFact]
    public void A_magnet_is_shown_while_present_and_counted_once()
    {
        using var meter = MeterTargets.Open(Start);
        var bench = MeterPort.Bench(meter, "bring a magnet to the meter");
        bench.SetMagnet(true);
        bench.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("01", Expect.Single(MeterPort.Read(meter, TamperStatus), TamperStatus).Value);
        bench.SetMagnet(false);
        bench.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("00", Expect.Single(MeterPort.Read(meter, TamperStatus), TamperStatus).Value); // a field is not latched
        Assert.Equal(1, int.Parse(Expect.Single(MeterPort.Read(meter, "0-0:96.51.1"), "0-0:96.51.1").Value));
    }
}
