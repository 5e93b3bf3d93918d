using Meter.Acceptance.Targets;
using Meter.OpticalClient.Protocol;

namespace Meter.Acceptance;

/// <summary>
/// Programming mode (IEC 62056-21 §6.4.4, Y = 1): the password P1, R1 reads, W1 writes and the meter's refusals
/// (error messages ERnn, §6.3.10; the codes are this meter's, Meter.Optical OpticalErrorCode). A setting changed on a
/// real board is put back.
/// </summary>
public class ProgrammingTests
{
    private static readonly DateTime Start = new(2025, 1, 15, 8, 0, 0, DateTimeKind.Utc);
    private const string BillingDay = "0-0:128.1.0"; // billing target day, 1..28 (Meter.Core SettingsRules)

    [SkippableFact]
    public void The_right_password_opens_programming_and_R1_reads_what_the_readout_shows()
    {
        using var meter = MeterTargets.Open(Start);
        string meterNumber = Expect.Single(MeterPort.Readout(meter, ProtocolMode.C).DataSets, "0-0:96.1.0").Value;
        var read = MeterPort.Read(meter, "0-0:96.1.0");
        Assert.Equal(meterNumber, Expect.Single(read, "0-0:96.1.0").Value);
    }

    [SkippableFact]
    public void A_wrong_password_is_refused_with_ER02_and_the_right_one_still_works()
    {
        using var meter = MeterTargets.Open(Start);
        var e = Assert.Throws<MeterProtocolException>(() => MeterPort.Programming(meter, s => 0, password: "WRONG123"));
        Assert.Equal(ProtocolErrorKind.PasswordRefused, e.Kind);
        Assert.Equal("ER02", e.MeterErrorCode);
        Assert.NotEmpty(MeterPort.Read(meter, "0-0:96.1.0")); // one failure does not lock the port (3 do)
    }

    [SkippableFact]
    public void Writing_a_read_only_measurement_is_refused_with_ER06()
    {
        using var meter = MeterTargets.Open(Start);
        MeterPort.Programming(meter, s =>
        {
            Assert.Equal("ER06", Expect.MeterError(() => s.Write("32.7.0", "230.0"))); // voltage L1: a measurement, never written
            Assert.Equal("ER05", Expect.MeterError(() => s.Write("1-0:99.99.99", "1"))); // no such object
            return 0;
        });
    }

    [SkippableFact]
    public void An_out_of_range_setting_is_refused_with_ER10_and_an_in_range_one_is_taken_and_read_back()
    {
        using var meter = MeterTargets.Open(Start);
        MeterPort.Programming(meter, s =>
        {
            int before = int.Parse(Expect.Single(s.Read(BillingDay), BillingDay).Value);
            Assert.Equal("ER10", Expect.MeterError(() => s.Write(BillingDay, "29"))); // the day must exist in every month
            Assert.Equal("ER10", Expect.MeterError(() => s.Write(BillingDay, "0")));
            Assert.Equal(before, int.Parse(Expect.Single(s.Read(BillingDay), BillingDay).Value));
            int other = before == 28 ? 27 : 28;
            try
            {
                s.Write(BillingDay, other.ToString("00"));
                Assert.Equal(other, int.Parse(Expect.Single(s.Read(BillingDay), BillingDay).Value));
            }
            finally
            {
                s.Write(BillingDay, before.ToString("00"));
            }
            return 0;
        });
    }
}
