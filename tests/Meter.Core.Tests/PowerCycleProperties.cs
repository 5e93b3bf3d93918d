using CsCheck;
using Meter.Metrology;

namespace Meter.Core.Tests;

/// <summary>Property: whatever the load and wherever the power goes, a restart never invents energy and loses at most the stated bound.</summary>
public class PowerCycleProperties
{
    private static readonly string[] Loads = ["balanced", "unbalanced", "export", "capacitive", "harmonics"];

    [Fact]
    public void Restart_after_any_run_length_keeps_every_register_within_the_bound()
    {
        Gen.Select(Gen.Int[30, 1500], Gen.Bool, Gen.Int[0, Loads.Length - 1]).Sample((seconds, mainsFail, load) =>
        {
            string state = MeterRig.TempState();
            try
            {
                long[] before;
                using (var first = MeterRig.Start(Loads[load], state))
                {
                    first.RunFor(TimeSpan.FromSeconds(seconds));
                    before = Registers(first.Meter);
                    if (mainsFail) first.Stop(); else first.CutPower();
                }
                using var second = MeterRig.Start(Loads[load], state);
                long[] after = Registers(second.Meter);
                for (int i = 0; i < before.Length; i++)
                {
                    // With the mains-fail save nothing is lost; without it less than one Wh
                    // (save step half a Wh, RegisterRecord.SaveSteps) of any total or tariff register.
                    long bound = mainsFail ? 0 : 1;
                    if (after[i] > before[i] || before[i] - after[i] > bound)
                        throw new Exception($"{Loads[load]}, {seconds} s, mains-fail {mainsFail}: register {i} {before[i]} → {after[i]}");
                }
            }
            finally
            {
                File.Delete(state);
                File.Delete(state + ".rtc");
            }
        }, iter: 12);
    }

    private static long[] Registers(ElectricityMeter m)
    {
        var r = new List<long>();
        foreach (EnergyRegister register in Enum.GetValues<EnergyRegister>())
            r.Add(MeterRig.Wh(m, register));
        for (int t = 0; t < 2; t++)
        {
            r.Add(m.Metering.Accumulator.ReadTariffActiveImport(t, true, 0));
            r.Add(m.Metering.Accumulator.ReadTariffReactiveImport(t, true, 0));
        }
        return r.ToArray();
    }
}
