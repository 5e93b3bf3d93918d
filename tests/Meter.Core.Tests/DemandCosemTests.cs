using Meter.Dlms.Tests.Support;
using Meter.Metrology;

namespace Meter.Core.Tests;

/// <summary>Maximum demand 1-0:1.6.0 as an extended register (class 4) and the running demand 1-0:1.4.0 as a demand
/// register (class 5), Blue Book 4.3.3/4.3.4.</summary>
public class DemandCosemTests
{
    private static readonly byte[] MaximumDemand = [1, 0, 1, 6, 0, 255];
    private static readonly byte[] CurrentDemand = [1, 0, 1, 4, 0, 255];

    private static object Get(Func<byte[], byte[]> send, int classId, byte[] name, int attribute)
        => CosemBlockClient.Parse(CosemBlockClient.Get(send, classId, name, attribute, null, out _));

    [Fact]
    public void Maximum_demand_is_an_extended_register_with_the_time_of_its_period()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromMinutes(40));
        var m = host.Meter;
        var send = MeterCosemClient.Associate(m);
        long watts = m.Metering.Demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0);
        Assert.True(watts > 0);
        Assert.Equal(watts, Get(send, 4, MaximumDemand, 2));
        Assert.Equal(new object[] { 0L, 27L }, Get(send, 4, MaximumDemand, 3)); // scaler 0, unit W (27)
        Assert.Equal("null", Get(send, 4, MaximumDemand, 4));
        // The maximum's period ended at 00:15 or 00:30 local (a constant load): its end is the capture time.
        string captured = CosemBlockClient.DateTime(Get(send, 4, MaximumDemand, 5));
        Assert.Matches(@"^2025-01-15 00:(15|30):00 dow 255 dev -32768 st 00$", captured);
    }

    [Fact]
    public void The_demand_register_gives_the_running_and_the_last_period()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromMinutes(40));
        var m = host.Meter;
        var send = MeterCosemClient.Associate(m);
        Assert.Equal(900L, Get(send, 5, CurrentDemand, 8));   // period 15 min
        Assert.Equal(1L, Get(send, 5, CurrentDemand, 9));     // number_of_periods
        // Running period 00:30 … 00:45 local (CET, deviation −60); the last average was calculated at its start.
        Assert.Equal("2025-01-15 00:30:00 dow 3 dev -60 st 00", CosemBlockClient.DateTime(Get(send, 5, CurrentDemand, 7)));
        Assert.Equal("2025-01-15 00:30:00 dow 3 dev -60 st 00", CosemBlockClient.DateTime(Get(send, 5, CurrentDemand, 6)));
        Assert.Equal(new object[] { 0L, 27L }, Get(send, 5, CurrentDemand, 4));
        // last_average_value = the energy of the interval 00:15-00:30 (load profile, Wh) × 4 per hour, within the
        // profile's 1-Wh resolution.
        var profile = new Meter.Storage.LoadProfileReader(m.Storage.Profile);
        var entry = new Meter.Storage.ProfileEntry(m.Storage.Profile.ChannelCount);
        profile.Next(entry);
        profile.Next(entry);
        long last = (long)Get(send, 5, CurrentDemand, 3);
        Assert.InRange(last, entry.Deltas[0] * 4 - 4, entry.Deltas[0] * 4 + 4);
        long current = (long)Get(send, 5, CurrentDemand, 2);
        Assert.InRange(current, 0, last); // 10 of 15 minutes integrated so far
    }
}
