namespace EndToEnd.Tests;

/// <summary>
/// Prepayment end to end: MeterTool writes the secret (seal open), makes a token with `token` (its own HMAC-SHA256, apart
/// from the firmware's), tops the credit up with `credit add`, shows it with `credit show`; a replayed token and one for
/// another meter are refused with the reason the meter recorded.
/// </summary>
[Collection("console")]
public class CreditAgainstVirtualMeterTests
{
    private const string Secret = "00112233445566778899AABBCCDDEEFF"; // a test key, not a meter's

    [Fact]
    public void A_token_made_by_MeterTool_tops_the_credit_up_once_and_refusals_say_why()
    {
        using var meter = new MeterUnderTest(sealOpen: true);
        var (code, output, error) = meter.Tool("write", "0-0:128.30.9", Secret, "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        (code, output, error) = meter.Tool("write", "0-0:128.30.8", "5.000", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);

        (code, output, error) = meter.Tool("token", "--secret", Secret, "--meter", "12345678", "--sequence", "1", "--amount-wh", "2500");
        Assert.True(code == 0, error + output);
        string token = output.Trim();
        Assert.Matches("^[0-9A-F]{32}$", token);

        (code, output, error) = meter.Tool("credit", "add", "--token", token, "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("token applied", output);
        Assert.True(meter.Host.Inspect(h => h.Meter.Prepayment.Credit.LoadedWh) == 7500);

        (code, output, error) = meter.Tool("credit", "add", "--token", token, "--password", MeterUnderTest.Password);
        Assert.NotEqual(0, code);
        Assert.Contains("already applied (replayed)", Flat(error + output));

        (code, output, error) = meter.Tool("token", "--secret", Secret, "--meter", "87654321", "--sequence", "2", "--amount-wh", "2500");
        (code, output, error) = meter.Tool("credit", "add", "--token", output.Trim(), "--password", MeterUnderTest.Password);
        Assert.NotEqual(0, code);
        Assert.Contains("made for another meter", Flat(error + output));

        (code, output, error) = meter.Tool("credit", "show", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("0007.500*kWh", output); // credit loaded
        Assert.Contains("last token sequence", output);
        Assert.Contains("made for another meter", Flat(output));
    }

    [Fact]
    public void Token_needs_exactly_one_secret_and_valid_fields()
    {
        using var meter = new MeterUnderTest();
        var (code, _, error) = meter.Tool("token", "--meter", "12345678", "--sequence", "1", "--amount-wh", "1");
        Assert.Equal(1, code);
        Assert.Contains("exactly one of --secret and --secret-file", error);
        (code, _, error) = meter.Tool("token", "--secret", Secret, "--meter", "12345678", "--sequence", "16777216", "--amount-wh", "1");
        Assert.Equal(1, code);
        Assert.Contains("sequence 16777216", error);
        (code, _, error) = meter.Tool("credit", "add", "--token", "XYZ", "--password", MeterUnderTest.Password);
        Assert.Equal(1, code);
        Assert.Contains("32 hexadecimal characters", error);
    }

    [Fact]
    public void The_credit_option_starts_prepayment_once_and_a_state_file_keeps_its_credit()
    {
        Assert.Equal(12_500, Meter.VirtualMeter.Program.ParseCreditKwh("12.5"));
        Assert.Throws<ArgumentException>(() => Meter.VirtualMeter.Program.ParseCreditKwh("1.0005"));
        Assert.Throws<ArgumentException>(() => Meter.VirtualMeter.Program.ParseCreditKwh("-1"));
        string state = Path.Combine(Path.GetTempPath(), "credit-e2e-" + Guid.NewGuid().ToString("N") + ".nv");
        try
        {
            var options = new Meter.Simulation.VirtualMeterOptions { Optical = "none", StateFile = state, StartingCreditWh = 12_500, Start = new DateTime(2025, 1, 15, 11, 0, 0, DateTimeKind.Utc) };
            long remaining;
            using (var host = new Meter.Simulation.VirtualMeterHost(options))
            {
                Assert.True(host.Meter.Prepayment.IsActive);
                host.RunFor(TimeSpan.FromMinutes(10));
                remaining = host.Meter.Prepayment.RemainingWh;
                Assert.InRange(remaining, 11_000, 12_499); // about 6.6 kW for 10 min: 1.1 kWh
                host.CutPower();
            }
            options.Start = null;
            using (var host = new Meter.Simulation.VirtualMeterHost(options))
                Assert.Equal((12_500L, remaining), (host.Meter.Prepayment.Credit.LoadedWh, host.Meter.Prepayment.RemainingWh)); // not started afresh
        }
        finally
        {
            foreach (string f in new[] { state, state + ".rtc", state + ".bak" }) File.Delete(f);
        }
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
