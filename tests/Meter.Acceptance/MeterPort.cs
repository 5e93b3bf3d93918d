using Meter.Acceptance.Targets;
using Meter.OpticalClient.Protocol;

namespace Meter.Acceptance;

/// <summary>The optical port as a test uses it: readouts and programming sessions through MeterTool's IEC 62056-21 client.</summary>
public static class MeterPort
{
    /// <summary>Highest rate asked for in mode C (the virtual meter's TCP port ignores rates; a head does not).</summary>
    public const int MaximumBaud = 19200;

    /// <summary>A readout in <paramref name="mode"/> (A: 300 Bd after tt; C: option select to the highest rate), BCC checked by the client.</summary>
    public static Readout Readout(IMeterTarget target, ProtocolMode mode)
    {
        using var link = target.OpenOptical();
        var client = new Iec62056Client(link) { Mode = mode };
        return client.Readout("", MaximumBaud);
    }

    /// <summary>Runs <paramref name="use"/> in a programming session opened with <paramref name="password"/> (the target's own by default), then breaks.</summary>
    public static T Programming<T>(IMeterTarget target, Func<ProgrammingSession, T> use, string? password = null)
    {
        using var link = target.OpenOptical();
        var client = new Iec62056Client(link);
        ProgrammingSession session;
        try
        {
            session = new ProgrammingSession(client, "", MaximumBaud, password ?? target.Password);
        }
        catch (MeterProtocolException)
        {
            // A refused password leaves the meter in the session (a head stays on the port, unlike a TCP client that
            // leaves): B0 ends it (IEC 62056-21 §6.3.6) so the next test signs on at once, not after the 120 s time-out.
            client.Break();
            throw;
        }
        using (session) return use(session);
    }

    /// <summary>R1 of <paramref name="address"/> in a programming session: its data sets.</summary>
    public static IReadOnlyList<DataSet> Read(IMeterTarget target, string address, string parameter = "") =>
        Programming(target, s => s.Read(address, parameter));

    /// <summary>The bench, or a skip naming what the test needs it for (a real board has only its optical port).</summary>
    public static IMeterBench Bench(IMeterTarget target, string needs)
    {
        Skip.If(target.Bench == null, $"needs the bench to {needs}: {target.Description} has only its optical port (run on the virtual meter, METER_TARGET unset)");
        return target.Bench!;
    }
}
