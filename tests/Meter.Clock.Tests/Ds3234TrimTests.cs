using Meter.Hal.Ds3234;
using Meter.Hal.Simulation.Clock;

namespace Meter.Clock.Tests;

/// <summary>The meter clock's drift trim (MeterClock.TrimForDrift) written to the DS3234's aging register; the driver's own tests are in Meter.Hal.Tests/Ds3234.</summary>
public class Ds3234TrimTests
{
    private static DateTime U(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Fact]
    public void Trim_cancels_a_measured_drift()
    {
        var chip = new SimulatedDs3234 { NaturalDriftTenthsPpm = 50 }; // crystal 5 ppm fast
        var rtc = new Ds3234Rtc(chip);
        rtc.WriteUtc(U(2025, 1, 1));
        // 10^6 s at +5 ppm gains 5 s
        chip.Advance(TimeSpan.FromSeconds(1_000_000));
        Assert.True(rtc.TryReadUtc(out DateTime t1));
        long gained = (long)(t1 - U(2025, 1, 1)).TotalSeconds - 1_000_000;
        Assert.Equal(5, gained);
        rtc.SetTrimTenthsPpm(MeterClock.TrimForDrift(gained, 1_000_000)); // -50 → aging +50
        Assert.Equal(50, chip[0x10]);
        rtc.WriteUtc(U(2025, 2, 1));
        chip.Advance(TimeSpan.FromSeconds(1_000_000));
        Assert.True(rtc.TryReadUtc(out DateTime t2));
        Assert.Equal(U(2025, 2, 1).AddSeconds(1_000_000), t2);
    }
}
