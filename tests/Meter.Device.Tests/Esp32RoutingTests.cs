using Meter.Boards;
using Meter.Boards.Wiring;

namespace Meter.Device.Tests;

/// <summary>The GPIOs Meter.Hal.Esp32's Esp32PinFunctions.Route gets for a board (boards/README.md pin map).</summary>
public class Esp32RoutingTests
{
    [Fact]
    public void The_reference_board_routes_spi1_to_18_19_23_and_com2_to_14_36()
    {
        Esp32Routing r = Esp32Routing.For(BoardCatalog.Reference());
        Assert.Equal((18, 19, 23, 14, 36), (r.SpiClock, r.SpiMiso, r.SpiMosi, r.OpticalTx, r.OpticalRx));
    }

    private static PinAssignment Peripheral(BoardSignal s, int gpio) => new(s, PinHost.Esp32Gpio, gpio, PinUse.Peripheral, false, "");

    private static BoardDefinition Board(int spiBus, string uart) =>
        new("t", "m", false, spiBus, new SpiChip(5, 1_000_000, 2_500_000), null!, null!, null!, uart, null!, LcdKind.None,
            new[] { Peripheral(BoardSignal.SpiClock, 18), Peripheral(BoardSignal.SpiMiso, 19), Peripheral(BoardSignal.SpiMosi, 23),
                    Peripheral(BoardSignal.OpticalTx, 14), Peripheral(BoardSignal.OpticalRx, 36) });

    [Theory]
    [InlineData(2, "COM2", "SPI1")]
    [InlineData(1, "COM1", "COM2")]
    public void A_bus_or_uart_the_esp32_boards_do_not_use_is_refused_by_name(int spiBus, string uart, string named)
    {
        Assert.NotNull(Esp32Routing.For(Board(1, "COM2")));
        var e = Assert.Throws<ArgumentException>(() => Esp32Routing.For(Board(spiBus, uart)));
        Assert.Contains(named, e.Message);
    }
}
