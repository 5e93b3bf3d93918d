using Meter.OpticalClient.Protocol;
using MeterTool.Tests.Support;
using static MeterTool.Tests.Support.ScriptedMeter;

namespace MeterTool.Tests;

/// <summary>`profile` end to end over TCP against a scripted meter: billing CSV, profile CSV and PNG chart written.</summary>
[Collection("console")]
public class ProfileCommandTests
{
    [Fact]
    public void Profile_command_writes_billing_csv_profile_csv_and_chart()
    {
        byte[] request = A("/?!\r\n");
        var script = new ScriptedMeter()
            .On(request, A("/KAM5351B\r\n"))
            .On(Frames.OptionSelect(9600, false), DataMessage("1.8.0(000123.456*kWh)\r\n1.8.0*01(000100.000*kWh)\r\n1.8.0*02(000050.000*kWh)\r\n!\r\n"))
            .On(request, A("/KAM5351B\r\n"))
            .On(Frames.OptionSelect(9600, true), Cat([0x01], A("P0"), [0x02], A("()"), [0x03, 0x60]))
            .On(Frames.Command("P1", "(12345678)"), [0x06])
            .On(Frames.Command("R1", "P.01(2401010000;2401010100)"),
                DataMessage("P.01(02401010015)(00)(15)(1)(1.5)(kW)\r\n(0.250)\r\n(0.500)\r\n(0.750)\r\n(1.000)\r\n"))
            .On(Frames.Break(), []);
        using var meter = new TcpScriptedMeter(script);
        string dir = Directory.CreateTempSubdirectory("metertool-").FullName;
        try
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (o, e) = (new StringWriter(), new StringWriter());
            Console.SetOut(o);
            Console.SetError(e);
            int code;
            try
            {
                code = Meter.Tool.Program.Main(["profile", "--from", "2024-01-01 00:00", "--to", "2024-01-01 01:00",
                    "--csv", Path.Combine(dir, "p.csv"), "--png", Path.Combine(dir, "p.png"), "--billing-csv", Path.Combine(dir, "b.csv"),
                    "--password", "12345678", "--tcp", $"127.0.0.1:{meter.Port}"]);
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
            Assert.Null(meter.Failure);
            Assert.True(code == 0, e.ToString());
            Assert.Equal("period,1.8.0\n2,000050.000*kWh\n1,000100.000*kWh\n", File.ReadAllText(Path.Combine(dir, "b.csv")));
            Assert.Equal("time,status,1.5 (kW),note\n2024-01-01 00:15,00,0.250,\n2024-01-01 00:30,00,0.500,\n2024-01-01 00:45,00,0.750,\n2024-01-01 01:00,00,1.000,\n",
                File.ReadAllText(Path.Combine(dir, "p.csv")));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(Path.Combine(dir, "p.png"))[..4]);
            Assert.True(script.Finished);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
