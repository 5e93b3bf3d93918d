using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>
/// A simulated ADE7880 wired to the driver like on the board: Vfs = 460 V rms and
/// Ifs = 20 A rms at ADC full scale (so 230 V is half scale and 5 A a quarter).
/// </summary>
internal sealed class AdeRig
{
    public const double FullScaleVolts = 460;
    public const double FullScaleAmps = 20;

    public SimulatedAde7880 Chip { get; }
    public VirtualDelay Delay { get; }
    public Ade7880Driver Driver { get; }
    public Ade7880Configuration Configuration { get; }
    public EnergyReading Reading { get; } = new();

    /// <summary>Counts the driver returned, summed over cycles, [quantity, phase] (quantity as in SimulatedAde7880).</summary>
    public long[,] DriverCounts { get; } = new long[4, 3];

    public int Cycles { get; private set; }

    public AdeRig(Action<Ade7880Configuration>? configure = null, int seed = 1)
    {
        Chip = new SimulatedAde7880(FullScaleVolts, FullScaleAmps, seed);
        Delay = new VirtualDelay(Chip);
        Driver = new Ade7880Driver(Chip, Chip.ResetPin, Chip.Pm0Pin, Chip.Pm1Pin, Chip.Irq0Pin, Chip.Irq1Pin, Delay);
        Configuration = new Ade7880Configuration
        {
            FullScaleVoltageMillivolts = 460_000,
            FullScaleCurrentMilliamps = 20_000,
            ReadFundamentalActive = true,
        };
        configure?.Invoke(Configuration);
    }

    public void SetLoads(PhaseLoad a, PhaseLoad b, PhaseLoad c)
    {
        Chip.Phases[0].Set(a);
        Chip.Phases[1].Set(b);
        Chip.Phases[2].Set(c);
    }

    public void Start() => Driver.Start(Configuration);

    /// <summary>Advances <paramref name="microseconds"/> of virtual time, then runs one metering cycle and adds its counts.</summary>
    public void Cycle(long microseconds)
    {
        Chip.Advance(microseconds);
        Driver.TakeEnergy(Reading);
        Cycles++;
        for (int p = 0; p < 3; p++)
        {
            DriverCounts[0, p] += Reading.Active[p];
            DriverCounts[1, p] += Reading.FundamentalActive[p];
            DriverCounts[2, p] += Reading.Reactive[p];
            DriverCounts[3, p] += Reading.Apparent[p];
        }
    }

    /// <summary>What the chip still holds unread in its energy registers (no read side effect).</summary>
    public long Unread(int quantity, int phase)
    {
        ushort[] bases = { 0xE400, 0xE403, 0xE409, 0xE40C };
        return (int)Chip.Peek((Register)(bases[quantity] + phase));
    }

    /// <summary>Watt-hours of <paramref name="counts"/> through <paramref name="scale"/>.</summary>
    public static double Wh(long counts, EnergyScale scale) => (double)counts * scale.Numerator / scale.Denominator;
}
