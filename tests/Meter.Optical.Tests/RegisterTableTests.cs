using System.Text;
using Meter.Obis;
using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>Register table values as data sets (IEC 62056-21 §6.5) and validated writes.</summary>
public class RegisterTableTests
{
    private static string Show(ObisTable table, ObisCode code)
    {
        var buffer = new byte[ObisObject.MaxValueLength];
        int n = table.Find(code)!.WriteValue(code, buffer, 0, buffer.Length);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }

    private static ObisWriteResult Write(SampleMeter meter, ObisCode code, string value, int level = 1, bool seal = false)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        return meter.Table.Write(code, bytes, 0, bytes.Length, level, seal);
    }

    [Fact]
    public void Energy_in_wh_is_shown_in_kwh_with_three_decimals_and_six_integer_digits()
    {
        var meter = new SampleMeter();
        // 1 234 567 Wh = 1234.567 kWh; padded to 6 integer digits.
        Assert.Equal("(001234.567*kWh)", Show(meter.Table, StandardObjects.ActiveImport));
        Assert.Equal("(001000.000*kWh)", Show(meter.Table, StandardObjects.ActiveImport.WithF(7)));
    }

    [Fact]
    public void Billing_values_can_be_owned_by_another_source_than_the_current_value()
    {
        // The meter's energy and demand registers read their current value from the metering side and their
        // billing-period values (F = VZ) from the billing logger's owner (Meter.Core BillingHistory).
        var current = new ObisMemoryStore(4);
        var history = new ObisMemoryStore(4);
        current.SetInteger(StandardObjects.ActiveImport, 2_000);
        history.SetInteger(StandardObjects.ActiveImport.WithF(3), 1_500);
        current.SetInteger(StandardObjects.MaximumDemandImport, 9_000);
        current.SetCaptureTime(StandardObjects.MaximumDemandImport, new ObisDateTime(2024, 5, 2, 8, 15, 0));
        history.SetInteger(StandardObjects.MaximumDemandImport.WithF(3), 7_000);
        history.SetCaptureTime(StandardObjects.MaximumDemandImport.WithF(3), new ObisDateTime(2024, 4, 12, 18, 30, 0));
        var table = new ObisTable(2);
        var energy = new RegisterObject(StandardObjects.ActiveImport, ObisUnit.WattHour, 0, current) { Kilo = true, Decimals = 3, IntegerDigits = 6 };
        energy.KeepBillingValuesIn(history);
        table.Add(energy);
        var maximum = new ExtendedRegisterObject(StandardObjects.MaximumDemandImport, ObisUnit.Watt, 0, current) { Kilo = true, Decimals = 3, IntegerDigits = 2 };
        maximum.KeepBillingValuesIn(history);
        table.Add(maximum);

        Assert.Equal("(000002.000*kWh)", Show(table, StandardObjects.ActiveImport));
        Assert.Equal("(000001.500*kWh)", Show(table, StandardObjects.ActiveImport.WithF(3)));
        Assert.True(energy.TryReadInteger(StandardObjects.ActiveImport.WithF(3), out long billed));
        Assert.Equal(1_500, billed);
        Assert.Equal("(09.000*kW)(24-05-02 08:15)", Show(table, StandardObjects.MaximumDemandImport));
        Assert.Equal("(07.000*kW)(24-04-12 18:30)", Show(table, StandardObjects.MaximumDemandImport.WithF(3)));
        Assert.Equal("()", Show(table, StandardObjects.ActiveImport.WithF(4))); // a period the history does not hold
    }

    [Fact]
    public void Values_are_truncated_never_rounded_up()
    {
        var meter = new SampleMeter();
        // 5 439 mA with 2 decimals: 5.439 A → 5.43 A (truncation).
        meter.Store.SetInteger(StandardObjects.CurrentL1, 5439);
        Assert.Equal("(005.43*A)", Show(meter.Table, StandardObjects.CurrentL1));
        // 999 Wh → 0.999 kWh; 1 Wh less than a kWh never shows as 1.000.
        meter.Store.SetInteger(StandardObjects.ActiveExport, 999);
        Assert.Equal("(000000.999*kWh)", Show(meter.Table, StandardObjects.ActiveExport));
    }

    [Fact]
    public void Maximum_demand_shows_its_capture_time()
    {
        var meter = new SampleMeter();
        // 12 345 W → 12.345 kW, captured 2024-05-01 10:15.
        Assert.Equal("(12.345*kW)(24-05-01 10:15)", Show(meter.Table, StandardObjects.MaximumDemandImport));
    }

    [Fact]
    public void Voltage_in_tenths_status_in_hex_clock_and_text()
    {
        var meter = new SampleMeter();
        Assert.Equal("(230.1*V)", Show(meter.Table, StandardObjects.VoltageL1));
        Assert.Equal("(0000001A)", Show(meter.Table, StandardObjects.StatusRegister)); // 0x1A, 8 hex digits
        Assert.Equal("(24-05-01 10:20:30)", Show(meter.Table, StandardObjects.Clock));
        Assert.Equal("(12345678)", Show(meter.Table, StandardObjects.MeterNumber));
        Assert.Equal("(07)", Show(meter.Table, StandardObjects.BillingPeriodCounter));
    }

    [Fact]
    public void Unavailable_value_is_an_empty_group()
    {
        var meter = new SampleMeter();
        Assert.Equal("()", Show(meter.Table, StandardObjects.Frequency)); // never set in the store
    }

    [Fact]
    public void Energy_preset_in_kwh_is_stored_in_wh_when_the_seal_is_open()
    {
        var meter = new SampleMeter();
        // "1234.5*kWh" = 1234.5 × 1000 Wh = 1 234 500 Wh.
        Assert.Equal(ObisWriteResult.Accepted, Write(meter, StandardObjects.ActiveImport, "1234.5*kWh", seal: true));
        Assert.True(meter.Store.TryReadInteger(StandardObjects.ActiveImport, out long wh));
        Assert.Equal(1_234_500, wh);
    }

    [Theory]
    [InlineData("1.0001", ObisWriteResult.InvalidFormat)]   // 0.1 Wh: finer than the register's 1 Wh
    [InlineData("12a", ObisWriteResult.InvalidFormat)]
    [InlineData("", ObisWriteResult.InvalidFormat)]
    [InlineData("1.2.3", ObisWriteResult.InvalidFormat)]
    [InlineData("5*kW", ObisWriteResult.InvalidFormat)]      // unit must be the shown one
    [InlineData("-1", ObisWriteResult.OutOfRange)]           // energy presets are 0..999 999 999 999 Wh
    [InlineData("1000000000", ObisWriteResult.OutOfRange)]   // 10^9 kWh = 10^12 Wh > maximum
    public void Bad_energy_presets_are_refused_with_a_specific_reason(string text, ObisWriteResult expected)
    {
        var meter = new SampleMeter();
        Assert.Equal(expected, Write(meter, StandardObjects.ActiveImport, text, seal: true));
        Assert.Equal(0, meter.Store.WriteCount);
    }

    [Fact]
    public void Legal_data_needs_the_seal_open_and_access_is_checked_before_parsing()
    {
        var meter = new SampleMeter();
        Assert.Equal(ObisWriteResult.SealClosed, Write(meter, StandardObjects.MeterConstant, "500"));
        Assert.Equal(ObisWriteResult.SealClosed, Write(meter, StandardObjects.MeterConstant, "garbage"));
        Assert.Equal(ObisWriteResult.AccessDenied, Write(meter, StandardObjects.MeterConstant, "500", level: 0, seal: true));
        Assert.Equal(ObisWriteResult.Accepted, Write(meter, StandardObjects.MeterConstant, "500", seal: true));
        Assert.Equal(ObisWriteResult.ReadOnly, Write(meter, StandardObjects.VoltageL1, "230.0", seal: true));
        Assert.Equal(ObisWriteResult.ReadOnly, Write(meter, StandardObjects.ActiveImport.WithF(7), "1", seal: true));
        Assert.Equal(ObisWriteResult.UnknownObject, Write(meter, new ObisCode(9, 9, 9), "1", seal: true));
        Assert.Equal(ObisWriteResult.AccessDenied, Write(meter, SampleMeter.LevelTwoParameter, "1", level: 1));
        Assert.Equal(1, meter.Store.WriteCount);
    }

    [Theory]
    [InlineData("24-02-29 23:59:59", ObisWriteResult.Accepted)]     // 2024 is a leap year
    [InlineData("23-02-29 00:00:00", ObisWriteResult.OutOfRange)]   // 2023 is not
    [InlineData("24-04-31 00:00:00", ObisWriteResult.OutOfRange)]   // April has 30 days
    [InlineData("24-01-01 24:00:00", ObisWriteResult.OutOfRange)]
    [InlineData("24-1-01 10:00:00", ObisWriteResult.InvalidFormat)]
    [InlineData("24-01-01T10:00:00", ObisWriteResult.InvalidFormat)]
    public void Clock_writes_are_checked_against_the_calendar(string text, ObisWriteResult expected)
    {
        var meter = new SampleMeter();
        Assert.Equal(expected, Write(meter, StandardObjects.Clock, text));
    }

    [Fact]
    public void Text_and_integer_parameters_validate_length_characters_and_range()
    {
        var meter = new SampleMeter();
        Assert.Equal(ObisWriteResult.TooLong, Write(meter, StandardObjects.MeterNumber, "12345678901234567")); // 17 > 16
        Assert.Equal(ObisWriteResult.InvalidFormat, Write(meter, StandardObjects.MeterNumber, "12*4"));
        Assert.Equal(ObisWriteResult.Accepted, Write(meter, StandardObjects.MeterNumber, "A-0042"));
        Assert.Equal(ObisWriteResult.OutOfRange, Write(meter, StandardObjects.IntegrationPeriod, "61"));
        Assert.Equal(ObisWriteResult.InvalidFormat, Write(meter, StandardObjects.IntegrationPeriod, "1 5"));
        Assert.Equal(ObisWriteResult.Accepted, Write(meter, StandardObjects.IntegrationPeriod, "30"));
        Assert.True(meter.Store.TryReadText(StandardObjects.MeterNumber, out var number));
        Assert.Equal("A-0042", number);
    }

    [Fact]
    public void Profile_generic_describes_its_captures_and_shows_entries_in_use()
    {
        var store = new ObisMemoryStore(4);
        var table = new ObisTable(2);
        var loadProfile = new ObisCode(1, 0, 99, 1, 0, 255);
        var profile = new ProfileGenericObject(loadProfile,
            [StandardObjects.Clock, StandardObjects.ActiveImport, StandardObjects.ActiveExport], 900, store);
        table.Add(profile);
        store.SetInteger(loadProfile, 2976); // 31 days × 96 quarter hours
        Assert.Equal(ObisInterfaceClass.ProfileGeneric, profile.ClassId);
        Assert.Equal(3, profile.CaptureObjectCount);
        Assert.Equal(StandardObjects.ActiveImport, profile.CaptureObject(1));
        Assert.Equal("(2976)", Show(table, loadProfile));
        var text = Encoding.ASCII.GetBytes("0");
        Assert.Equal(ObisWriteResult.ReadOnly, table.Write(loadProfile, text, 0, 1, 9, true));
    }

    [Fact]
    public void Demand_register_shows_the_running_average_and_period_start()
    {
        var meter = new SampleMeter();
        meter.Store.SetInteger(StandardObjects.CurrentDemandImport, 1204); // W → 01.204 kW
        meter.Store.SetCaptureTime(StandardObjects.CurrentDemandImport, new ObisDateTime(2024, 5, 1, 10, 15, 0));
        var demand = (DemandRegisterObject)meter.Table.Find(StandardObjects.CurrentDemandImport)!;
        Assert.Equal(ObisInterfaceClass.DemandRegister, demand.ClassId);
        Assert.Equal(900, demand.PeriodSeconds);
        Assert.Equal("(01.204*kW)(24-05-01 10:15)", Show(meter.Table, StandardObjects.CurrentDemandImport));
    }

    [Fact]
    public void Duplicate_codes_and_a_full_table_are_refused()
    {
        var table = new ObisTable(1);
        var store = new ObisMemoryStore(1);
        table.Add(new IntegerDataObject(StandardObjects.IntegrationPeriod, 2, store));
        var e = Assert.Throws<ArgumentException>(() => table.Add(new IntegerDataObject(StandardObjects.IntegrationPeriod, 2, store)));
        Assert.Contains("duplicate", e.Message);
        Assert.Contains("full", Assert.Throws<ArgumentException>(() => table.Add(new IntegerDataObject(StandardObjects.PulseFigure, 2, store))).Message);
    }
}
