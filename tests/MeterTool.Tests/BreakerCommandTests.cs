using Meter.Obis;
using Meter.Optical;
using Meter.Tool.Cli;
using MeterTool.Tests.Support;

namespace MeterTool.Tests;

/// <summary>`disconnect` / `release` against an optical server whose 0-0:96.3.10 acts like a mode-2 meter (no release).</summary>
[Collection("console")]
public class BreakerCommandTests : IDisposable
{
    private static readonly ObisCode Control = new(0, 0, 96, 3, 10, 255);
    private readonly ModeTwoBreaker _breaker = new();
    private readonly TcpOpticalServer _server;

    public BreakerCommandTests()
    {
        var table = new ObisTable(StandardObjects.Count + 1);
        var store = new ObisMemoryStore(8);
        StandardObjects.AddTo(table, store, store);
        var item = new IntegerDataObject(Control, 1, _breaker);
        item.SetWriteRange(0, 2);
        item.AllowWrite(ObisAccess.Configuration, 1, _breaker);
        table.Add(item);
        _server = new TcpOpticalServer(table, new ReadoutList(1),
            new OpticalPortSettings { ManufacturerId = "OEM", Identification = "OpenMeter1", MaximumBaud = 9600, Passwords = ["12345678"] }, new Open());
    }

    public void Dispose() => _server.Dispose();

    private (int Code, string Out, string Error) Run(params string[] args) => ToolRun.Capture([.. args, "--password", "12345678", "--tcp", $"127.0.0.1:{_server.Port}"]);

    [Fact]
    public void Disconnect_prints_the_state_read_back_and_a_refused_release_says_why()
    {
        var (code, output, error) = Run("disconnect");
        Assert.True(code == 0, error);
        Assert.Contains("0-0:96.3.10(0) disconnected", output);

        (code, _, error) = Run("release");
        Assert.NotEqual(0, code);
        Assert.Contains("the meter refused `release`", error);
        Assert.Contains("use `reconnect`", error);
        Assert.Contains("ER", error);

        (code, output, error) = Run("reconnect");
        Assert.True(code == 0, error);
        Assert.Contains("0-0:96.3.10(1) connected", output);
    }

    /// <summary>Control mode 2: 0 disconnects, 1 connects directly, 2 (release) is refused.</summary>
    private sealed class ModeTwoBreaker : ObisValueOwner
    {
        private long _state = 1;
        public override bool TryReadInteger(ObisCode code, out long value) { value = _state; return code == Control; }
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            if (value == 2) return ObisWriteResult.Rejected;
            _state = value;
            return ObisWriteResult.Accepted;
        }
    }

    private sealed class Open : IProgrammingSwitch
    {
        public bool IsOpen => true;
    }
}
