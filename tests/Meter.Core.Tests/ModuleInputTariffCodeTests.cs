using Meter.Obis;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// The tariff-input codes that share the module's pins with the pulse and alarm inputs keep selecting the tariff
/// (tariff control 1DD): 07..10 tariff on I/O 1 with the alarm on I/O 2 (inverted alarm for 09 and 10), 11/12 tariff
/// on I/O 1 (I/O 2 an output: no alarm), 13/14 pulse input on I/O 1 with the tariff on I/O 2.
/// </summary>
public class ModuleInputTariffCodeTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void The_tariff_input_still_selects_the_tariff_beside_the_pulse_or_alarm_input(int dd)
    {
        using var host = PulseInputPersistenceTests.Start(inputCode: null);
        var m = host.Meter;
        host.UseTariffInputs(dd);
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ModuleInputObjects.AlarmMode, "1"));
        Assert.Equal(dd, m.Inputs.Code); // the tariff control names the code
        bool tariffOnIo1 = dd <= 12;
        bool invertedTariff = dd % 2 == 0;
        // Tariff input energised: T2, or T1 when inverted.
        if (tariffOnIo1) host.SetTariffInputs(true, false); else host.SetTariffInputs(false, true);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(invertedTariff ? 0 : 1, m.ActiveTariff);
        Assert.Equal(0, m.Inputs.PulseCount); // a tariff input is no pulse input

        if (dd >= 13)
        {
            host.Board.TariffInput2!.Set(false); // I/O 2 stays energised while I/O 1 counts
            PulseInputPersistenceTests.FeedTwentyFive(host);
            Assert.Equal(25, m.Inputs.PulseCount);
            Assert.Equal(invertedTariff ? 0 : 1, m.ActiveTariff);
            Assert.False(m.Inputs.AlarmActive);
            return;
        }
        // I/O 2: the alarm input for 07..10 (09, 10 inverted: alarm when de-energised), nothing for 11/12.
        bool alarmInverted = dd == 9 || dd == 10;
        Assert.Equal(alarmInverted && dd <= 10, m.Inputs.AlarmActive); // I/O 2 de-energised so far
        host.SetTariffInputs(true, true);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(dd <= 10 && !alarmInverted, m.Inputs.AlarmActive);
        Assert.Equal(invertedTariff ? 0 : 1, m.ActiveTariff);
        Assert.Equal(0, m.Inputs.PulseCount);
    }
}
