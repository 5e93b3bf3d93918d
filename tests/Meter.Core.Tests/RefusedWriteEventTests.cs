using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// Every W1 the optical port refuses is in the event log with the object and its error code
/// (before, only logins and password failures were; refused writes left no trace).
/// </summary>
public class RefusedWriteEventTests
{
    [Fact]
    public void A_refused_write_is_logged_with_its_object_and_error_code()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        long before = m.Storage.Events.CountOf(EventKind.PasswordFailure);
        m.Events.Record(OpticalEventKind.WriteRejected, 0, SettingsObjects.BillingTargetDay, 10);
        Assert.Equal(before + 1, m.Storage.Events.CountOf(EventKind.PasswordFailure));
        var e = new EventRecord();
        Assert.True(m.Storage.Events.TryRead(0, e));
        Assert.Equal(EventKind.PasswordFailure, e.Kind);
        Assert.Equal((int)OpticalEventKind.WriteRejected, e.Detail);
        Assert.Equal(128 * 65536 + 1 * 256 + 0, e.OldValue); // 0-0:128.1.0
        Assert.Equal(10, e.NewValue);                          // ER10
    }
}
