namespace Meter.Acceptance.Targets;

/// <summary>
/// What a test bench does to the meter from outside: the load at its terminals, the passing of time, the push button,
/// the terminal cover, a magnet, the supply, and counting its S0 output. The virtual meter has one (its control
/// channel); a real board on an optical head alone has none, and the tests that need it skip.
/// </summary>
public interface IMeterBench
{
    /// <summary>The same load on every phase: current (A) lagging the voltage by <paramref name="angleDegrees"/>, at <paramref name="volts"/>.</summary>
    void SetLoad(double amps, double angleDegrees = 0, double volts = 230);

    /// <summary>Lets <paramref name="span"/> pass (whole seconds); returns the meter's clock chip time (UTC) after it.</summary>
    DateTime Advance(TimeSpan span);

    /// <summary>The clock chip's time (UTC).</summary>
    DateTime Time();

    /// <summary>Presses the push button.</summary>
    void PressButton();

    /// <summary>Holds the push button long (the disconnect function: opens the breaker, or closes it when ready for reconnection).</summary>
    void HoldButton();

    /// <summary>Takes the terminal cover off (true) or puts it back.</summary>
    void SetTerminalCoverOpen(bool open);

    /// <summary>Brings a magnet (true) or takes it away.</summary>
    void SetMagnet(bool present);

    /// <summary>Cuts the supply.</summary>
    void CutPower();

    /// <summary>Restores the supply (the meter starts up again).</summary>
    void RestorePower();

    /// <summary>Pulses counted on the S0 output since the bench started.</summary>
    long S0Pulses();
}
