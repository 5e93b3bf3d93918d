using Meter.Obis;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// The assembled register table of every preset (standard objects, powers, calibration, settings, lists,
/// tamper, event counters, voltage quality): each OBIS code once, and each reachable over the optical port
/// by the address the readout prints (IEC 62056-21 data-set address, IEC 62056-61 reduced form C.D.E for
/// 1-0:, A-B:C.D.E otherwise), so no two objects can answer the same R1 / W1.
/// </summary>
public class RegisterTableCodeTests
{
    [Theory]
    [InlineData("direct-5-105a")]
    [InlineData("ct-5-6a")]
    [InlineData("single-phase-5-100a")]
    public void Every_code_in_the_table_is_unique_and_its_printed_address_parses_back_to_it(string preset)
    {
        using var host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Preset = preset,
            Load = "balanced",
            Optical = "none",
            Start = MeterRig.WednesdayMidnightLocal,
        });
        ObisTable table = host.Meter.Table;
        var codes = Enumerable.Range(0, table.Count).Select(i => table[i].Code).ToList();

        var duplicates = codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
        Assert.Empty(duplicates);
        var addresses = codes.Select(c => c.ToString()).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        foreach (ObisCode code in codes)
        {
            Assert.Equal(code, ObisCode.Parse(code.ToString()));
            Assert.Same(table[codes.IndexOf(code)], table.Find(code));
        }
        // The objects this change added are all there (event counters 0 … 14, tamper 96.51.0-2, 14 voltage-quality codes).
        Assert.Contains(EventCounterObjects.Of(Meter.Storage.EventKind.Count), codes);
        Assert.Contains(TamperObjects.TerminalCoverCounter, codes);
        Assert.Contains(VoltageQualityObjects.SwellsAnyPhase, codes);
        Assert.Contains(SettingsObjects.TariffControl, codes);
    }
}
