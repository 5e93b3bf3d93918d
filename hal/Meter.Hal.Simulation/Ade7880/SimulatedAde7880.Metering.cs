using Meter.Hal.Ade7880;

namespace Meter.Hal.Simulation.Ade7880;

/// <summary>
/// The simulated ADE7880's energy path: power codes from the phase sources, the two-stage
/// accumulation at fs = 1.024 MHz against THR × 2^27 (data sheet Rev. A, "Active Energy
/// Calculation" section), ACCMODE, line-cycle accumulation and the CF outputs.
/// </summary>
public sealed partial class SimulatedAde7880
{
    private static double Gain(uint raw) => 1.0 + RegisterMap.Decode(WireFormat.Zpse24, raw) / 8388608.0; // 1 + x/2^23

    private PhaseLoad LoadOf(int phase) => Phases[phase].LoadAt(_now);

    private (double V, double I) Ratios(int phase, double vrms, double irms)
    {
        double vg = Gain(_registers[(ushort)(0x4381 + 2 * phase)]);
        double ig = Gain(_registers[(ushort)(0x4380 + 2 * phase)]);
        return (vrms / FullScaleVoltage * vg, irms / FullScaleCurrent * ig);
    }

    /// <summary>
    /// Power codes of a phase: total active, fundamental active, fundamental reactive, apparent.
    /// The returned array belongs to the phase's cache: callers read it, never change it.
    /// </summary>
    private double[] PowerCodes(int phase) => Cached(phase).Codes;

    /// <summary>Total rms voltage and current of a phase as fractions of full scale, gains applied.</summary>
    private (double V, double I) TotalRatios(int phase)
    {
        var cache = Cached(phase);
        return (cache.TotalVoltageRatio, cache.TotalCurrentRatio);
    }

    /// <summary>
    /// What a phase's power codes and ratios are computed from: the load (an immutable record,
    /// compared by reference: a constant load is the same object) and the three gain registers.
    /// While these stay the same, the doubles below are what <see cref="ComputePowerCodes"/>
    /// would compute again, bit for bit, so they are computed once per load change.
    /// </summary>
    private sealed class PhaseCache
    {
        public PhaseLoad? Load;
        public uint VoltageGain, CurrentGain, PowerGain, PhaseCalibration;
        public double PhaseError;
        public readonly double[] Codes = new double[4];
        public double TotalVoltageRatio, TotalCurrentRatio;

        // Accumulation input of each quantity in 1/65536 code units, for one ACCMODE value.
        public uint FixedAccmode;
        public bool HasFixed;
        public readonly long[] FixedPower = new long[4];
    }

    private readonly PhaseCache[] _phaseCache = { new(), new(), new() };

    private PhaseCache Cached(int phase)
    {
        var cache = _phaseCache[phase];
        var load = LoadOf(phase);
        uint vg = _registers[(ushort)(0x4381 + 2 * phase)], ig = _registers[(ushort)(0x4380 + 2 * phase)], pg = _registers[(ushort)(0x4389 + 2 * phase)];
        uint phcal = Reg((Register)((int)Register.APHCAL + phase));
        if (!ReferenceEquals(cache.Load, load) || cache.VoltageGain != vg || cache.CurrentGain != ig || cache.PowerGain != pg
            || cache.PhaseCalibration != phcal || cache.PhaseError != CurrentPhaseErrorDegrees)
        {
            ComputePowerCodes(phase, load, cache.Codes, out cache.TotalVoltageRatio, out cache.TotalCurrentRatio);
            cache.Load = load;
            cache.VoltageGain = vg;
            cache.CurrentGain = ig;
            cache.PowerGain = pg;
            cache.PhaseCalibration = phcal;
            cache.PhaseError = CurrentPhaseErrorDegrees;
            cache.HasFixed = false;
        }
        return cache;
    }

    private void ComputePowerCodes(int phase, PhaseLoad load, double[] codes, out double totalVoltageRatio, out double totalCurrentRatio)
    {
        double pg = Gain(_registers[(ushort)(0x4389 + 2 * phase)]);
        var (v1, i1) = Ratios(phase, load.VoltageRms, load.CurrentRms);
        double phi = (load.AngleDegrees + PhaseShiftDegrees(phase, load.FrequencyHz)) * Math.PI / 180.0;
        double fundamental = PMax * pg * v1 * i1 * Math.Cos(phi);
        double total = fundamental;
        foreach (var h in load.Harmonics)
        {
            var (vh, ih) = Ratios(phase, h.VoltageRms, h.CurrentRms);
            total += PMax * pg * vh * ih * Math.Cos(h.AngleDegrees * Math.PI / 180.0);
        }
        double reactive = PMax * pg * v1 * i1 * Math.Sin(phi);
        var (vt, it) = Ratios(phase, load.TotalVoltageRms, load.TotalCurrentRms);
        double apparent = PMax * pg * vt * it;
        codes[Active] = total;
        codes[FundamentalActive] = fundamental;
        codes[Reactive] = reactive;
        codes[Apparent] = apparent;
        totalVoltageRatio = vt;
        totalCurrentRatio = it;
    }

    /// <summary>
    /// Extra lag of the fundamental current as the chip sees it: the injected <see cref="CurrentPhaseErrorDegrees"/>
    /// less what xPHCAL compensates. xPHCAL (data sheet Rev. C, "Phase compensation"): 512 + n delays the voltage
    /// channel by n × 1/1.024 MHz (cancels a current lag), n delays the current channel (cancels a lead); one step is
    /// 360° × f / 1.024 MHz (0.0176° at 50 Hz). Exactly 0 when neither is set, so the power codes stay as before.
    /// </summary>
    private double PhaseShiftDegrees(int phase, double frequencyHz)
    {
        uint phcal = Reg((Register)((int)Register.APHCAL + phase)) & 0x3FF;
        int lagSteps = phcal >= 512 ? (int)(phcal - 512) : -(int)phcal;
        return lagSteps == 0 ? CurrentPhaseErrorDegrees : CurrentPhaseErrorDegrees - lagSteps * 360.0 * frequencyHz / 1.024e6;
    }

    /// <summary>The accumulation inputs (ACCMODE applied, 1/65536 code units) of a phase's four quantities.</summary>
    private long[] FixedPowers(int phase)
    {
        var cache = Cached(phase);
        uint accmode = Reg(Register.ACCMODE);
        if (!cache.HasFixed || cache.FixedAccmode != accmode)
        {
            for (int q = 0; q < 4; q++) cache.FixedPower[q] = (long)Math.Round(AccumulationCode(q, cache.Codes) * (1L << PowerFraction));
            cache.FixedAccmode = accmode;
            cache.HasFixed = true;
        }
        return cache.FixedPower;
    }

    private double AccumulationCode(int quantity, double[] codes)
    {
        uint accmode = Reg(Register.ACCMODE);
        double p = codes[quantity];
        if (quantity == Active || quantity == FundamentalActive)
        {
            // ACCMODE.WATTACC: 00 signed, 01 positive only, 11 absolute.
            return (accmode & 3) switch { 1 => Math.Max(0, p), 3 => Math.Abs(p), _ => p };
        }
        if (quantity == Reactive)
        {
            // ACCMODE.VARACC: 00 signed, 10 sign follows the total active power, 11 absolute.
            return ((accmode >> 2) & 3) switch { 2 => codes[Active] >= 0 ? p : -p, 3 => Math.Abs(p), _ => p };
        }
        return p;
    }

    private bool IsLineCycle(int quantity) => IsLineCycle(quantity, Reg(Register.LCYCMODE));

    // LCYCMODE.LWATT (bit 0, both active quantities), LVAR (bit 1), LVA (bit 2).
    private static bool IsLineCycle(int quantity, uint lcycmode) =>
        quantity switch { Active or FundamentalActive => (lcycmode & 1) != 0, Reactive => (lcycmode & 2) != 0, _ => (lcycmode & 4) != 0 };

    private int SelectedZeroCrossingPhases()
    {
        uint zxsel = (Reg(Register.LCYCMODE) >> 3) & 7;
        int n = 0;
        for (int p = 0; p < 3; p++)
            if ((zxsel & (1u << p)) != 0 && LoadOf(p).VoltageRms > 0) n++;
        return n;
    }

    private long TimeToLineCycleEnd()
    {
        if (!IsRunning || !(IsLineCycle(0) || IsLineCycle(2) || IsLineCycle(3))) return long.MaxValue;
        int n = SelectedZeroCrossingPhases();
        if (n == 0) return long.MaxValue;
        double rate = 2 * LoadOf(0).FrequencyHz * n / 1e6; // half cycles per µs
        double remaining = (Reg(Register.LINECYC) - _halfCycles) / rate;
        return Math.Max(1, (long)Math.Ceiling(remaining - 1e-6));
    }

    private void Step(long dt)
    {
        long start = _now;
        _now += dt;
        // fs = 1.024 MHz: exact tick count since power-up.
        long ticks = _now * 1024 / 1000;
        long dTicks = ticks - _ticks;
        _ticks = ticks;
        if (_resetDoneAt >= 0 && _now >= _resetDoneAt) FinishReset();
        if (IsRunning)
        {
            var (s0, s1) = (Reg(Register.STATUS0), Reg(Register.STATUS1));
            // Read once a step: accumulation changes none of these (it writes only the energy registers).
            var mode = new AccumulationMode(Reg(Register.WTHR), Reg(Register.VARTHR), Reg(Register.VATHR),
                Reg(Register.LCYCMODE), Reg(Register.CFMODE), Reg(Register.COMPMODE));
            for (int p = 0; p < 3; p++)
            {
                // Power at the middle of the step: exact for constant loads and for linear ramps of
                // one quantity (steps never straddle a scheduled jump).
                var powers = FixedPowersAt(p, start + dt / 2);
                for (int q = 0; q < 4; q++) Accumulate(q, p, powers[q], dTicks, in mode, ref s0);
            }
            s1 |= PowerQuality(dt);
            if (HarmonicsSettled()) s0 |= StatusBits.HREADY;
            SetReg(Register.STATUS0, s0);
            SetReg(Register.STATUS1, s1);
            LineCycle(dt);
        }
        UpdateIrqPins();
    }

    private long[] FixedPowersAt(int phase, long time)
    {
        long saved = _now;
        _now = time;
        var powers = FixedPowers(phase);
        _now = saved;
        return powers;
    }

    /// <summary>The registers the accumulation of one step depends on, read once for the step.</summary>
    private readonly struct AccumulationMode(uint wthr, uint varthr, uint vathr, uint lcycmode, uint cfmode, uint compmode)
    {
        public readonly uint Wthr = wthr, Varthr = varthr, Vathr = vathr, LcycMode = lcycmode, CfMode = cfmode, CompMode = compmode;

        /// <summary>Bit q set when an enabled CF output selects quantity q (CfChain has nothing to do for the others).</summary>
        public readonly int CfQuantities = CfQuantitiesOf(cfmode);
    }

    private static int CfQuantitiesOf(uint cfmode)
    {
        int mask = 0;
        for (int cf = 0; cf < 3; cf++)
        {
            if ((cfmode & (1u << (9 + cf))) != 0) continue; // CFxDIS
            // CFxSEL: 000 total active, 010 apparent, 011 fundamental active, 100 fundamental reactive (CfChain).
            switch ((cfmode >> (3 * cf)) & 7)
            {
                case 0: mask |= 1 << Active; break;
                case 2: mask |= 1 << Apparent; break;
                case 3: mask |= 1 << FundamentalActive; break;
                case 4: mask |= 1 << Reactive; break;
            }
        }
        return mask;
    }

    private void Accumulate(int q, int p, long fixedPower, long dTicks, in AccumulationMode mode, ref uint status0)
    {
        // One LSB each time the accumulator passes THR × 2^27 (THR = WTHR, VARTHR or VATHR).
        uint thr = q == Reactive ? mode.Varthr : q == Apparent ? mode.Vathr : mode.Wthr;
        if (thr == 0) return;
        long counts = _increments[q * 3 + p].Add(ref _accumulators[q * 3 + p], fixedPower, dTicks, thr);
        if (counts == 0) return;
        if (IsLineCycle(q, mode.LcycMode))
        {
            _lineCycleWindow[q, p] += (int)counts;
        }
        else
        {
            var register = (Register)(EnergyBase[q] + p);
            uint before = Reg(register);
            uint after = unchecked((uint)((int)before + (int)counts));
            SetReg(register, after);
            TotalCounts[q, p] += counts;
            // Half-full flags (Table 36: AEHF, FAEHF, FREHF, VAEHF): the register became half full,
            // 0x3FFFFFFF → 0x40000000 for positive power, 0xC0000000 → 0xBFFFFFFF for negative
            // ("Active Energy Calculation"): bits 31 and 30 start to differ.
            if (!IsHalfFull(before) && IsHalfFull(after))
                status0 |= q switch { Active => StatusBits.AEHF, FundamentalActive => StatusBits.FAEHF, Reactive => StatusBits.FREHF, _ => StatusBits.VAEHF };
        }
        if ((mode.CfQuantities & (1 << q)) != 0) CfChain(q, p, counts, mode.CfMode, mode.CompMode, ref status0);
    }

    private static bool IsHalfFull(uint value) => (((value >> 31) ^ (value >> 30)) & 1) != 0;

    private void CfChain(int q, int p, long counts, uint cfmode, uint compmode, ref uint status0)
    {
        // CFxSEL (CFMODE): 000 total active, 010 apparent, 011 fundamental active, 100 fundamental reactive.
        int selected = q switch { Active => 0, Apparent => 2, FundamentalActive => 3, _ => 4 };
        for (int cf = 0; cf < 3; cf++)
        {
            if (((cfmode >> (3 * cf)) & 7) != selected) continue;
            if (((compmode >> (3 * cf)) & (1u << p)) == 0) continue; // TERMSELx
            if ((cfmode & (1u << (9 + cf))) != 0) continue;           // CFxDIS
            long den = Math.Max(1, Reg((Register)((int)Register.CF1DEN + cf)));
            _cfAccumulators[cf] += Math.Abs(counts);
            if (_cfAccumulators[cf] < den) continue; // no pulse yet (never negative: only |counts| go in)
            long pulses = _cfAccumulators[cf] / den;
            _cfAccumulators[cf] -= pulses * den;
            CfPulses[cf] += pulses;
            status0 |= StatusBits.CF1 << cf;
        }
    }

    private void LineCycle(long dt)
    {
        if (!(IsLineCycle(0) || IsLineCycle(2) || IsLineCycle(3))) return;
        int n = SelectedZeroCrossingPhases();
        if (n == 0) return;
        _halfCycles += dt * 2 * LoadOf(0).FrequencyHz * n / 1e6;
        uint linecyc = Math.Max(1u, Reg(Register.LINECYC));
        if (_halfCycles + 1e-6 < linecyc) return;
        _halfCycles = Math.Max(0, _halfCycles - linecyc);
        // End of LINECYC half cycles: the window's energy is latched into the registers and STATUS0.LENERGY set.
        for (int q = 0; q < 4; q++)
        {
            if (!IsLineCycle(q)) continue;
            for (int p = 0; p < 3; p++)
            {
                var register = (Register)(EnergyBase[q] + p);
                if (!_readSinceLatch[q, p]) OverwrittenCounts[q, p] += (int)Reg(register);
                SetReg(register, unchecked((uint)_lineCycleWindow[q, p]));
                TotalCounts[q, p] += _lineCycleWindow[q, p];
                _lineCycleWindow[q, p] = 0;
                _readSinceLatch[q, p] = false;
            }
        }
        SetReg(Register.STATUS0, Reg(Register.STATUS0) | StatusBits.LENERGY);
    }
}
