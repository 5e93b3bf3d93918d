using System.Text;
using Meter.Core;
using Meter.Hal.Simulation.Ade7880;
using Meter.Obis;
using Meter.Simulation;

namespace EndToEnd.Tests;

/// <summary>
/// Scenario files with power-quality columns (issue 20): phase voltages, voltage THD and frequency per
/// 15-minute row, after the power columns; the virtual meter measures quality when a file has them.
/// </summary>
public class ScenarioQualityColumnsTests : IDisposable
{
    private const string Power = "start_utc,p_l1_w,p_l2_w,p_l3_w,q_l1_var,q_l2_var,q_l3_var";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vm-scenario-" + Guid.NewGuid().ToString("N"));

    public ScenarioQualityColumnsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(params string[] lines)
    {
        string path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private static PhaseLoad[] LoadsAt(FileScenario scenario, DateTime utc)
    {
        var loads = new PhaseLoad[3];
        scenario.LoadsAt(new DateTimeOffset(utc).ToUnixTimeSeconds(), loads);
        return loads;
    }

    [Fact]
    public void Quality_columns_set_voltage_thd_and_frequency_and_the_current_keeps_the_power()
    {
        string path = File(Power + ",u_l1_v,u_l2_v,u_l3_v,thd_u_pct,f_hz", "2025-06-01T00:00:00Z,2300,2300,2150,0,0,1290,230,230,215,4,49.8");
        var scenario = FileScenario.Load(path, 100);
        Assert.True(scenario.HasQualityColumns);
        PhaseLoad[] loads = LoadsAt(scenario, new DateTime(2025, 6, 1, 0, 5, 0, DateTimeKind.Utc));
        // L1: 2300 W at 230 V = 10 A, PF 1. L3: S = √(2150² + 1290²) = 2507.3 VA at 215 V = 11.662 A, angle atan(1290/2150) = 30.96°.
        Assert.Equal(230, loads[0].VoltageRms);
        Assert.Equal(10, loads[0].CurrentRms, 9);
        Assert.Equal(215, loads[2].VoltageRms);
        Assert.Equal(2507.3, loads[2].CurrentRms * 215, 1);
        Assert.Equal(30.96, loads[2].AngleDegrees, 2);
        Assert.All(loads, l => Assert.Equal(49.8, l.FrequencyHz));
        // THD 4 % of 215 V = 8.6 V shared by the 3rd, 5th and 7th as 1/2, 1/√2, 1/2: 4.3, 6.081, 4.3 V.
        Assert.Equal(new[] { 3, 5, 7 }, loads[2].Harmonics.Select(h => h.Order));
        Assert.Equal(8.6, Math.Sqrt(loads[2].Harmonics.Sum(h => h.VoltageRms * h.VoltageRms)), 9);
        Assert.Equal(4.3, loads[2].Harmonics[0].VoltageRms, 9);
    }

    [Fact]
    public void Any_of_the_quality_columns_in_any_order_the_others_nominal()
    {
        string path = File(Power + ",f_hz,u_l2_v", "2025-06-01T00:00:00Z,0,0,0,0,0,0,50.4,240");
        PhaseLoad[] loads = LoadsAt(FileScenario.Load(path, 100), new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new[] { 230.0, 240.0, 230.0 }, loads.Select(l => l.VoltageRms));
        Assert.All(loads, l => Assert.Equal(50.4, l.FrequencyHz));
        Assert.All(loads, l => Assert.Empty(l.Harmonics));
        Assert.True(FileScenario.FileHasQualityColumns(path));
        Assert.False(FileScenario.FileHasQualityColumns(File(Power, "2025-06-01T00:00:00Z,0,0,0,0,0,0")));
    }

    [Theory]
    [InlineData(",u_l4_v", ",230", "line 1: unknown column 'u_l4_v'; after " + Power + " come any of u_l1_v,u_l2_v,u_l3_v,thd_u_pct,f_hz")]
    [InlineData(",f_hz,f_hz", ",50,50", "line 1: column 'f_hz' twice")]
    [InlineData(",u_l1_v", ",470", "line 2: voltage 470 V is outside 0 … 460 V")]
    [InlineData(",thd_u_pct", ",31", "line 2: THD 31 % is outside 0 … 30 %")]
    [InlineData(",f_hz", ",35", "line 2: frequency 35 Hz is outside 40 … 70 Hz")]
    [InlineData(",f_hz", "", "line 2: expected 8 columns as the header, found 7")]
    public void A_bad_quality_column_or_value_is_named(string header, string values, string error)
    {
        string path = File(Power + header, "2025-06-01T00:00:00Z,0,0,0,0,0,0" + values);
        var e = Assert.Throws<ArgumentException>(() => FileScenario.Load(path, 100));
        Assert.Equal($"scenario file '{path}' {error}", e.Message);
    }

    [Fact]
    public void The_virtual_meter_measures_quality_from_a_file_with_quality_columns()
    {
        // 230 / 230 / 215 V with 4 % THD: u2 = (15/3) / (675/3) = 2.22 % (the harmonics scale all phases alike), THD 4.00 %.
        string path = File(Power + ",u_l1_v,u_l2_v,u_l3_v,thd_u_pct",
            "2025-06-02T00:00:00Z,2300,2300,2150,0,0,0,230,230,215,4",
            "2025-06-02T00:15:00Z,2300,2300,2150,0,0,0,230,230,215,4");
        var options = new VirtualMeterOptions { ScenarioFile = path, Optical = "none", Speed = 0 };
        Assert.True(VirtualMeterHost.QualityOn(options));
        using var host = new VirtualMeterHost(options);
        host.RunFor(TimeSpan.FromMinutes(1));
        Assert.Matches(@"^\(00[34]\.(99|00|01)\*%\)$", ValueText(host, PowerQualityObjects.ThdOf(3)));
        Assert.Matches(@"^\(002\.2[1-3]\*%\)$", ValueText(host, PowerQualityObjects.Unbalance));
    }

    private static string ValueText(VirtualMeterHost host, ObisCode code)
    {
        var item = host.Meter.Table.Find(code) ?? throw new InvalidOperationException($"{code} not in the table");
        var buffer = new byte[ObisObject.MaxValueLength + 8];
        return Encoding.ASCII.GetString(buffer, 0, item.WriteValue(code, buffer, 0, buffer.Length));
    }
}
