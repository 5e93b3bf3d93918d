using Meter.Obis;
using Meter.Optical;
using Meter.Tool;
using Meter.Tool.Cli;
using MeterTool.Tests.Support;

namespace MeterTool.Tests;

/// <summary>
/// `calibrate` end to end over TCP: the firmware's optical server in front of a model meter
/// whose phase-1 chip is deliberately mis-gained; its readings follow the gain registers the
/// tool writes (reading = true × chip error × (1 + register / 2^23), as the simulated ADE7880).
/// </summary>
[Collection("console")]
public class EndToEndCalibrationTests : IDisposable
{
    private readonly ModelChip _chip = new(voltageError: 0.9965m, currentError: 1.0080m, powerError: 0.9950m);
    private readonly TcpOpticalServer _server;

    public EndToEndCalibrationTests()
    {
        var table = new ObisTable(8);
        table.Add(new RegisterObject(Code(MeterAddresses.Voltage(1)), ObisUnit.Volt, -3, _chip) { Decimals = 3, IntegerDigits = 3 });
        table.Add(new RegisterObject(Code(MeterAddresses.Current(1)), ObisUnit.Ampere, -4, _chip) { Decimals = 4, IntegerDigits = 1 });
        table.Add(new RegisterObject(Code(MeterAddresses.ActivePower(1)), ObisUnit.Watt, -3, _chip) { Decimals = 3, IntegerDigits = 1 });
        foreach (var address in new[] { MeterAddresses.VoltageGain(1), MeterAddresses.CurrentGain(1), MeterAddresses.PowerGain(1) })
        {
            var gain = new IntegerDataObject(Code(address), 1, _chip);
            gain.SetWriteRange(-(1 << 23), (1 << 23) - 1);
            gain.AllowWrite(ObisAccess.Legal, 1, _chip);
            table.Add(gain);
        }
        _server = new TcpOpticalServer(table, new ReadoutList(1),
            new OpticalPortSettings { ManufacturerId = "OEM", Identification = "OpenMeter1", MaximumBaud = 9600, Passwords = ["12345678"] },
            new Open());
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Mis_gained_phase_is_calibrated_to_within_0_1_percent()
    {
        // Before: 230 V × 0.9965 = 229.195 V (−0.35 %), 5 A × 1.008 = 5.040 A (+0.8 %).
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        int code;
        try
        {
            code = Meter.Tool.Program.Main(["calibrate", "--phase", "1", "--voltage", "230", "--current", "5",
                "--settle-ms", "0", "--password", "12345678", "--tcp", $"127.0.0.1:{_server.Port}"]);
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
        Assert.True(code == CommandRunner.Ok, e.ToString() + o);
        // AVGAIN ≈ (1/0.9965 − 1) × 2^23 = 0.0035123 × 8388608 = 29 463 (from the 1 mV-resolution reading).
        Assert.InRange(_chip.Register(MeterAddresses.VoltageGain(1)), 29_400, 29_530);
        // AIGAIN ≈ (1/1.008 − 1) × 2^23 = −0.0079365 × 8388608 = −66 576.
        Assert.InRange(_chip.Register(MeterAddresses.CurrentGain(1)), -66_700, -66_450);
        // APGAIN ≈ (1/0.995 − 1) × 2^23 = 0.0050251 × 8388608 = 42 154.
        Assert.InRange(_chip.Register(MeterAddresses.PowerGain(1)), 42_000, 42_300);
    }

    private static ObisCode Code(string address) => ObisCode.Parse(address);

    private sealed class Open : IProgrammingSwitch
    {
        public bool IsOpen => true;
    }

    /// <summary>Phase-1 chip with gain errors, rated 230 V / 5 A / PF 1; values in mV, 0.1 mA, mW.</summary>
    private sealed class ModelChip(decimal voltageError, decimal currentError, decimal powerError) : IObisValueSource, IObisValueTarget
    {
        private readonly Dictionary<string, long> _registers = new()
        {
            [MeterAddresses.VoltageGain(1)] = 0,
            [MeterAddresses.CurrentGain(1)] = 0,
            [MeterAddresses.PowerGain(1)] = 0,
        };

        public long Register(string address) { lock (_registers) return _registers[address]; }

        private static string Key(ObisCode c) => $"{c.A}-{c.B}:{c.C}.{c.D}.{c.E}";

        private decimal G(string address) => 1m + (decimal)Register(address) / (1 << 23);

        public bool TryReadInteger(ObisCode code, out long value)
        {
            string key = Key(code);
            decimal fu = voltageError * G(MeterAddresses.VoltageGain(1)), fi = currentError * G(MeterAddresses.CurrentGain(1));
            if (_registers.ContainsKey(key)) { value = Register(key); return true; }
            if (key == MeterAddresses.Voltage(1)) { value = (long)(230_000m * fu); return true; }
            if (key == MeterAddresses.Current(1)) { value = (long)(50_000m * fi); return true; }
            if (key == MeterAddresses.ActivePower(1)) { value = (long)(1_150_000m * fu * fi * powerError * G(MeterAddresses.PowerGain(1))); return true; }
            value = 0;
            return false;
        }

        public ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            lock (_registers) _registers[Key(code)] = value;
            return ObisWriteResult.Accepted;
        }

        public bool TryReadText(ObisCode code, out string value) { value = ""; return false; }
        public bool TryReadDateTime(ObisCode code, out ObisDateTime value) { value = default; return false; }
        public bool TryReadCaptureTime(ObisCode code, out ObisDateTime value) { value = default; return false; }
        public ObisWriteResult WriteText(ObisCode code, string value) => ObisWriteResult.Rejected;
        public ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value) => ObisWriteResult.Rejected;
    }
}
