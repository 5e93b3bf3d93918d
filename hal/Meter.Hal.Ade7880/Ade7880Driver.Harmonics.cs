namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// The harmonic scan of quality measurement: the ADE7880 harmonic engine analyses one phase
    /// (HCONFIG.HPHASE) and three harmonic orders (HX, HY, HZ) at a time (data sheet Rev. A,
    /// "Harmonics Calculations", Table 20 "Harmonic Engine Outputs"; results at 0xE880–0xE89F,
    /// Table 33). With HRCFG = 0 it sets STATUS0.HREADY once the results have settled (HSTIME)
    /// after the phase or the orders changed. The driver reads the settled phase, moves to the next
    /// phase, and after phase C to the next three orders: 2–4, 5–7, … 23–25, then 2–4 again. Eight
    /// groups × three phases: every harmonic of every phase is refreshed every 24 settlings (about
    /// 18 s with HSTIME = 750 ms), which the 10-min aggregation averages (IEC 61000-4-30 class S
    /// allows measurement with gaps; class A would need the gapless 10/12-cycle analysis).
    /// </summary>
    public sealed partial class Ade7880Driver
    {
        /// <summary>Orders scanned: 2..25 (EN 50160 Table 1).</summary>
        private const int LastHarmonicOrder = PhaseMeasurements.MaxHarmonicOrder;

        /// <summary>
        /// Reads the fundamental (FVRMS, FWATT, FVA) and the three harmonic voltage rms values
        /// (HXVRMS, HYVRMS, HZVRMS) of <paramref name="phase"/>: six frames.
        /// </summary>
        private void ReadHarmonics(PhaseMeasurements measurements, int phase)
        {
            measurements.FundamentalVoltageRms[phase] = _bus.Read(Register.FVRMS);
            measurements.FundamentalActivePower[phase] = _bus.Read(Register.FWATT);
            measurements.FundamentalApparentPower[phase] = _bus.Read(Register.FVA);
            int row = phase * (PhaseMeasurements.MaxHarmonicOrder + 1);
            int[] harmonics = measurements.HarmonicVoltageRms;
            // Table 33: the HX, HY, HZ result blocks are 8 registers apart, HxVRMS first.
            harmonics[row + _harmonicFirstOrder] = _bus.Read(Register.HXVRMS);
            harmonics[row + _harmonicFirstOrder + 1] = _bus.Read(Register.HYVRMS);
            harmonics[row + _harmonicFirstOrder + 2] = _bus.Read(Register.HZVRMS);
            measurements.HarmonicPhase = phase;
            measurements.HarmonicFirstOrder = _harmonicFirstOrder;
        }

        /// <summary>The next three orders into HX, HY, HZ (written before HCONFIG, whose write restarts the settling).</summary>
        private void NextHarmonicOrders()
        {
            _harmonicFirstOrder += PhaseMeasurements.HarmonicsPerRead;
            if (_harmonicFirstOrder + PhaseMeasurements.HarmonicsPerRead - 1 > LastHarmonicOrder) _harmonicFirstOrder = 2;
            for (int slot = 0; slot < PhaseMeasurements.HarmonicsPerRead; slot++)
                _bus.WriteRaw((Register)((int)Register.HX + slot), 1, (uint)(_harmonicFirstOrder + slot));
        }
    }
}
