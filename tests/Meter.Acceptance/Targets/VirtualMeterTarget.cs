using Meter.Simulation;
using Meter.OpticalClient.Transport;

namespace Meter.Acceptance.Targets;

/// <summary>
/// The virtual meter started in process for one test: optical port and control channel on free TCP ports (tests run
/// in parallel), virtual time held (it moves only when the bench advances it), no load until the bench sets one.
/// The tests reach it through those two ports only.
/// </summary>
public sealed class VirtualMeterTarget : IMeterTarget
{
    private readonly VirtualMeterHost _host;
    private readonly ControlChannelBench _bench;

    /// <summary>Starts a direct 5(105) A three-phase meter whose clock reads <paramref name="startUtc"/>.</summary>
    public VirtualMeterTarget(DateTime startUtc, string password = "00000000")
    {
        Password = password;
        _host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Optical = "tcp:127.0.0.1:0",
            ControlPort = 0,
            HoldTime = true,
            Start = startUtc,
            Password = password,
            OpticalIdleTimeout = TimeSpan.FromSeconds(30),
        });
        _host.RunInBackground();
        _bench = new ControlChannelBench(_host.ControlPort);
        _bench.SetLoad(0);
    }

    /// <inheritdoc />
    public string Description => "virtual meter (tcp 127.0.0.1:" + _host.TcpPort + ", control " + _host.ControlPort + ")";

    /// <inheritdoc />
    public IOpticalTransport OpenOptical() => new TcpTransport("127.0.0.1", _host.TcpPort);

    /// <inheritdoc />
    public string Password { get; }

    /// <inheritdoc />
    public IMeterBench Bench => _bench;

    /// <inheritdoc />
    public void Dispose()
    {
        _bench.Dispose();
        var failure = _host.Failure;
        _host.Dispose();
        if (failure != null) throw new InvalidOperationException("the virtual meter stopped", failure);
    }
}
