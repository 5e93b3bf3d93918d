using CsCheck;
using Meter.Hal.Ds3234;
using Meter.Hal.Simulation.Clock;

namespace Meter.Hal.Tests.Ds3234;

[Collection(AllocationMeasurement.Collection)]
public class Ds3234Tests
{
    private static DateTime U(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Fact]
    public void First_power_up_reports_lost_time_until_the_clock_is_written()
    {
        var chip = new SimulatedDs3234();
        var rtc = new Ds3234Rtc(chip);
        Assert.True(rtc.HasLostTime()); // OSF is 1 at first power-up (data sheet, Control/Status bit 7)
        rtc.WriteUtc(U(2025, 3, 30, 1, 2, 3));
        Assert.False(rtc.HasLostTime());
        chip.LoseBackup();
        Assert.True(rtc.HasLostTime());
    }

    [Fact]
    public void Writes_BCD_24_hour_registers_as_the_data_sheet_lays_them_out()
    {
        var chip = new SimulatedDs3234();
        new Ds3234Rtc(chip).WriteUtc(U(2025, 3, 30, 21, 2, 59));
        // seconds 59 → 0x59, minutes 02 → 0x02, hours 21 (24 h, bit 6 = 0) → 0x21,
        // 30 March 2025 is a Sunday → day 1, date 30 → 0x30, month 03 (century 0) → 0x03, year 25 → 0x25
        byte[] expected = { 0x59, 0x02, 0x21, 0x01, 0x30, 0x03, 0x25 };
        Assert.Equal(expected, Enumerable.Range(0, 7).Select(a => chip[a]).ToArray());
    }

    [Fact]
    public void Writing_the_time_clears_EOSC_so_the_oscillator_runs_on_battery()
    {
        var chip = new SimulatedDs3234();
        chip[0x0E] = 0x9C; // EOSC set
        new Ds3234Rtc(chip).WriteUtc(U(2025, 1, 1));
        Assert.Equal(0x1C, chip[0x0E]);
    }

    [Fact]
    public void Reads_back_what_it_wrote_and_what_the_chip_counted()
    {
        var chip = new SimulatedDs3234();
        var rtc = new Ds3234Rtc(chip);
        rtc.WriteUtc(U(2024, 2, 28, 23, 59, 58));
        chip.Advance(TimeSpan.FromSeconds(3)); // over midnight into the leap day
        Assert.True(rtc.TryReadUtc(out DateTime t));
        Assert.Equal(U(2024, 2, 29, 0, 0, 1), t);
        Assert.Equal(DateTimeKind.Utc, t.Kind);
    }

    [Fact]
    public void Round_trips_any_second_of_2000_to_2099()
    {
        Gen.Long[U(2000, 1, 1).Ticks / TimeSpan.TicksPerSecond, U(2099, 12, 31, 23, 59, 59).Ticks / TimeSpan.TicksPerSecond].Sample(seconds =>
        {
            var chip = new SimulatedDs3234(); // one chip per sample: CsCheck runs samples in parallel
            var rtc = new Ds3234Rtc(chip);
            var when = new DateTime(seconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            rtc.WriteUtc(when);
            Assert.Equal(when, chip.Time);
            Assert.True(rtc.TryReadUtc(out DateTime back));
            Assert.Equal(when, back);
        }, iter: 5000);
    }

    [Fact]
    public void Century_bit_carries_the_year_past_2099()
    {
        var chip = new SimulatedDs3234();
        var rtc = new Ds3234Rtc(chip);
        rtc.WriteUtc(U(2099, 12, 31, 23, 59, 59));
        chip.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0x81, chip[0x05]); // century bit + January
        Assert.True(rtc.TryReadUtc(out DateTime t));
        Assert.Equal(U(2100, 1, 1), t);
        Assert.Throws<ArgumentOutOfRangeException>(() => rtc.WriteUtc(U(2100, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => rtc.WriteUtc(U(1999, 12, 31)));
    }

    [Theory]
    [InlineData(0x72, 12)] // 12-hour mode (0x40) + PM (0x20) + 12 → noon
    [InlineData(0x52, 0)]  // 12-hour mode + AM + 12 → midnight
    [InlineData(0x61, 13)] // 12-hour mode + PM + 1 → 13 h
    [InlineData(0x23, 23)] // 24-hour mode, 23
    public void Decodes_both_hour_modes(byte hoursRegister, int expectedHour)
    {
        var chip = new SimulatedDs3234();
        chip.Preset(U(2025, 5, 6, 0, 0, 0));
        chip[0x02] = hoursRegister;
        Assert.True(new Ds3234Rtc(chip).TryReadUtc(out DateTime t));
        Assert.Equal(U(2025, 5, 6, expectedHour), t);
    }

    [Theory]
    [InlineData(0x00, 0x6A)] // seconds nibble A: not BCD
    [InlineData(0x01, 0x60)] // minutes 60
    [InlineData(0x02, 0x24)] // hour 24
    [InlineData(0x04, 0x31)] // 31 June (the preset month)
    [InlineData(0x05, 0x13)] // month 13
    public void Refuses_registers_that_hold_no_valid_date(int address, byte value)
    {
        var chip = new SimulatedDs3234();
        chip.Preset(U(2025, 6, 1, 12, 0, 0));
        chip[address] = value;
        Assert.False(new Ds3234Rtc(chip).TryReadUtc(out _));
    }

    [Fact]
    public void Trim_maps_tenths_of_ppm_to_the_negated_aging_code_and_starts_a_conversion()
    {
        var chip = new SimulatedDs3234();
        var rtc = new Ds3234Rtc(chip);
        // +3.5 ppm faster = aging -35 (positive aging slows, ≈0.1 ppm per LSB at 25 °C) = 0xDD
        rtc.SetTrimTenthsPpm(35);
        Assert.Equal(0xDD, chip[0x10]);
        Assert.Equal(1, chip.ConversionsStarted);
        Assert.Equal(35, rtc.TrimTenthsPpm);
        rtc.SetTrimTenthsPpm(-127);
        Assert.Equal(127, chip[0x10]);
        Assert.Throws<ArgumentOutOfRangeException>(() => rtc.SetTrimTenthsPpm(128));
        Assert.Equal(127, chip[0x10]); // unchanged after the refused value
    }

    [Fact]
    public void Uses_one_frame_for_the_time_and_allocates_nothing_per_read()
    {
        var chip = new SimulatedDs3234();
        var rtc = new Ds3234Rtc(chip);
        rtc.WriteUtc(U(2025, 1, 1));
        int before = chip.Frames;
        rtc.TryReadUtc(out _);
        Assert.Equal(before + 1, chip.Frames);
        rtc.TryReadUtc(out _); // warm up
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) rtc.TryReadUtc(out _);
        Assert.Equal(bytes, GC.GetAllocatedBytesForCurrentThread());
    }
}
