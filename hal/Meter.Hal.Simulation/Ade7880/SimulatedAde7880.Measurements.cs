using Meter.Hal.Ade7880;

namespace Meter.Hal.Simulation.Ade7880;

/// <summary>
/// The simulated ADE7880's power-quality flags (sag, over-voltage/current, zero-crossing
/// timeout) and the measurement registers computed on read (rms, powers, period, angles, PF,
/// peaks, THD, xIMAV, waveform samples).
/// </summary>
public sealed partial class SimulatedAde7880
{
    private uint PowerQuality(long dt)
    {
        uint status1 = 0;
        uint phstatus = Reg(Register.PHSTATUS);
        uint sagLevel = Reg(Register.SAGLVL), sagCycles = Reg(Register.SAGCYC);
        uint ovLevel = Reg(Register.OVLVL), oiLevel = Reg(Register.OILVL);
        long zxTimeoutUs = Reg(Register.ZXTOUT) * 625L / 10; // ZXTOUT counts 62.5 µs
        for (int p = 0; p < 3; p++)
        {
            var load = LoadOf(p);
            var (v, i) = TotalRatios(p);
            double vPeak = v * FullScalePeak, iPeak = i * FullScalePeak;
            // Zero-crossing timeout: no crossing for ZXTOUT (STATUS1 ZXTOVx bits 3–5, ZXTOIx 6–8).
            _noVoltageZeroCrossingUs[p] = load.VoltageRms > 0 ? 0 : _noVoltageZeroCrossingUs[p] + dt;
            _noCurrentZeroCrossingUs[p] = load.CurrentRms > 0 ? 0 : _noCurrentZeroCrossingUs[p] + dt;
            if (_noVoltageZeroCrossingUs[p] >= zxTimeoutUs && _noVoltageZeroCrossingUs[p] - dt < zxTimeoutUs) status1 |= 1u << (3 + p);
            if (_noCurrentZeroCrossingUs[p] >= zxTimeoutUs && _noCurrentZeroCrossingUs[p] - dt < zxTimeoutUs) status1 |= 1u << (6 + p);
            // Sag: below SAGLVL for SAGCYC half cycles sets VSPHASE and STATUS1.SAG; recovery again sets SAG.
            if (sagLevel != 0)
            {
                bool below = vPeak < sagLevel;
                bool inSag = (phstatus & (1u << (12 + p))) != 0;
                _sagHalfCycles[p] = below != inSag ? _sagHalfCycles[p] + dt * 2 * load.FrequencyHz / 1e6 : 0;
                if (_sagHalfCycles[p] >= Math.Max(1, sagCycles))
                {
                    phstatus ^= 1u << (12 + p);
                    status1 |= StatusBits.SAG;
                    _sagHalfCycles[p] = 0;
                }
            }
            // Over-voltage / over-current: peak above OVLVL / OILVL.
            if (vPeak > ovLevel) { phstatus |= 1u << (9 + p); status1 |= StatusBits.OV; } else phstatus &= ~(1u << (9 + p));
            if (iPeak > oiLevel) { phstatus |= 1u << (3 + p); status1 |= StatusBits.OI; } else phstatus &= ~(1u << (3 + p));
        }
        SetReg(Register.PHSTATUS, phstatus);
        return status1;
    }

    private long _harmonicsSettleAtUs;

    /// <summary>A new harmonic phase (HCONFIG write) or a DSP start begins the HSTIME settling again.</summary>
    private void RestartHarmonicSettling()
    {
        // HCONFIG.HSTIME (bits 4:3): 00 500 ms, 01 750 ms, 10 1 s, 11 1250 ms (data sheet Rev. A, "Harmonics Calculations").
        long hstimeMs = 500 + 250 * ((Reg(Register.HCONFIG) >> 3) & 3);
        _harmonicsSettleAtUs = _now + hstimeMs * 1000;
    }

    /// <summary>
    /// STATUS0.HREADY with HCONFIG.HRCFG = 0: the results have settled HSTIME after the start
    /// (model: set on every step from then on, as the engine keeps updating at HRATE).
    /// </summary>
    private bool HarmonicsSettled() =>
        ((Reg(Register.HCONFIG) >> 5) & 7) != 7 && _now >= _harmonicsSettleAtUs;

    private int Measure(Register register)
    {
        ushort a = (ushort)register;
        // xIMAV is computed in PSM0 and PSM1 (Table 33); everything else needs the running DSP.
        bool imav = a >= 0xE504 && a <= 0xE506;
        if (!IsRunning && !(imav && !_inReset && _mode == PowerMode.ReducedPower)) return 0;
        if (a >= 0x43C0 && a <= 0x43C5)
        {
            int p = (a - 0x43C0) / 2;
            var (v, i) = TotalRatios(p);
            return (int)Math.Round(((a - 0x43C0) % 2 == 0 ? i : v) * FullScaleRms);
        }
        if (register == Register.NIRMS)
        {
            // Neutral: phasor sum of the fundamental currents (phases 120° apart).
            double re = 0, im = 0;
            for (int p = 0; p < 3; p++)
            {
                var load = LoadOf(p);
                double angle = (-120.0 * p + load.VoltageShiftDegrees - load.AngleDegrees) * Math.PI / 180.0;
                re += load.CurrentRms * Math.Cos(angle);
                im += load.CurrentRms * Math.Sin(angle);
            }
            return (int)Math.Round(Math.Sqrt(re * re + im * im) / FullScaleCurrent * FullScaleRms);
        }
        if (a >= 0xE513 && a <= 0xE51B)
        {
            // xWATT/xFVAR/xVA: the power code / 16 (ADE78xx family, see ade7880-notes.md §7).
            int kind = (a - 0xE513) / 3, p = (a - 0xE513) % 3;
            var codes = PowerCodes(p);
            double code = kind switch { 0 => codes[Active], 1 => codes[Reactive], _ => codes[Apparent] };
            return (int)Math.Round(code / 16);
        }
        if (a >= 0xE905 && a <= 0xE907)
        {
            var load = LoadOf(a - 0xE905);
            return load.FrequencyHz > 0 ? (int)Math.Round(256000 / load.FrequencyHz) : 0; // f = 256 kHz / xPERIOD
        }
        if (a >= 0xE601 && a <= 0xE603)
        {
            uint angleSel = (Reg(Register.COMPMODE) >> 9) & 3;
            if (angleSel == 1) return VoltageDelay(a - 0xE601);
            // ANGLESEL = 00: delay from phase voltage to phase current, in 256 kHz ticks.
            var load = LoadOf(a - 0xE601);
            if (angleSel != 0 || load.FrequencyHz <= 0) return 0;
            double degrees = ((load.AngleDegrees % 360) + 360) % 360;
            return (int)Math.Round(degrees / 360.0 * 256000 / load.FrequencyHz);
        }
        if (a >= 0xE902 && a <= 0xE904)
        {
            var codes = PowerCodes(a - 0xE902);
            return codes[Apparent] == 0 ? 0 : (int)Math.Clamp(Math.Round(codes[Active] / codes[Apparent] * 32768), -32768, 32767);
        }
        if (register == Register.VPEAK || register == Register.IPEAK)
        {
            uint peakSel = (Reg(Register.MMODE) >> 2) & 7;
            double best = 0; int bestPhase = 0;
            for (int p = 0; p < 3; p++)
            {
                if ((peakSel & (1u << p)) == 0) continue;
                var (v, i) = TotalRatios(p);
                double peak = (register == Register.VPEAK ? v : i) * FullScalePeak;
                if (peak > best) { best = peak; bestPhase = p; }
            }
            return (int)(((uint)Math.Min(0xFFFFFF, Math.Round(best))) | (1u << (24 + bestPhase)));
        }
        if (register == Register.VTHD || register == Register.ITHD)
        {
            // Harmonic engine on phase HCONFIG.HPHASE; THD in signed 3.21.
            uint hconfig = Reg(Register.HCONFIG);
            if (((hconfig >> 5) & 7) == 7) return 0;
            var load = LoadOf((int)((hconfig >> 1) & 3) % 3);
            double fundamental = register == Register.VTHD ? load.VoltageRms : load.CurrentRms;
            double harmonics = Math.Sqrt(load.Harmonics.Sum(h => register == Register.VTHD ? h.VoltageRms * h.VoltageRms : h.CurrentRms * h.CurrentRms));
            return fundamental == 0 ? 0 : (int)Math.Min(0x7FFFFF, Math.Round(harmonics / fundamental * (1 << 21)));
        }
        if (a >= 0xE880 && a <= 0xE89F) return HarmonicEngineResult(a);
        if (a >= 0xE504 && a <= 0xE506)
        {
            // xIMAV: mean absolute value (2√2/π × rms) on a 20-bit scale (model scale: full-scale rms → 2^19).
            var load = LoadOf(a - 0xE504);
            return (int)Math.Round(load.TotalCurrentRms / FullScaleCurrent * (2 * Math.Sqrt(2) / Math.PI) * (1 << 19));
        }
        if (register == Register.PHSIGN)
        {
            int sign = 0;
            for (int p = 0; p < 3; p++)
            {
                var codes = PowerCodes(p);
                if (codes[Active] < 0) sign |= 1 << p;
                if (codes[Reactive] < 0) sign |= 1 << (4 + p);
            }
            return sign;
        }
        if (a >= 0xE50C && a <= 0xE512)
        {
            // Instantaneous samples at the current virtual time.
            int idx = a - 0xE50C;
            bool current = idx < 4;
            int p = current ? idx : idx - 4;
            if (p == 3) return 0;
            var load = LoadOf(p);
            double omega = 2 * Math.PI * load.FrequencyHz * _now / 1e6 - 2 * Math.PI * p / 3;
            var (v, i) = Ratios(p, load.VoltageRms, load.CurrentRms);
            omega += load.VoltageShiftDegrees * Math.PI / 180;
            double sample = current ? i * FullScalePeak * Math.Sin(omega - load.AngleDegrees * Math.PI / 180) : v * FullScalePeak * Math.Sin(omega);
            foreach (var h in load.Harmonics)
            {
                var (vh, ih) = Ratios(p, h.VoltageRms, h.CurrentRms);
                double theta = h.Order * omega + h.VoltagePhaseDegrees * Math.PI / 180;
                sample += current ? ih * FullScalePeak * Math.Sin(theta - h.AngleDegrees * Math.PI / 180) : vh * FullScalePeak * Math.Sin(theta);
            }
            return (int)Math.Round(sample);
        }
        return 0;
    }

    /// <summary>
    /// ANGLESEL = 01: delays between phase voltages in 256 kHz ticks, from the negative-to-positive
    /// zero crossing of the first to that of the second: ANGLE0 A→C, ANGLE1 B→C, ANGLE2 A→B
    /// (ADE7854/58/68/78 data sheet Rev. G p. 36, "Time Interval Between Phases"; same on the ADE7880).
    /// </summary>
    private int VoltageDelay(int angleRegister)
    {
        int from = angleRegister == 1 ? 1 : 0, to = angleRegister == 2 ? 1 : 2;
        var first = LoadOf(from);
        var second = LoadOf(to);
        if (first.FrequencyHz <= 0 || first.VoltageRms <= 0 || second.VoltageRms <= 0) return 0;
        double firstAngle = -120.0 * from + first.VoltageShiftDegrees, secondAngle = -120.0 * to + second.VoltageShiftDegrees;
        double lag = (((firstAngle - secondAngle) % 360) + 360) % 360;
        return (int)Math.Round(lag / 360.0 * 256000 / first.FrequencyHz);
    }

    /// <summary>
    /// The harmonic engine's results (0xE880–0xE89F, data sheet Rev. A Table 33) for the phase in
    /// HCONFIG.HPHASE: FVRMS (the fundamental on the xVRMS scale), FWATT and FVA (fundamental
    /// powers on the xWATT scale), VTHD/ITHD elsewhere, and per HX/HY/HZ block (8 registers from
    /// 0xE888/0xE890/0xE898) the harmonic's voltage rms on the xVRMS scale (model: the data sheet's
    /// scale of HxVRMS is not confirmed here; the firmware uses only ratios to FVRMS).
    /// Everything else of the engine reads 0 in this model.
    /// </summary>
    private int HarmonicEngineResult(ushort a)
    {
        uint hconfig = Reg(Register.HCONFIG);
        if (((hconfig >> 5) & 7) == 7) return 0;
        int p = (int)((hconfig >> 1) & 3) % 3;
        var load = LoadOf(p);
        var (v1, i1) = Ratios(p, load.VoltageRms, load.CurrentRms);
        double pg = Gain(_registers[(ushort)(0x4389 + 2 * p)]);
        switch (a)
        {
            case 0xE880: return (int)Math.Round(v1 * FullScaleRms);
            case 0xE882: return (int)Math.Round(PMax * pg * v1 * i1 * Math.Cos(load.AngleDegrees * Math.PI / 180) / 16);
            case 0xE884: return (int)Math.Round(PMax * pg * v1 * i1 / 16);
        }
        if (a >= 0xE888 && (a - 0xE888) % 8 == 0)
        {
            int order = (int)Reg((Register)((int)Register.HX + (a - 0xE888) / 8));
            double rms = 0;
            foreach (var h in load.Harmonics)
                if (h.Order == order) rms += h.VoltageRms;
            return (int)Math.Round(Ratios(p, rms, 0).V * FullScaleRms);
        }
        return 0;
    }
}
