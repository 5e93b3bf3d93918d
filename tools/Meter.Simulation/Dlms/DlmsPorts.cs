using Meter.Dlms;

namespace Meter.Simulation.Dlms;

/// <summary>
/// The virtual meter's DLMS/COSEM ports beside the optical port: the IEC 62056-47 wrapper (<c>--dlms</c>) and HDLC
/// frames on TCP (<c>--dlms-hdlc</c>), both feeding the meter's one COSEM server (ElectricityMeter.Dlms). One client
/// across both at a time (the server holds one association per client SAP); a connection that ends ends the
/// association (<see cref="IApduHandler.LinkClosed"/>).
/// </summary>
public sealed class DlmsPorts : IDisposable
{
    /// <summary>The idle time-out of a DLMS TCP client by default: 120 s, the HDLC inactivity time-out's default (Blue Book IC 23).</summary>
    public static readonly TimeSpan StandardIdleTimeout = TimeSpan.FromSeconds(120);

    private readonly DlmsTcpPort? _wrapper;
    private readonly DlmsTcpPort? _hdlc;

    /// <summary>Opens the ports the options ask for (none: nothing listens).</summary>
    /// <exception cref="ArgumentException">A bad option or a port that cannot be listened on.</exception>
    public DlmsPorts(string? wrapperSpec, string? hdlcSpec, IApduHandler meter, int physicalAddress, TimeSpan? idleTimeout = null)
    {
        TimeSpan idle = idleTimeout ?? StandardIdleTimeout;
        PhysicalAddress = physicalAddress;
        var wrapperAt = DlmsEndpoint.Parse("--dlms", wrapperSpec, DlmsEndpoint.WrapperDefaultPort);
        var hdlcAt = DlmsEndpoint.Parse("--dlms-hdlc", hdlcSpec, DlmsEndpoint.HdlcDefaultPort);
        try
        {
            if (wrapperAt != null)
                _wrapper = new DlmsTcpPort("--dlms", wrapperAt, send => new WrapperStreamSession(meter, send), idle)
                    { MayConnect = () => _hdlc?.HasClient != true, ClientLeft = meter.LinkClosed };
            if (hdlcAt != null)
                _hdlc = new DlmsTcpPort("--dlms-hdlc", hdlcAt, send => new HdlcStreamSession(meter, send, physicalAddress), idle)
                    { MayConnect = () => _wrapper?.HasClient != true, ClientLeft = meter.LinkClosed };
        }
        catch
        {
            _wrapper?.Dispose();
            throw;
        }
    }

    /// <summary>The wrapper port, or null.</summary>
    public DlmsTcpPort? Wrapper => _wrapper;

    /// <summary>The HDLC port, or null.</summary>
    public DlmsTcpPort? Hdlc => _hdlc;

    /// <summary>The HDLC physical (lower) server address.</summary>
    public int PhysicalAddress { get; }

    /// <summary>True when at least one port listens.</summary>
    public bool Any => _wrapper != null || _hdlc != null;

    /// <summary>Serves both ports (call from the meter's loop, under its lock).</summary>
    public void Pump(long nowMs)
    {
        _wrapper?.Pump(nowMs);
        _hdlc?.Pump(nowMs);
    }

    /// <summary>What listens, for the user: "wrapper tcp:127.0.0.1:4059, HDLC tcp:127.0.0.1:4060 (server 1, physical 6678)".</summary>
    public string Description
    {
        get
        {
            var parts = new List<string>();
            if (_wrapper != null) parts.Add($"DLMS wrapper {_wrapper.Endpoint}");
            if (_hdlc != null) parts.Add($"DLMS HDLC {_hdlc.Endpoint} (server logical 1, physical {PhysicalAddress})");
            return parts.Count == 0 ? "DLMS off" : string.Join(", ", parts);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _wrapper?.Dispose();
        _hdlc?.Dispose();
    }
}
