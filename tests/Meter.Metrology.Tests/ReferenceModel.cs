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
    private readonly StartingGateModel _gate;

    /// <param name="thresholdMilliVa">Starting threshold (0 = any non-empty cycle registers).</param>
    /// <param name="vaMilliSecondsPerCount">Apparent energy of one count in mVA·ms (the tests use whole numbers: 1 W·s = 10^6).</param>
    public ReferenceModel(ConnectionType connection, PhaseSummation summation, long thresholdMilliVa, long vaMilliSecondsPerCount = 1_000_000)
    {
        _connection = connection;
        _vector = summation == PhaseSummation.VectorSum;
        _gate = new StartingGateModel(thresholdMilliVa, vaMilliSecondsPerCount);
    }

    public StartingGateModel Gate => _gate;

    public void Add(int[] p, int[] q, int[] s, int tariff, int ms = 1000)
    {
        int[] phases = _connection switch
        {
            ConnectionType.SinglePhase => new[] { 0 },
            ConnectionType.ThreePhaseThreeWireAron => new[] { 0, 2 },
            _ => new[] { 0, 1, 2 },
        };
        var released = _gate.Add(phases, p, q, s, ms);
        var running = phases.Where(ph => released[ph] != null).ToArray();
        BigInteger aBefore = _channels[3]["A+"], rBefore = _channels[3]["R+"];
        foreach (int ph in running) Put(_channels[ph], released[ph]!.Value.P, released[ph]!.Value.Q, released[ph]!.Value.S);
        if (_vector)
        {
            if (running.Length > 0)
            {
                BigInteger pSum = running.Aggregate(BigInteger.Zero, (sum, ph) => sum + released[ph]!.Value.P);
                BigInteger qSum = running.Aggregate(BigInteger.Zero, (sum, ph) => sum + released[ph]!.Value.Q);
                // Aron: total apparent = vector apparent round(√(P² + Q²)); otherwise the sum of the phases' VA.
                BigInteger sSum = _connection == ConnectionType.ThreePhaseThreeWireAron
                    ? WideArithmeticTests.RoundedHypotenuse(BigInteger.Abs(pSum), BigInteger.Abs(qSum))
                    : running.Aggregate(BigInteger.Zero, (sum, ph) => sum + released[ph]!.Value.S);
                Put(_channels[3], pSum, qSum, sSum);
            }
        }
        else
        {
            foreach (int ph in running) Put(_channels[3], released[ph]!.Value.P, released[ph]!.Value.Q, released[ph]!.Value.S);
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

/// <summary>
/// The starting gate written from its rule, not from the code: every cycle is kept in a list; each cycle the
/// window is recomputed from scratch as the shortest run of latest cycles covering the target duration
/// (at most 60 cycles; while the cycles since start-up cover less, the window counts as the target's length); a
/// phase runs when its window's VA·s reach threshold × window duration (compared exactly in big integers);
/// a stopped phase keeps a list of its held cycles and releases their sum on a start.
/// </summary>
internal sealed class StartingGateModel
{
    private readonly record struct Entry(long Ms, int[] P, int[] Q, int[] S);

    private readonly long _thresholdMilliVa;
    private readonly long _perCount;
    private readonly List<Entry> _cycles = new();
    private readonly List<int>[] _held = { new(), new(), new() };
    private readonly bool[] _running = new bool[3];

    public StartingGateModel(long thresholdMilliVa, long vaMilliSecondsPerCount)
    {
        _thresholdMilliVa = thresholdMilliVa;
        _perCount = vaMilliSecondsPerCount;
        // Target: least whole ms T with thr × T ≥ 20 counts of energy, i.e. T = ceil(20 × perCount / thr), at most 1 h.
        TargetMs = thresholdMilliVa == 0 ? 0 : Math.Min(3_600_000, (20 * vaMilliSecondsPerCount + thresholdMilliVa - 1) / thresholdMilliVa);
    }

    public long TargetMs { get; }

    public bool IsRunning(int phase) => _running[phase];

    public int Held(int phase) => _held[phase].Count;

    /// <summary>Adds a cycle; returns per phase the released (P, Q, S) or null.</summary>
    public (BigInteger P, BigInteger Q, BigInteger S)?[] Add(int[] phases, int[] p, int[] q, int[] s, int ms)
    {
        _cycles.Add(new Entry(ms, (int[])p.Clone(), (int[])q.Clone(), (int[])s.Clone()));
        int last = _cycles.Count - 1;
        // Window: walk back from the newest until the durations reach the target or 60 cycles are taken.
        int first = last;
        long covered = ms;
        while (first > 0 && covered < TargetMs && last - first + 1 < 60)
        {
            first--;
            covered += _cycles[first].Ms;
        }
        // Fewer cycles than the target since start-up (and not cut at 60): judged over the target, the past as empty.
        long judged = first == 0 && covered < TargetMs && last + 1 < 60 ? TargetMs : covered;
        var result = new (BigInteger, BigInteger, BigInteger)?[3];
        foreach (int ph in phases)
        {
            // Held cycles that fell out of the window are creep: forgotten.
            _held[ph].RemoveAll(i => i < first);
            BigInteger windowVa = 0;
            for (int i = first; i <= last; i++) windowVa += _cycles[i].S[ph];
            bool reached = _thresholdMilliVa == 0
                ? p[ph] != 0 || q[ph] != 0 || s[ph] != 0
                : windowVa * _perCount >= (BigInteger)_thresholdMilliVa * judged;
            if (_running[ph] && reached)
            {
                result[ph] = (p[ph], q[ph], s[ph]);
                continue;
            }
            _held[ph].Add(last);
            _running[ph] = reached;
            if (!reached) continue;
            result[ph] = (_held[ph].Aggregate(BigInteger.Zero, (a, i) => a + _cycles[i].P[ph]),
                          _held[ph].Aggregate(BigInteger.Zero, (a, i) => a + _cycles[i].Q[ph]),
                          _held[ph].Aggregate(BigInteger.Zero, (a, i) => a + _cycles[i].S[ph]));
            _held[ph].Clear();
        }
        return result;
    }
}
