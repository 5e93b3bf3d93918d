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

    [Fact]
    public void The_module_uart_com3_is_routed_where_each_board_has_it()
    {
        Esp32Routing reference = Esp32Routing.For(BoardCatalog.Reference());
        Assert.Equal((27, 26), (reference.ModuleTx, reference.ModuleRx));
        Esp32Routing devKitC = Esp32Routing.For(BoardCatalog.DevKitCEvalAde7880());
        Assert.Equal((13, 36), (devKitC.ModuleTx, devKitC.ModuleRx));
        Esp32Routing lcd = Esp32Routing.For(BoardCatalog.DevKitCEvalAde7880Lcd());
        Assert.Equal((-1, -1), (lcd.ModuleTx, lcd.ModuleRx)); // no module UART on that board
        var onCom1 = new BoardDefinition("t", "m", false, 1, new SpiChip(5, 1_000_000, 2_500_000), null!, null!, null!, "COM2", "COM1", null!,
            LcdKind.None, new[] { Peripheral(BoardSignal.SpiClock, 18), Peripheral(BoardSignal.SpiMiso, 19), Peripheral(BoardSignal.SpiMosi, 23),
                Peripheral(BoardSignal.OpticalTx, 14), Peripheral(BoardSignal.OpticalRx, 36), Peripheral(BoardSignal.ModuleTx, 27), Peripheral(BoardSignal.ModuleRx, 26) });
        Assert.Contains("COM3", Assert.Throws<ArgumentException>(() => Esp32Routing.For(onCom1)).Message);
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
