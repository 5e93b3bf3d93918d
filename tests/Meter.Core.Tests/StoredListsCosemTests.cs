using Meter.Dlms.Tests.Support;

namespace Meter.Core.Tests;

/// <summary>The event log (0-0:99.98.0.255) and billing logger (0-0:98.1.0.255) as profile generics.</summary>
public class StoredListsCosemTests
{
    [Fact]
    public void The_event_log_buffer_has_the_columns_of_P98_oldest_first()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromSeconds(5));
        var send = MeterCosemClient.Associate(host.Meter);
        var entries = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, [0, 0, 99, 98, 0, 255], 2, null, out _));
        // As P.98 shows them (LogbookRequestTests): the factory clock setting (kind 3, detail 1, old = new =
        // 00:00:00 in UTC seconds), then the power-up (kind 2).
        Assert.Equal(2, entries.Length);
        var first = (object[])entries[0];
        Assert.Equal("2025-01-15 00:00:00 dow 3 dev -60 st 00", CosemBlockClient.DateTime(first[0]));
        Assert.Equal(new object[] { 3L, 1L, 1736895600L, 1736895600L }, first[1..]);
        Assert.Equal(2L, ((object[])entries[1])[1]);
        // capture_objects: clock, event code 0-0:96.11.0.255 and the manufacturer-specific detail/old/new.
        var columns = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, [0, 0, 99, 98, 0, 255], 3, null, out _));
        Assert.Equal(5, columns.Length);
        Assert.Equal(new byte[] { 0, 0, 96, 11, 0, 255 }, ((object[])columns[1])[1]);
        Assert.Equal(0L, CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, [0, 0, 99, 98, 0, 255], 4, null, out _)));
    }

    [Fact]
    public void The_billing_logger_buffer_is_empty_before_the_first_period_closes_and_names_its_registers()
    {
        using var host = MeterRig.Start();
        var send = MeterCosemClient.Associate(host.Meter);
        Assert.Equal("0100", Convert.ToHexString(CosemBlockClient.Get(send, 7, [0, 0, 98, 1, 0, 255], 2, null, out _)));
        var columns = (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, [0, 0, 98, 1, 0, 255], 3, null, out _));
        Assert.Equal(13, columns.Length);
        Assert.Equal(new byte[] { 1, 0, 1, 8, 0, 255 }, ((object[])columns[1])[1]);
        Assert.Equal(new byte[] { 1, 0, 3, 8, 4, 255 }, ((object[])columns[12])[1]);
    }
}
