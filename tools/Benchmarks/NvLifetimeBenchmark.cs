using System.Globalization;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Benchmarks;

/// <summary>
/// NV-memory writes per day at maximum load and the projected lifetime of the most-written
/// byte, for FRAM (MB85RS2MT: 10^13 writes a byte) and a 1-million-cycle EEPROM. One simulated
/// day of 1-s metering cycles at 3 × 230 V × 105 A (Kamstrup 382 J, 5(105) A) with the real
/// <see cref="MeterStorage"/>: register saves by the policy, a forced save and a profile
/// interval every 15 min, logger 2 daily, on a 256 KiB memory with the default layout.
/// </summary>
public sealed class NvLifetimeBenchmark : IBenchmark
{
    private const long MaxPowerW = 3 * 230 * 105; // 72 450 W
    private const long FramEndurance = 10_000_000_000_000L; // MB85RS2MT data sheet: 10^13 read/write cycles a byte
    private const long EepromEndurance = 1_000_000L;

    public string Name => "nv-lifetime";

    public string Description => "NV writes per day at maximum load and projected FRAM / 1-million-cycle EEPROM lifetime";

    public void Run(BenchmarkReport report, string[] args)
    {
        var rows = new List<string[]>();
        double framYearsDefault = 0, eepromYearsDefault = 0, eepromYears1kWh64 = 0;
        long writesPerDayDefault = 0;
        foreach (long digitWh in new long[] { 10, 100, 1000 })
        {
            foreach (int slots in new[] { 16, 64 })
            {
                var (saves, byteWrites, writeCalls, hottest) = SimulateDay(digitWh, slots);
                double framYears = FramEndurance / (double)hottest / 365.25;
                double eepromYears = EepromEndurance / (double)hottest / 365.25;
                rows.Add(new[]
                {
                    (digitWh / 1000.0).ToString("0.00#", CultureInfo.InvariantCulture) + " kWh",
                    slots.ToString(CultureInfo.InvariantCulture),
                    saves.ToString("N0", CultureInfo.InvariantCulture),
                    writeCalls.ToString("N0", CultureInfo.InvariantCulture),
                    (byteWrites / 1024.0).ToString("N0", CultureInfo.InvariantCulture),
                    hottest.ToString("N0", CultureInfo.InvariantCulture),
                    framYears.ToString("0.##E+0", CultureInfo.InvariantCulture),
                    eepromYears.ToString("F1", CultureInfo.InvariantCulture),
                });
                if (digitWh == 10 && slots == 16)
                {
                    framYearsDefault = framYears;
                    eepromYearsDefault = eepromYears;
                    writesPerDayDefault = writeCalls;
                }
                if (digitWh == 1000 && slots == 64) eepromYears1kWh64 = eepromYears;
            }
        }
        report.Table($"One day at maximum load ({MaxPowerW / 1000.0:F2} kW, 1-s metering cycles), 256 KiB, save step = ½ display digit",
            new[] { "digit", "slots", "saves/day", "writes/day", "KiB/day", "hot byte/day", "FRAM yrs", "EEPROM yrs" }, rows);
        report.Note("Saves are bounded by the 1-s metering cycle: with a 0.01 kWh digit the registers cross a 5 Wh step every cycle.");
        report.Note("Lifetime = endurance / writes a day of the most-written byte (wear-levelled register slots) / 365.25.");
        report.Note("Saves/day are the same for any digit up to 0.02 kWh (a step ≤ 10 Wh is crossed every cycle), so the meter's 1 Wh digit wears like the 0.01 kWh row.");
        report.Note("Worst-case energy lost at a power cut the mains-fail save misses: < save step + 2 × energy of one cycle " +
            "(RegisterSavePolicy.WorstCaseLoss; 72.45 kW × 1 s = 20.1 Wh): < 1 digit for 0.1 kWh and coarser digits; finer digits rely on the mains-fail save (0 Wh lost).");
        report.Note("Hence FRAM on the board: a 10^6-cycle EEPROM lasts years_at_max_load_eeprom years with the half-digit step (Meter.Storage README, 'Which NV part').");
        report.Figure("writes_per_day_at_max_load", writesPerDayDefault);
        report.Figure("years_at_max_load", Math.Round(framYearsDefault, 0));
        report.Figure("years_at_max_load_eeprom", Math.Round(eepromYearsDefault, 2));
        report.Figure("years_at_max_load_eeprom_1kwh_digit_64_slots", Math.Round(eepromYears1kWh64, 1));
    }

    private static (long Saves, long ByteWrites, long WriteCalls, long Hottest) SimulateDay(long displayDigitWh, int registerSlots)
    {
        var layout = new StorageLayout { RegisterSlots = registerSlots };
        var memory = new RamNvMemory(256 * 1024);
        long step = RegisterSavePolicy.StepForDisplayDigit(displayDigitWh);
        var storage = new MeterStorage(memory, layout, new RegisterSavePolicy(Enumerable.Repeat(step, layout.RegisterCount).ToArray()));
        var start = new DateTime(2025, 6, 1);
        storage.Open(start);
        var registers = new long[layout.RegisterCount];
        var profileValues = new long[layout.ProfileChannelCount];
        storage.SaveRegisters(registers, force: true);
        storage.Profile.Start(start, profileValues);
        memory.ResetStatistics();

        // Registers: 0 A+ total, 1 A+ tariff 1, 2–4 A+ L1–L3 (resistive load: no reactive energy).
        long totalMilliWh = 0;
        long saves = 0;
        var schedule = PeriodSchedule.ForLogger2(1);
        for (int second = 1; second <= 86400; second++)
        {
            totalMilliWh += MaxPowerW * 1000 / 3600; // 20 125 mWh a second
            registers[0] = totalMilliWh / 1000;
            registers[1] = registers[0];
            for (int phase = 0; phase < 3; phase++) registers[2 + phase] = totalMilliWh / 3000;
            bool quarter = second % 900 == 0;
            if (storage.SaveRegisters(registers, force: quarter)) saves++;
            if (quarter)
            {
                var now = start.AddSeconds(second);
                profileValues[0] = registers[0];
                storage.Profile.Append(now, profileValues, IntervalStatus.None);
                storage.Logger2.CloseIfDue(schedule, now.AddMinutes(-15), now, new long[layout.Logger2ValueCount]);
            }
        }
        return (saves, memory.ByteWrites, memory.WriteCalls, memory.MaxWritesOnOneByte);
    }
}
