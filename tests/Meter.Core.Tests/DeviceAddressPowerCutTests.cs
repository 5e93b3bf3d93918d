using System.Globalization;
using Meter.Hal.Simulation.Storage;
using Meter.Obis;
using Xunit.Abstractions;

namespace Meter.Core.Tests;

/// <summary>
/// Power cut before a byte of every NV write a W1 of a 32-character device address makes (settings
/// record slot, parameter-change event), in the IntegrationPeriodPowerCutTests style: the torn image
/// boots with the old address (10 characters) or the new one (32), never another text, and the
/// settings that share the record's values with it (pulse figure, billing day, interval code, CT
/// primary) as they were. Every 5th byte by default; METER_ADDRESS_CUT_STEP=1 for all of them.
/// Fails before the fix: the 32-character write was refused (ER11), so the new address never came.
/// </summary>
public class DeviceAddressPowerCutTests
{
    private readonly ITestOutputHelper _output;

    public DeviceAddressPowerCutTests(ITestOutputHelper output) => _output = output;

    private static int Step => int.TryParse(Environment.GetEnvironmentVariable("METER_ADDRESS_CUT_STEP"), out int s) && s > 0 ? s : 5;

    [Fact]
    public void A_cut_at_any_byte_of_the_write_boots_with_the_old_or_the_new_address()
    {
        using var host = MeterRig.Start(); // RAM NV memory
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.DeviceAddress, "Flat 7b z9"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.PulseFigure, "2500"));
        host.RunFor(TimeSpan.FromMinutes(3));
        var nv = (RamNvMemory)host.Board.Nv;
        long rtcTicks = host.Board.Rtc.ChipTime.Ticks;
        var expected = m.Settings;
        string state = MeterRig.TempState();
        int oldSeen = 0, newSeen = 0;
        long candidates = 0;
        try
        {
            nv.BeforeWrite = (address, buffer, offset, count) =>
            {
                byte[] before = nv.Snapshot();
                for (int i = 0; i < count; i++)
                {
                    if (candidates++ % Step != 0 && i != count - 1) continue; // the last byte of each write always
                    byte[] torn = (byte[])before.Clone();
                    for (int j = 0; j < i; j++) torn[address + j] = buffer[offset + j];
                    File.WriteAllBytes(state, torn);
                    File.WriteAllText(state + ".rtc", rtcTicks.ToString(CultureInfo.InvariantCulture));
                    using var rebooted = MeterRig.Start(stateFile: state);
                    var r = rebooted.Meter;
                    Assert.False(r.SettingsWriter.DefaultsRestored);
                    Assert.Equal(2500, r.Settings.S0ImpPerKwh);
                    Assert.Equal(expected.BillingTargetDay, r.Settings.BillingTargetDay);
                    Assert.Equal(expected.BillingIntervalCode, r.Settings.BillingIntervalCode);
                    Assert.Equal(expected.CtPrimaryAmps, r.Settings.CtPrimaryAmps);
                    if (r.DeviceAddress == "Flat 7b z9") oldSeen++;
                    else { Assert.Equal(DeviceAddressTests.ThirtyTwo, r.DeviceAddress); newSeen++; }
                    rebooted.CutPower();
                }
            };
            Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.DeviceAddress, DeviceAddressTests.ThirtyTwo));
        }
        finally
        {
            nv.BeforeWrite = null;
            MeterRig.DeleteState(state);
            File.Delete(state + ".bak");
        }
        _output.WriteLine($"cut points tried: {oldSeen + newSeen} of {candidates} bytes written (every {Step}); old address {oldSeen}, new address {newSeen}");
        Assert.True(oldSeen > 0 && newSeen > 0, $"old {oldSeen}, new {newSeen}");
    }
}
