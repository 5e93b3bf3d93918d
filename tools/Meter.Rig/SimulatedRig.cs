using System.Globalization;
using Meter.Hal.Simulation.Ade7880;
using Meter.Simulation;

namespace Meter.Rig;

/// <summary>
/// The simulated rig: the virtual meter (<see cref="VirtualMeterHost"/>, the firmware on the simulated board) run in
/// virtual time on the caller's thread, no wall-clock waits. The load is set on the simulated ADE7880's phase sources;
/// the reference energy is U·I·cos φ × the virtual time of the gate, computed from the set quantities; the pulses are
/// the chip's CF1 output (the calibration LED). The chip can carry an injected current gain and phase error.
/// </summary>
public sealed class SimulatedRig : IReferenceRig
{
    private const long CycleMs = 1000; // the meter's metering cycle on the simulated board
    private readonly VirtualMeterHost _host;
    private readonly PhaseSetting[] _settings;

    /// <summary>Starts the virtual meter of <paramref name="options"/> with every phase at 230 V and no current.</summary>
    /// <exception cref="ArgumentException">A bad option (the message names it).</exception>
    public SimulatedRig(SimulatedRigOptions options)
    {
        Options = options;
        _host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Preset = options.Preset,
            Load = "reference", // replaced below; a constant scenario never sets the chip again
            Optical = options.Optical,
            SealOpen = true,    // a meter on the bench has its seal open for calibration
            Speed = 0,
            Start = new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc),
            CurrentGainError = (double)options.GainErrorPercent / 100.0,
            CurrentPhaseErrorDegrees = (double)options.PhaseErrorDegrees,
        });
        Phases = _host.Board.Preset.Phases;
        _settings = new PhaseSetting[Phases];
        for (int p = 1; p <= Phases; p++) SetPhase(p, PhaseSetting.VoltageOnly(230m));
    }

    /// <summary>What the rig was built with.</summary>
    public SimulatedRigOptions Options { get; }

    /// <summary>The virtual meter (its optical port, when asked for, is served while the rig runs or <see cref="ServeOpticalPort"/> pumps it).</summary>
    public VirtualMeterHost Host => _host;

    /// <summary>Number of phases of the meter under test.</summary>
    public int Phases { get; }

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"simulated rig: virtual meter {Options.Preset}, injected current gain error {Options.GainErrorPercent} %, phase error {Options.PhaseErrorDegrees}°");

    /// <inheritdoc />
    public void SetPhase(int phase, PhaseSetting setting)
    {
        if (phase < 1 || phase > Phases) throw new ArgumentException($"phase {phase}: the meter has phases 1 … {Phases}");
        setting.Validated();
        _settings[phase - 1] = setting;
        var load = new PhaseLoad((double)setting.Volts, (double)setting.Amps, (double)setting.AngleDegrees);
        _host.Inspect(h => { h.Board.Chip.Phases[phase - 1].Set(load); return 0; });
    }

    /// <inheritdoc />
    public RigResult RunPulses(int pulses)
    {
        if (pulses < 1) throw new ArgumentException($"pulse count {pulses}: give at least 1");
        double perSecond = ExpectedPulsesPerSecond();
        if (perSecond <= 0) throw new ArgumentException("no active power set: the meter's LED cannot pulse");
        long limitMs = (long)((pulses + 2) / perSecond * 1000 * 1.5) + 120_000;
        // Open the gate at the end of the cycle in which a pulse came.
        long start = Pulses();
        long waited = 0;
        while (Pulses() == start) Cycle(ref waited, limitMs);
        long p0 = Pulses(), t0 = _host.VirtualMilliseconds;
        // Run in long slices while far from the end, one cycle at a time near it.
        while (Pulses() - p0 < pulses)
        {
            long remaining = pulses - (Pulses() - p0);
            long slices = (long)(remaining / perSecond * 0.9);
            if (slices > 2) { _host.RunFor(TimeSpan.FromMilliseconds(slices * CycleMs)); waited += slices * CycleMs; }
            else Cycle(ref waited, limitMs);
            if (waited > limitMs) throw Late(pulses, perSecond);
        }
        return Result(Pulses() - p0, _host.VirtualMilliseconds - t0);
    }

    /// <inheritdoc />
    public RigResult RunFor(TimeSpan duration)
    {
        long ms = (long)duration.TotalMilliseconds / CycleMs * CycleMs;
        if (ms < CycleMs) throw new ArgumentException($"duration {duration}: give at least one metering cycle ({CycleMs} ms)");
        long p0 = Pulses();
        _host.RunFor(TimeSpan.FromMilliseconds(ms));
        return Result(Pulses() - p0, ms);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (e.g. a MeterTool session on the rig's optical port) while another thread turns
    /// the meter in virtual time, one cycle a millisecond of wall time, so its optical port answers.
    /// </summary>
    public T ServeOpticalPort<T>(Func<T> work)
    {
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var pump = new Thread(() =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    _host.RunFor(TimeSpan.FromMilliseconds(CycleMs));
                    Thread.Sleep(1);
                }
            }
            catch (Exception e)
            {
                failure = e; // the meter stopped: the session then times out, and this is the cause to report
            }
        }) { IsBackground = true, Name = "simulated rig" };
        pump.Start();
        T result;
        try
        {
            result = work();
        }
        finally
        {
            stop.Cancel();
            pump.Join();
        }
        if (failure != null) throw new InvalidOperationException("the simulated meter stopped: " + failure.Message, failure);
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _host.Dispose();

    /// <summary>LED pulses expected a second from the set load and the nameplate constant.</summary>
    public double ExpectedPulsesPerSecond() =>
        Math.Abs(_settings.Sum(s => s.ActivePowerWatts)) / 3600.0 / 1000.0 * _host.Board.Preset.MeterConstantImpPerKwh;

    private RigResult Result(long pulses, long ms)
    {
        // |Σ U·I·cos φ| × t: the LED counts the magnitude of the total active energy (CF1 takes |counts|).
        double watts = Math.Abs(_settings.Sum(s => s.ActivePowerWatts));
        decimal wh = (decimal)watts * ms / 3_600_000m;
        return new RigResult(wh, pulses, ms);
    }

    private long Pulses() => _host.Inspect(h => h.Board.Chip.CfPulses[0]);

    private void Cycle(ref long waited, long limitMs)
    {
        _host.RunFor(TimeSpan.FromMilliseconds(CycleMs));
        waited += CycleMs;
        if (waited > limitMs) throw new TimeoutException($"no LED pulse within {waited / 1000} s of virtual time at {ExpectedPulsesPerSecond():0.####} expected a second: the meter does not register this load");
    }

    private TimeoutException Late(int pulses, double perSecond) =>
        new($"{pulses} LED pulses did not come in time at {perSecond:0.####} expected a second: the meter registers far less than the reference");
}
