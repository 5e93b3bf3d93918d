using Meter.Core;
using Meter.Obis;
using Meter.Storage;
using Xunit.Abstractions;

namespace Meter.Core.Tests;

/// <summary>Credit tokens over the optical port's W1: applied once, refused with a specific result and an event when replayed, altered, out of sequence or for another meter; a power cut never applies one twice.</summary>
public class TokenTests(ITestOutputHelper output)
{
    /// <summary>A token for <paramref name="m"/>'s meter number under the test secret.</summary>
    internal static byte[] Make(ElectricityMeter m, long sequence, long amountWh, string? meterNumber = null)
    {
        var token = new byte[PrepaymentToken.Length];
        new PrepaymentToken().Create(token, meterNumber ?? m.Settings.MeterNumber, sequence, amountWh, PrepaymentTests.Secret);
        return token;
    }

    private static ObisWriteResult Write(ElectricityMeter m, byte[] token) => MeterRig.Write(m, PrepaymentObjects.Token, Convert.ToHexString(token));

    private static void Prepare(ElectricityMeter m)
    {
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Mode, "1.000"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Secret, Convert.ToHexString(PrepaymentTests.Secret), seal: true));
    }

    private static void AssertRefused(ElectricityMeter m, byte[] token, int result, long loadedBefore)
    {
        long events = m.Storage.Events.CountOf(EventKind.ParameterChange);
        Assert.Equal(ObisWriteResult.Rejected, Write(m, token));
        Assert.Equal(result, m.Prepayment.LastTokenResult);
        Assert.Equal($"({result:D2})", MeterRig.ValueText(m, PrepaymentObjects.LastTokenResult));
        Assert.Equal(loadedBefore, m.Prepayment.Credit.LoadedWh);
        Assert.Equal(events + 1, m.Storage.Events.CountOf(EventKind.ParameterChange));
        var e = PrepaymentTests.LastEvent(m);
        Assert.Equal((EventKind.ParameterChange, Prepayment.EventTokenRefused, (long)result), (e.Kind, e.Detail, e.OldValue));
    }

    [Fact]
    public void The_secret_needs_the_seal_open_is_never_readable_and_a_meter_without_one_refuses_tokens()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        MeterRig.Write(m, PrepaymentObjects.Mode, "1.000");
        AssertRefused(m, Make(m, 1, 500), TokenResult.NoSecret, 1000);
        string hex = Convert.ToHexString(PrepaymentTests.Secret);
        Assert.Equal(ObisWriteResult.SealClosed, MeterRig.Write(m, PrepaymentObjects.Secret, hex));
        Assert.Equal(ObisWriteResult.InvalidFormat, MeterRig.Write(m, PrepaymentObjects.Secret, hex[..30], seal: true));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, PrepaymentObjects.Secret, new string('0', 32), seal: true));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Secret, hex, seal: true));
        Assert.Equal((EventKind.ParameterChange, Prepayment.EventSecretSet, 0L, 0L), (PrepaymentTests.LastEvent(m).Kind, PrepaymentTests.LastEvent(m).Detail, PrepaymentTests.LastEvent(m).OldValue, PrepaymentTests.LastEvent(m).NewValue));
        Assert.Throws<InvalidOperationException>(() => Readable(m, PrepaymentObjects.Secret));
        Assert.Throws<InvalidOperationException>(() => Readable(m, PrepaymentObjects.Token));
    }

    private static string Readable(ElectricityMeter m, ObisCode code)
    {
        var item = m.Table.Find(code)!;
        if (!item.TryReadText(out string value)) throw new InvalidOperationException("not readable");
        return value;
    }

    [Fact]
    public void A_token_applies_once_then_replayed_out_of_sequence_or_for_another_meter_it_is_refused_and_logged()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Prepare(m);
        byte[] five = Make(m, 5, 2500);
        Assert.Equal(ObisWriteResult.Accepted, Write(m, five));
        Assert.Equal((3500L, 5L, TokenResult.Applied), (m.Prepayment.Credit.LoadedWh, m.Prepayment.LastSequence, m.Prepayment.LastTokenResult));
        var e = PrepaymentTests.LastEvent(m);
        Assert.Equal((EventKind.ParameterChange, Prepayment.EventTokenApplied, 5L, 2500L), (e.Kind, e.Detail, e.OldValue, e.NewValue));
        Assert.Equal("(0000000005)", MeterRig.ValueText(m, PrepaymentObjects.LastSequence));

        AssertRefused(m, five, TokenResult.Replayed, 3500);
        AssertRefused(m, Make(m, 4, 2500), TokenResult.OutOfSequence, 3500);
        AssertRefused(m, Make(m, 6, 2500, meterNumber: "87654321"), TokenResult.WrongMeter, 3500);
        var otherSecret = new byte[PrepaymentToken.Length];
        new PrepaymentToken().Create(otherSecret, m.Settings.MeterNumber, 6, 2500, Enumerable.Repeat((byte)7, 16).ToArray());
        AssertRefused(m, otherSecret, TokenResult.BadIntegrity, 3500);
        Assert.Equal(ObisWriteResult.InvalidFormat, MeterRig.Write(m, PrepaymentObjects.Token, Convert.ToHexString(five)[..30] + "XY"));
        Assert.Equal(TokenResult.BadFormat, m.Prepayment.LastTokenResult);
        // A later sequence (gaps allowed) applies.
        Assert.Equal(ObisWriteResult.Accepted, Write(m, Make(m, 9, 1)));
        Assert.Equal(3501, m.Prepayment.Credit.LoadedWh);
    }

    [Fact]
    public void Every_byte_altered_is_refused_with_the_error_of_its_field()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Prepare(m);
        byte[] token = Make(m, 1, 1000);
        for (int i = 0; i < PrepaymentToken.Length; i++)
        {
            foreach (byte flip in new byte[] { 0x01, 0x80, 0xFF })
            {
                byte[] altered = (byte[])token.Clone();
                altered[i] ^= flip;
                int expected = i <= 1 ? TokenResult.WrongMeter : TokenResult.BadIntegrity;
                AssertRefused(m, altered, expected, 1000);
            }
        }
        Assert.Equal(ObisWriteResult.Accepted, Write(m, token)); // the genuine one still applies
        Assert.Equal(2000, m.Prepayment.Credit.LoadedWh);
    }

    [Fact]
    public void A_power_cut_at_every_byte_while_a_token_is_saved_applies_it_wholly_or_not_at_all_and_never_twice()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Prepare(m);
        byte[] token = Make(m, 7, 4321);
        int before = 0, after = 0;
        long bytes = TornWriteRig.CutDuring(host, "balanced", TornWriteRig.StepFrom("METER_TOKEN_CUT_STEP", 1), true,
            () => Assert.Equal(ObisWriteResult.Accepted, Write(m, token)),
            rebooted =>
            {
                var p = rebooted.Prepayment;
                Assert.True(p.IsActive);
                if (p.LastSequence == 7)
                {
                    Assert.Equal(1000 + 4321, p.Credit.LoadedWh);
                    after++;
                    Assert.Equal(ObisWriteResult.Rejected, Write(rebooted, token));
                    Assert.Equal(TokenResult.Replayed, p.LastTokenResult);
                }
                else
                {
                    Assert.Equal((0L, 1000L), (p.LastSequence, p.Credit.LoadedWh));
                    before++;
                    Assert.Equal(ObisWriteResult.Accepted, Write(rebooted, token)); // not applied: it may be entered again, once
                    Assert.Equal(1000 + 4321, p.Credit.LoadedWh);
                }
                Assert.Equal(ObisWriteResult.Rejected, Write(rebooted, token));
            });
        output.WriteLine($"{bytes} bytes written by the token; cut before it was saved {before} times, after {after} times");
        Assert.True(before > 0 && after > 0);
    }
}
