using Meter.Obis;
using static Meter.Core.Tests.TariffCalendarCosemTests;

namespace Meter.Core.Tests.Breaker;

/// <summary>
/// Limiter 0-0:17.0.0.255 over DLMS (<see cref="LimiterObject"/>, Blue Book 4.5.9, class 71 version 0) on the meter's
/// own server; every request and answer encoded here by hand. The optical objects 0-0:17.0.x show the same values.
/// </summary>
public class LimiterCosemTests
{
    private const string LimiterLn = "0047 00 00 11 00 00 FF"; // class 71, 0-0:17.0.0.255
    private const string Ok = "C501C100", OtherReason = "C501C1FA", TypeUnmatched = "C501C10C", Denied = "C501C103";
    private const string Scripts = "09 06 00 00 0A 00 6A FF";  // disconnect control script table 0-0:10.0.106.255
    private const string NoScript = "09 06 00 00 00 00 00 00";
    private const string PowerDefinition = "02 03 12 00 03 09 06 01 00 01 07 00 FF 0F 02"; // {class 3, 1-0:1.7.0.255, attribute 2}

    private static string Data(ElectricityMeter m, int attribute, int sap = 1)
    {
        string answer = Get(m, LimiterLn, attribute, sap);
        Assert.StartsWith("C401C100", answer);
        return answer[8..];
    }

    [Fact]
    public void A_new_meter_reads_the_limiter_off_with_the_fixed_actions_to_the_public_client()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Assert.StartsWith("6129", Send(m.Dlms, PublicAarq, 16));
        Assert.Equal(Norm("09 06 00 00 11 00 00 FF"), Data(m, 1, 16));
        Assert.Equal(Norm("02 03 12 00 00 09 06 00 00 00 00 00 00 0F 00"), Data(m, 2, 16)); // off: no register
        for (int attribute = 3; attribute <= 7; attribute++) Assert.Equal("0600000000", Data(m, attribute, 16));
        // No emergency profile: id 0, activation not specified, duration 0; the group list never written names the profile.
        Assert.Equal(Norm("02 03 12 00 00 09 0C FF FF FF FF FF FF FF FF FF 80 00 FF 06 00 00 00 00"), Data(m, 8, 16));
        Assert.Equal(Norm("01 01 12 00 00"), Data(m, 9, 16));
        Assert.Equal("0300", Data(m, 10, 16));
        Assert.Equal(Norm($"02 02 02 02 {Scripts} 12 00 01 02 02 {Scripts} 12 00 02"), Data(m, 11, 16));
        Assert.Equal(Denied, Set(m, LimiterLn, 4, "06 00 00 2E E0", 16)); // the public client may not write
        Assert.Equal(Norm("C4 01 C1 01 04"), Get(m, LimiterLn, 12, 16));
    }

    [Fact]
    public void Every_writable_attribute_is_set_read_back_shown_on_the_optical_port_and_kept_over_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var first = MeterRig.Start(stateFile: state))
            {
                var m = first.Meter;
                first.RunFor(TimeSpan.FromSeconds(1));
                AssociateManagement(m);
                Assert.Equal(Ok, Set(m, LimiterLn, 2, PowerDefinition));
                Assert.Equal(Ok, Set(m, LimiterLn, 4, "06 00 00 2E E0"));  // 12000 W
                Assert.Equal(Ok, Set(m, LimiterLn, 5, "12 0F A0"));        // 4000 W, as long-unsigned (any integer type)
                Assert.Equal(Ok, Set(m, LimiterLn, 6, "06 00 00 00 1E"));  // 30 s
                Assert.Equal(Ok, Set(m, LimiterLn, 7, "06 00 00 00 3C"));  // 60 s
                Assert.Equal(Ok, Set(m, LimiterLn, 11, $"02 02 02 02 {NoScript} 12 00 00 02 02 {Scripts} 12 00 02")); // warn only
                Assert.Equal(Norm(PowerDefinition), Data(m, 2));
                Assert.Equal("0600002EE0", Data(m, 3)); // threshold_active = threshold_normal (no emergency)
                Assert.Equal("0600002EE0", Data(m, 4));
                Assert.Equal("0600000FA0", Data(m, 5));
                Assert.Equal("060000001E", Data(m, 6));
                Assert.Equal("060000003C", Data(m, 7));
                Assert.Equal(Norm($"02 02 02 02 {NoScript} 12 00 00 02 02 {Scripts} 12 00 02"), Data(m, 11));
                Assert.Equal("(012000)", MeterRig.ValueText(m, BreakerObjects.ThresholdNormal));
                Assert.Equal("(004000)", MeterRig.ValueText(m, BreakerObjects.ThresholdEmergency));
                Assert.Equal("(00030)", MeterRig.ValueText(m, BreakerObjects.MinOver));
                Assert.Equal("(00060)", MeterRig.ValueText(m, BreakerObjects.MinUnder));
                Assert.Equal("(11)", MeterRig.ValueText(m, BreakerObjects.Monitoring)); // power + 10 × warn-only
                // Logged as the optical port's accepted W1 of 0-0:17.0.0 is: parameter change, old = C·65536 + D·256 + E.
                Assert.Contains(ParameterChanges(m, 0), e => e.OldValue == 17 * 65536 + 0 * 256 + 0);
                Assert.Contains(ParameterChanges(m, 0), e => e.OldValue == 17 * 65536 + 0 * 256 + 3);
                first.Stop();
            }
            using var again = MeterRig.Start(stateFile: state);
            var r = again.Meter;
            Assert.Equal((12000L, 4000L, 30L, 60L, LimiterMonitoredValue.ActivePowerTotal, true),
                (r.Limiter.ThresholdNormal, r.Limiter.ThresholdEmergency, r.Limiter.MinOverSeconds, r.Limiter.MinUnderSeconds, r.Limiter.MonitoredValue, r.Limiter.WarnOnly));
        }
        finally { MeterRig.DeleteState(state); }
    }

    [Fact]
    public void The_emergency_profile_runs_from_its_activation_for_its_duration_while_its_id_is_the_listed_group()
    {
        using var host = MeterRig.Start(); // 2025-01-15 00:00 local, UTC+1
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(1));
        AssociateManagement(m);
        Assert.Equal(Ok, Set(m, LimiterLn, 4, "06 00 00 2E E0"));
        Assert.Equal(Ok, Set(m, LimiterLn, 5, "06 00 00 0F A0"));
        // Profile 7 from 2025-01-15 00:00:10 local for 60 s; group list {7}.
        string activation = "07 E9 01 0F 03 00 00 0A 00 FF C4 00"; // deviation -60 min, not looked at
        Assert.Equal(Ok, Set(m, LimiterLn, 8, $"02 03 12 00 07 09 0C {activation} 06 00 00 00 3C"));
        Assert.Equal(Ok, Set(m, LimiterLn, 9, "01 01 12 00 07"));
        Assert.Equal(Norm("02 03 12 00 07 09 0C 07 E9 01 0F 03 00 00 0A 00 FF C4 00 06 00 00 00 3C"), Data(m, 8));
        Assert.Equal(Norm("01 01 12 00 07"), Data(m, 9));
        Assert.Equal("0300", Data(m, 10)); // 00:00:01: not yet
        // An optical write of threshold_normal (its value shares a stored value with the profile id) keeps the profile.
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, BreakerObjects.ThresholdNormal, "12000"));
        Assert.Equal(Norm("02 03 12 00 07 09 0C 07 E9 01 0F 03 00 00 0A 00 FF C4 00 06 00 00 00 3C"), Data(m, 8));
        host.RunFor(TimeSpan.FromSeconds(10));
        Assert.Equal("03FF", Data(m, 10));
        Assert.Equal("0600000FA0", Data(m, 3)); // threshold_active = threshold_emergency
        Assert.Equal(Ok, Set(m, LimiterLn, 9, "01 01 12 00 08")); // another group: the profile stops
        Assert.Equal("0300", Data(m, 10));
        Assert.Equal(Ok, Set(m, LimiterLn, 9, "01 00"));          // empty list: no profile
        Assert.Equal("0100", Data(m, 9));
        Assert.Equal(Ok, Set(m, LimiterLn, 9, "01 01 12 00 07"));
        host.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal("0300", Data(m, 10)); // 00:01:11: ended
        Assert.Equal("0600002EE0", Data(m, 3));
    }

    [Theory]
    [InlineData(4, "06 00 0F 42 40", OtherReason)]                       // 1 000 000 W: beyond six digits
    [InlineData(6, "06 00 01 51 81", OtherReason)]                       // 86 401 s: longer than a day
    [InlineData(4, "0F FF", OtherReason)]                                // -1
    [InlineData(4, "09 01 00", TypeUnmatched)]                           // octet-string threshold
    [InlineData(2, "02 03 12 00 03 09 06 01 00 02 07 00 FF 0F 02", OtherReason)] // P- is not monitored
    [InlineData(2, "02 03 12 00 03 09 06 01 00 01 07 00 FF 0F 03", OtherReason)] // attribute 3 (scaler_unit)
    [InlineData(2, "02 02 12 00 03 09 06 01 00 01 07 00 FF", TypeUnmatched)]
    [InlineData(11, "02 02 02 02 09 06 00 00 0A 00 64 FF 12 00 01 02 02 09 06 00 00 0A 00 6A FF 12 00 02", OtherReason)] // tariff scripts
    [InlineData(11, "02 02 02 02 09 06 00 00 0A 00 6A FF 12 00 01 02 02 09 06 00 00 0A 00 6A FF 12 00 01", OtherReason)] // disconnect under
    [InlineData(9, "01 02 12 00 01 12 00 02", OtherReason)]              // two groups: the meter keeps one
    [InlineData(8, "02 03 12 00 01 09 0C 07 E9 0D 0F FF 00 00 00 00 FF C4 00 06 00 00 00 3C", OtherReason)] // month 13
    [InlineData(8, "02 03 12 00 01 09 0C FF FF FF FF FF FF FF FF FF 80 00 FF 06 00 00 00 3C", OtherReason)] // no activation, 60 s
    [InlineData(3, "06 00 00 00 01", Denied)]                            // threshold_active is read only
    [InlineData(10, "03 FF", Denied)]
    public void A_bad_write_is_refused_with_its_result_and_changes_nothing(int attribute, string data, string expected)
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        AssociateManagement(m);
        string before = string.Concat(Enumerable.Range(2, 10).Select(a => Data(m, a)));
        Assert.Equal(expected, Set(m, LimiterLn, attribute, data));
        Assert.Equal(before, string.Concat(Enumerable.Range(2, 10).Select(a => Data(m, a))));
    }

    [Fact]
    public void The_object_list_names_0_0_17_0_0_once_as_class_71_with_attributes_3_and_10_read_only_for_management()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        AssociateManagement(m);
        var response = new byte[4096];
        Func<byte[], byte[]> send = apdu => response[..m.Dlms.HandleApdu(1, apdu, 0, apdu.Length, response, 0, response.Length)];
        var list = (object[])Meter.Dlms.Tests.Support.CosemBlockClient.Parse(
            Meter.Dlms.Tests.Support.CosemBlockClient.Get(send, 15, [0, 0, 40, 0, 0, 255], 2, null, out _));
        var entries = list.Cast<object[]>().Where(e => ((byte[])e[2]).SequenceEqual(new byte[] { 0, 0, 17, 0, 0, 255 })).ToList();
        Assert.Single(entries);
        Assert.Equal((71L, 0L), ((long)entries[0][0], (long)entries[0][1]));
        var attributes = ((object[])((object[])entries[0][3])[0]).Cast<object[]>().Select(a => (long)a[1]).ToArray();
        Assert.Equal(new long[] { 1, 3, 1, 3, 3, 3, 3, 3, 3, 1, 3 }, attributes);
        Assert.Empty((object[])((object[])entries[0][3])[1]);
    }
}
