using System.Text;
using Meter.Obis;
using Meter.Optical;
using Meter.Simulation;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// The pulse register 0-1:24.2.1 (pulses × 1000 / constant, in the unit of the NN code), its settings
/// 0-0:128.20.0..3 written with W1 (checked, logged with old and new value, kept over a restart), and the
/// register in the readout, a display list and the billing logger.
/// </summary>
public class PulseRegisterObjectTests
{
    private static ObisWriteResult Write(ElectricityMeter m, ObisCode code, long value) => MeterRig.Write(m, code, value.ToString());

    private static ObisWriteResult WriteList(ElectricityMeter m, ObisCode code, params string[] items)
    {
        for (int i = 0; i < items.Length; i++)
        {
            var r = MeterRig.Write(m, code, $"{i + 1:00};{items[i]}");
            if (r != ObisWriteResult.Accepted) return r;
        }
        return MeterRig.Write(m, code, $"{items.Length + 1:00};");
    }

    private static string ReadoutText(ElectricityMeter m)
    {
        var stream = new ReadoutStream(m.Table, m.Readout);
        stream.Start();
        var text = new StringBuilder();
        var buffer = new byte[256];
        while (!stream.Finished) text.Append(Encoding.ASCII.GetString(buffer, 0, stream.Fill(buffer, 0, buffer.Length)));
        return text.ToString();
    }

    [Theory]
    [InlineData(1, 1000, "(000000.025*kWh)")] // 25 pulses at 1000 imp/kWh = 25 Wh
    [InlineData(2, 100, "(000000.250*m3)")]   // 25 pulses at 100 imp/m³
    [InlineData(3, 1, "(000025.000*l)")]      // 1 pulse a litre
    [InlineData(0, 3, "(000008.333)")]        // no unit: 25 / 3 = 8.333 (rounded down)
    public void The_register_is_the_exact_count_over_the_constant_in_the_unit_of_the_code(int unit, long constant, string expected)
    {
        using var host = PulseInputPersistenceTests.Start();
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, Write(m, ModuleInputObjects.PulseUnit, unit));
        Assert.Equal(ObisWriteResult.Accepted, Write(m, ModuleInputObjects.PulseConstant, constant));
        PulseInputPersistenceTests.FeedTwentyFive(host);
        Assert.Equal(expected, MeterRig.ValueText(m, ModuleInputObjects.PulseRegister));
    }

    [Fact]
    public void Settings_out_of_range_are_refused_and_accepted_ones_are_logged_and_kept_over_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var host = PulseInputPersistenceTests.Start(state))
            {
                var m = host.Meter;
                Assert.Equal(ObisWriteResult.OutOfRange, Write(m, ModuleInputObjects.PulseConstant, 0));
                Assert.Equal(ObisWriteResult.OutOfRange, Write(m, ModuleInputObjects.PulseConstant, 1000001));
                Assert.Equal(ObisWriteResult.OutOfRange, Write(m, ModuleInputObjects.PulseUnit, 4));
                Assert.Equal(ObisWriteResult.OutOfRange, Write(m, ModuleInputObjects.InputCode, 7)); // a tariff-input code: tariff control 107
                Assert.Equal(ObisWriteResult.OutOfRange, Write(m, ModuleInputObjects.InputCode, 6)); // R+ out/A+ out: no input
                Assert.Equal(ObisWriteResult.OutOfRange, Write(m, ModuleInputObjects.AlarmMode, 3));
                Assert.Equal(ObisWriteResult.Accepted, Write(m, ModuleInputObjects.PulseConstant, 2500));
                var e = new EventRecord();
                Assert.True(m.Storage.Events.TryRead(0, e));
                Assert.Equal((EventKind.ParameterChange, ModuleInputs.EventDetailBase + 2, 1L, 2500L), (e.Kind, e.Detail, e.OldValue, e.NewValue));
                Assert.Equal(ObisWriteResult.Accepted, Write(m, ModuleInputObjects.PulseUnit, 2));
            }
            using (var host = PulseInputPersistenceTests.Start(state, inputCode: null))
            {
                var m = host.Meter;
                Assert.Equal("(0002500)", MeterRig.ValueText(m, ModuleInputObjects.PulseConstant));
                Assert.Equal("(02)", MeterRig.ValueText(m, ModuleInputObjects.PulseUnit));
                Assert.Equal("(03)", MeterRig.ValueText(m, ModuleInputObjects.InputCode));
            }
        }
        finally { MeterRig.DeleteState(state); }
    }

    [Fact]
    public void The_register_can_be_put_in_the_readout_and_on_the_display()
    {
        var lcd = new CapturedLcd();
        using var host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Preset = "direct-5-105a", Load = "balanced", Optical = "none", Start = MeterRig.WednesdayMidnightLocal, InputCode = 3,
        }, lcd);
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, Write(m, ModuleInputObjects.PulseUnit, 2));
        Assert.Equal(ObisWriteResult.Accepted, Write(m, ModuleInputObjects.PulseConstant, 100));
        PulseInputPersistenceTests.FeedTwentyFive(host);
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, ListSettings.ReadoutList, "1-0:1.8.0", "0-1:24.2.1"));
        Assert.Contains("0-1:24.2.1(000000.250*m3)", ReadoutText(m));
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, ListSettings.NormalDisplayList, "0-1:24.2.1"));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal("2421", new string(lcd.Frame.Id).Trim()); // "24.2.1" with the points lit (IdPoints)
        Assert.Contains("250", new string(lcd.Frame.Value));
    }

    [Fact]
    public void A_billing_close_captures_the_exact_pulse_count()
    {
        // 2025-01-31 23:59 local: the monthly billing period closes at 00:00 local on the 1st.
        using var host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Preset = "direct-5-105a", Load = "balanced", Optical = "none", Start = new DateTime(2025, 1, 31, 22, 59, 0, DateTimeKind.Utc), InputCode = 3,
        });
        PulseInputPersistenceTests.FeedTwentyFive(host);
        host.RunFor(TimeSpan.FromMinutes(2));
        var record = new PeriodRecord(BillingValues.Count);
        Assert.Equal(1, host.Meter.BillingPeriodCounter);
        Assert.True(host.Meter.Storage.Billing.TryRead(0, record));
        Assert.Equal(25, record.Values[BillingValues.PulseInput]);
    }
}
