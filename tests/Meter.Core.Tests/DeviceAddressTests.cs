using Meter.Obis;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// The device address of "/?address!" (IEC 62056-21 §6.3.1), 0-0:128.5.0: the meter number until
/// written, written with W1 (1 … 32 of 0-9 A-Z a-z space), kept in the settings record, logged.
/// Before, the meter had no address: an addressed sign-on was never answered; then it kept only
/// 10 characters (ER11 above), where the standard allows 32.
/// </summary>
public class DeviceAddressTests
{
    /// <summary>32 characters, each kind of address character, the last ones differing from any shorter address.</summary>
    public const string ThirtyTwo = "Flat 7b z9 Block C Meter 0042 Zz";

    [Fact]
    public void Defaults_to_the_meter_number_and_follows_it_until_written()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Assert.Equal("12345678", m.Settings.MeterNumber); // the virtual meter's
        Assert.Equal("(12345678)", MeterRig.ValueText(m, SettingsObjects.DeviceAddress));
        Assert.Equal("12345678", m.DeviceAddress);
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.MeterNumber, "87654321"));
        Assert.Equal("(87654321)", MeterRig.ValueText(m, SettingsObjects.DeviceAddress));
        // A meter number with characters an address cannot have ('-'): no address, the general request only.
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.MeterNumber, "AB-12"));
        Assert.Equal("", m.DeviceAddress);
    }

    [Fact]
    public void A_written_address_is_checked_stored_logged_and_survives_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var first = MeterRig.Start(stateFile: state))
            {
                var m = first.Meter;
                Assert.Equal(ObisWriteResult.TooLong, MeterRig.Write(m, SettingsObjects.DeviceAddress, ThirtyTwo + "1"));  // 33 > 32
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, SettingsObjects.DeviceAddress, "12-34"));      // '-' is no address character
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, SettingsObjects.DeviceAddress, ""));
                Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, SettingsObjects.DeviceAddress, "42", level: 0));
                Assert.Equal("12345678", m.DeviceAddress);
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.DeviceAddress, "Flat 7b z9"));
                Assert.Equal("Flat 7b z9", m.DeviceAddress);
                // No longer the meter number's: a new meter number leaves it.
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.MeterNumber, "99"));
                Assert.Equal("(Flat 7b z9)", MeterRig.ValueText(m, SettingsObjects.DeviceAddress));
                var e = new EventRecord();
                bool found = false;
                for (int age = 0; m.Storage.Events.TryRead(age, e); age++)
                    if (e.Kind == EventKind.ParameterChange && e.Detail == SettingsRecord.DeviceAddress) { found = true; break; }
                Assert.True(found);
                Assert.Equal(0x3132333435363738L, e.OldValue); // "12345678", the meter number it was: 8 ASCII bytes
                Assert.Equal(0x466C617420376220L, e.NewValue); // the first 8 characters of "Flat 7b z9"
                first.Stop();
            }
            using var again = MeterRig.Start(stateFile: state);
            Assert.Equal("Flat 7b z9", again.Meter.DeviceAddress);
            Assert.False(again.Meter.SettingsWriter.DefaultsRestored);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    /// <summary>
    /// 32 characters share the settings record's values 1..4 with the pulse figure, billing target day,
    /// interval code and CT primary: all of them survive a restart, each as written. Fails before the
    /// fix (ER11 above 10 characters).
    /// </summary>
    [Fact]
    public void A_32_character_address_and_the_settings_beside_it_survive_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var first = MeterRig.Start(stateFile: state))
            {
                var m = first.Meter;
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.DeviceAddress, ThirtyTwo));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.PulseFigure, "100000"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.BillingTargetDay, "28"));
                Assert.Equal(ThirtyTwo, m.DeviceAddress);
                Assert.Equal("(" + ThirtyTwo + ")", MeterRig.ValueText(m, SettingsObjects.DeviceAddress));
                first.Stop();
            }
            using var again = MeterRig.Start(stateFile: state);
            var r = again.Meter;
            Assert.False(r.SettingsWriter.DefaultsRestored);
            Assert.Equal(ThirtyTwo, r.DeviceAddress);
            Assert.Equal(100000, r.Settings.S0ImpPerKwh);
            Assert.Equal(28, r.Settings.BillingTargetDay);
            Assert.Equal(PresetSettings.FromPresetName("direct-5-105a").BillingIntervalCode, r.Settings.BillingIntervalCode);
            Assert.Equal(PresetSettings.FromPresetName("direct-5-105a").CtPrimaryAmps, r.Settings.CtPrimaryAmps);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }
}
