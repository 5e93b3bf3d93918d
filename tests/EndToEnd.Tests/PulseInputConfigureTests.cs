namespace EndToEnd.Tests;

/// <summary>MeterTool `pulse-input configure` against the virtual meter over TCP: stored in the meter, read back; refused with a clear error.</summary>
[Collection("console")]
public class PulseInputConfigureTests
{
    [Fact]
    public void Configure_writes_the_constant_and_unit_and_the_register_reads_in_that_unit()
    {
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("pulse-input", "configure", "--constant", "100", "--unit", "m3", "--input-code", "03",
            "--alarm", "disconnect", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Equal((100L, 2, 3, 2), meter.Host.Inspect(h => (h.Meter.Inputs.PulseConstant, h.Meter.Inputs.PulseUnit, h.Meter.Inputs.Code, h.Meter.Inputs.AlarmMode)));
        (code, output, error) = meter.Tool("read", "0-1:24.2.1", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("m3", output);
    }

    [Fact]
    public void A_refused_login_or_a_bad_value_ends_with_a_clear_error_and_changes_nothing()
    {
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("pulse-input", "configure", "--constant", "100", "--password", "wrong-pw");
        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error), output);
        Assert.Equal(1L, meter.Host.Inspect(h => h.Meter.Inputs.PulseConstant));
        (code, output, error) = meter.Tool("pulse-input", "configure", "--input-code", "07", "--password", MeterUnderTest.Password);
        Assert.NotEqual(0, code);
        Assert.Contains("--tariff-control inputs:DD", error);
        (code, _, error) = meter.Tool("pulse-input", "configure", "--unit", "gallon", "--password", MeterUnderTest.Password);
        Assert.NotEqual(0, code);
        Assert.Contains("give none, kWh, m3 or L", error);
    }
}
