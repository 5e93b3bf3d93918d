using System.Numerics;
using Meter.Hal;
using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>Builders shared by the tests.</summary>
internal static class Meters
{
    /// <summary>1 count = 1 W·s = 1/3600 Wh: counts per 1-s cycle equal the power in W, easy to hand-work.</summary>
    public static EnergyConstant WattSecond => new(1, 3600);

    public static MeteringConfiguration Config(
        ConnectionType connection = ConnectionType.ThreePhaseFourWire,
        PhaseSummation summation = PhaseSummation.VectorSum,
        EnergyConstant? constant = null,
        int tariffs = 2,
        CurrentTransformerRatio? ratio = null,
        long thresholdMilliVa = 0)
    {
        var c = constant ?? WattSecond;
        return new MeteringConfiguration(connection, summation, c, c, c, tariffs, ratio ?? new CurrentTransformerRatio(5, 5), thresholdMilliVa);
    }

    public static EnergyAccumulator Accumulator(
        ConnectionType connection = ConnectionType.ThreePhaseFourWire,
        PhaseSummation summation = PhaseSummation.VectorSum,
        EnergyConstant? constant = null,
        int tariffs = 2,
        CurrentTransformerRatio? ratio = null,
        long thresholdMilliVa = 0)
        => new(Config(connection, summation, constant, tariffs, ratio, thresholdMilliVa));

    public static void Cycle(this EnergyAccumulator acc, int pa, int pb, int pc, int qa, int qb, int qc, int sa, int sb, int sc, int tariff = 0, int ms = 1000)
        => acc.AddCycle(new[] { pa, pb, pc }, new[] { qa, qb, qc }, new[] { sa, sb, sc }, tariff, ms);

    public static BigInteger FloorDiv(BigInteger a, BigInteger b) => BigInteger.Divide(a, b); // operands are non-negative here
}

/// <summary>An output pin that records every edge with the injected time.</summary>
internal sealed class RecordingPin : IOutputPin
{
    public long Now { get; set; }
    public readonly List<(long Time, bool High)> Edges = new();
    public bool Level;

    public void Write(bool high)
    {
        if (high == Level) return; // a repeated level (including the initial low) is no edge
        Level = high;
        Edges.Add((Now, high));
    }

    public int RisingEdges => Edges.Count(e => e.High);
}
