using System.Numerics;
using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>
/// An independent model of the registers, written from the rules rather than from the code:
/// big integers, one dictionary of named registers per channel, and a sign table instead of
/// branches. Used by the property tests.
/// </summary>
internal sealed class ReferenceModel
{
    // (sign P, sign Q) → (active register, reactive quadrant register, reactive direction register, apparent register)
    // IEC 62053-23 four-quadrant diagram; P = 0 belongs to the import side.
    private static readonly Dictionary<(int, int), (string A, string? Rq, string? Rd, string S)> Table = new()
    {
        [(1, 1)] = ("A+", "R1", "R+", "E+"),
        [(1, 0)] = ("A+", null, null, "E+"),
        [(1, -1)] = ("A+", "R4", "R-", "E+"),
        [(0, 1)] = ("A+", "R1", "R+", "E+"),
        [(0, 0)] = ("A+", null, null, "E+"),
        [(0, -1)] = ("A+", "R4", "R-", "E+"),
        [(-1, 1)] = ("A-", "R2", "R+", "E-"),
        [(-1, 0)] = ("A-", null, null, "E-"),
        [(-1, -1)] = ("A-", "R3", "R-", "E-"),
    };

    public static readonly string[] Names = { "A+", "A-", "R+", "R-", "R1", "R2", "R3", "R4", "E+", "E-" };

    private readonly Dictionary<string, BigInteger>[] _channels = Enumerable.Range(0, 4).Select(_ => Names.ToDictionary(n => n, _ => BigInteger.Zero)).ToArray();
    private readonly BigInteger[] _tariffA = new BigInteger[8];
    private readonly BigInteger[] _tariffR = new BigInteger[8];
    private readonly ConnectionType _connection;
    private readonly bool _vector;
    private readonly long _thresholdCounts;

    public ReferenceModel(ConnectionType connection, PhaseSummation summation, long thresholdCounts)
    {
        _connection = connection;
        _vector = summation == PhaseSummation.VectorSum;
        _thresholdCounts = thresholdCounts;
    }

    public void Add(int[] p, int[] q, int[] s, int tariff)
    {
        int[] phases = _connection switch
        {
            ConnectionType.SinglePhase => new[] { 0 },
            ConnectionType.ThreePhaseThreeWireAron => new[] { 0, 2 },
            _ => new[] { 0, 1, 2 },
        };
        var running = phases.Where(ph => _thresholdCounts > 0 ? s[ph] >= _thresholdCounts : (s[ph] != 0 || p[ph] != 0 || q[ph] != 0)).ToArray();
        BigInteger aBefore = _channels[3]["A+"], rBefore = _channels[3]["R+"];
        foreach (int ph in running) Put(_channels[ph], p[ph], q[ph], s[ph]);
        if (_vector)
        {
            if (running.Length > 0)
            {
                BigInteger pSum = running.Aggregate(BigInteger.Zero, (sum, ph) => sum + p[ph]);
                BigInteger qSum = running.Aggregate(BigInteger.Zero, (sum, ph) => sum + q[ph]);
                // Aron: total apparent = vector apparent round(√(P² + Q²)); otherwise the sum of the phases' VA.
                BigInteger sSum = _connection == ConnectionType.ThreePhaseThreeWireAron
                    ? WideArithmeticTests.RoundedHypotenuse(BigInteger.Abs(pSum), BigInteger.Abs(qSum))
                    : running.Aggregate(BigInteger.Zero, (sum, ph) => sum + s[ph]);
                Put(_channels[3], pSum, qSum, sSum);
            }
        }
        else
        {
            foreach (int ph in running) Put(_channels[3], p[ph], q[ph], s[ph]);
        }
        _tariffA[tariff] += _channels[3]["A+"] - aBefore;
        _tariffR[tariff] += _channels[3]["R+"] - rBefore;
    }

    private static void Put(Dictionary<string, BigInteger> channel, BigInteger p, BigInteger q, BigInteger s)
    {
        var (a, rq, rd, e) = Table[(p.Sign, q.Sign)];
        channel[a] += BigInteger.Abs(p);
        if (rq != null) channel[rq] += BigInteger.Abs(q);
        if (rd != null) channel[rd] += BigInteger.Abs(q);
        channel[e] += s;
    }

    public BigInteger Get(string name, int channel) => _channels[channel][name];
    public BigInteger TariffA(int t) => _tariffA[t];
    public BigInteger TariffR(int t) => _tariffR[t];

    public static EnergyRegister RegisterOf(string name) => name switch
    {
        "A+" => EnergyRegister.ActiveImport,
        "A-" => EnergyRegister.ActiveExport,
        "R+" => EnergyRegister.ReactiveImport,
        "R-" => EnergyRegister.ReactiveExport,
        "R1" => EnergyRegister.ReactiveQuadrant1,
        "R2" => EnergyRegister.ReactiveQuadrant2,
        "R3" => EnergyRegister.ReactiveQuadrant3,
        "R4" => EnergyRegister.ReactiveQuadrant4,
        "E+" => EnergyRegister.ApparentImport,
        _ => EnergyRegister.ApparentExport,
    };
}
