using Meter.Dlms.Tests.Support;

namespace Meter.Core.Tests;

/// <summary>The clock 0-0:1.0.0.255 attributes 3-9 (Blue Book 4.5.1) from the meter's local-time rule (CET, EU summer time).</summary>
public class ClockCosemTests
{
    private static readonly byte[] Clock = [0, 0, 1, 0, 0, 255];

    private static string Attribute(ElectricityMeter m, int attribute)
    {
        return Convert.ToHexString(CosemBlockClient.Get(MeterCosemClient.Associate(m), 8, Clock, attribute, null, out _));
    }

    [Theory]
    [InlineData(3, "10FFC4")]                         // time_zone long −60 (UTC − local normal time, as the deviation)
    [InlineData(4, "1100")]                           // status: no daylight saving in January
    [InlineData(5, "090CFFFF03FE07020000008000FF")]  // last Sunday of March 02:00 local (01:00 UTC)
    [InlineData(6, "090CFFFF0AFE07030000008000FF")]  // last Sunday of October 03:00 local summer time (01:00 UTC)
    [InlineData(7, "0F3C")]                           // deviation 60 min
    [InlineData(8, "03FF")]                           // enabled
    [InlineData(9, "1601")]                           // clock_base internal crystal
    public void Winter_attributes(int attribute, string expected)
    {
        using var host = MeterRig.Start();
        Assert.Equal(expected, Attribute(host.Meter, attribute));
    }

    [Fact]
    public void In_summer_the_status_says_daylight_saving_active()
    {
        using var host = MeterRig.Start(start: new DateTime(2025, 6, 1, 10, 0, 0, DateTimeKind.Utc));
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal("1180", Attribute(host.Meter, 4));
        Assert.Equal("10FFC4", Attribute(host.Meter, 3)); // time_zone is normal time's all year
    }
}

/// <summary>SET of the clock's time by the management client goes through the optical port's path (ClockSetting).</summary>
public class ClockSetCosemTests
{
    private static byte[] Send(ElectricityMeter m, string hex, int sap)
    {
        byte[] apdu = Convert.FromHexString(hex.Replace(" ", ""));
        var response = new byte[1024];
        return response[..m.Dlms.HandleApdu(sap, apdu, 0, apdu.Length, response, 0, response.Length)];
    }

    // Set-Request-Normal of 0-0:1.0.0.255 attribute 2 to 2025-01-15 06:30:00 (deviation, status not used).
    private const string SetClock = "C1 01 C1 0008 0000010000FF 02 00 09 0C 07E9 01 0F 03 06 1E 00 00 8000 00";

    [Fact]
    public void The_management_client_sets_the_clock_as_the_optical_port_does()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromSeconds(5));
        var m = host.Meter;
        long clockSets = m.Storage.Events.CountOf(Meter.Storage.EventKind.ClockSet);
        Send(m, MeterDlmsServerTests.LlsAarq(m.Settings.Passwords[0]), 1);
        Assert.Equal("C501C100", Convert.ToHexString(Send(m, SetClock, 1))); // success
        Assert.Equal("(25-01-15 06:30:00)", MeterRig.ValueText(m, Meter.Obis.StandardObjects.Clock));
        Assert.Equal(clockSets + 1, m.Storage.Events.CountOf(Meter.Storage.EventKind.ClockSet)); // ClockSetting logged it
    }

    [Theory]
    [InlineData("C1 01 C1 0008 0000010000FF 02 00 09 0C FFFF 01 0F 03 06 1E 00 00 8000 00", "FA")] // year not specified: other-reason
    [InlineData("C1 01 C1 0008 0000010000FF 02 00 09 0C 07E9 02 1E 03 06 1E 00 00 8000 00", "FA")] // 30 February: out of range
    [InlineData("C1 01 C1 0008 0000010000FF 02 00 06 00000001", "0C")]                              // not a date-time: type-unmatched
    [InlineData("C1 01 C1 0003 0100010800FF 02 00 06 00000000", "03")]                              // energy register: read-write-denied
    public void Refused_sets_answer_their_data_access_result(string set, string result)
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Send(m, MeterDlmsServerTests.LlsAarq(m.Settings.Passwords[0]), 1);
        Assert.Equal("C501C1" + result, Convert.ToHexString(Send(m, set, 1)));
        Assert.Equal("(25-01-15 00:00:00)", MeterRig.ValueText(m, Meter.Obis.StandardObjects.Clock));
    }

    [Fact]
    public void The_public_client_may_not_set_the_clock()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Send(m, MeterCosemClient.PublicAarqWithoutPdu + "04 B0", 16);
        Assert.Equal("C501C10D", Convert.ToHexString(Send(m, SetClock, 16))); // scope-of-access-violated
    }
}
