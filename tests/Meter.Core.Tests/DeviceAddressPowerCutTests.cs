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

    private static int Step => TornWriteRig.StepFrom("METER_ADDRESS_CUT_STEP", 5);

    [Fact]
    public void A_cut_at_any_byte_of_the_write_boots_with_the_old_or_the_new_address()
    {
        using var host = MeterRig.Start(); // RAM NV memory
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.DeviceAddress, "Flat 7b z9"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.PulseFigure, "2500"));
        host.RunFor(TimeSpan.FromMinutes(3));
        var expected = m.Settings;
        int oldSeen = 0, newSeen = 0;
        long candidates = TornWriteRig.CutDuring(host, "balanced", Step, lastByteOfEachWrite: true,
            () => Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.DeviceAddress, DeviceAddressTests.ThirtyTwo)),
            r =>
            {
                Assert.False(r.SettingsWriter.DefaultsRestored);
                Assert.Equal(2500, r.Settings.S0ImpPerKwh);
                Assert.Equal(expected.BillingTargetDay, r.Settings.BillingTargetDay);
                Assert.Equal(expected.BillingIntervalCode, r.Settings.BillingIntervalCode);
                Assert.Equal(expected.CtPrimaryAmps, r.Settings.CtPrimaryAmps);
                if (r.DeviceAddress == "Flat 7b z9") oldSeen++;
                else { Assert.Equal(DeviceAddressTests.ThirtyTwo, r.DeviceAddress); newSeen++; }
            });
        _output.WriteLine($"cut points tried: {oldSeen + newSeen} of {candidates} bytes written (every {Step}); old address {oldSeen}, new address {newSeen}");
        Assert.True(oldSeen > 0 && newSeen > 0, $"old {oldSeen}, new {newSeen}");
    }
}
