using Meter.Acceptance.Targets;

namespace Meter.Acceptance;

/// <summary>
/// The push button: a short press steps the display and leaves the energy alone; held long it is the disconnect
/// function (disconnect control, default mode 1: manual disconnection and reconnection allowed), seen from outside as
/// the energy that stops and starts again.
/// </summary>
public class ButtonTests
{
    [SkippableFact]
    public void Holding_the_button_opens_the_breaker_so_no_energy_is_registered_until_it_is_held_again()
    {
        using var meter = MeterTargets.Open(new DateTime(2025, 1, 15, 8, 0, 0, DateTimeKind.Utc));
        var bench = MeterPort.Bench(meter, "set the load and hold the push button");
        double halfHour = Expect.ThreePhaseWh(230, 10, 0, TimeSpan.FromMinutes(30)); // 3450 Wh
        bench.SetLoad(10);
        bench.PressButton(); // a short press: the display's next item only
        bench.Advance(TimeSpan.FromMinutes(30));
        Expect.Energy(halfHour, Expect.Wh(Expect.Single(MeterPort.Read(meter, "1.8.0"), "1.8.0")), "before the disconnection");
        bench.HoldButton();
        bench.Advance(TimeSpan.FromMinutes(30));
        Expect.Energy(halfHour, Expect.Wh(Expect.Single(MeterPort.Read(meter, "1.8.0"), "1.8.0")), "while disconnected");
        bench.HoldButton();
        bench.Advance(TimeSpan.FromMinutes(30));
        Expect.Energy(2 * halfHour, Expect.Wh(Expect.Single(MeterPort.Read(meter, "1.8.0"), "1.8.0")), "after the reconnection");
    }
}
