namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// ADE7880 register addresses, named as in the data sheet's register tables
    /// (ADE7880 data sheet Rev. A: Table 30 DSP data memory RAM, Table 31 internal DSP memory,
    /// Table 32 billable registers, Table 33 configuration and power-quality registers).
    /// Width, signedness, wire format, access and reset value of each are in
    /// <see cref="RegisterMap"/>.
    /// </summary>
    public enum Register : ushort
    {
        // ---- Table 30: DSP data memory RAM (all 32-bit on the wire) ----
        /// <summary>Phase A current gain (24-bit signed, 32 ZPSE).</summary>
        AIGAIN = 0x4380,
        /// <summary>Phase A voltage gain.</summary>
        AVGAIN = 0x4381,
        /// <summary>Phase B current gain.</summary>
        BIGAIN = 0x4382,
        /// <summary>Phase B voltage gain.</summary>
        BVGAIN = 0x4383,
        /// <summary>Phase C current gain.</summary>
        CIGAIN = 0x4384,
        /// <summary>Phase C voltage gain.</summary>
        CVGAIN = 0x4385,
        /// <summary>Neutral current gain.</summary>
        NIGAIN = 0x4386,
        /// <summary>Digital integrator coefficient (0xFFF8000 when the integrator is on).</summary>
        DICOEFF = 0x4388,
        /// <summary>Phase A power gain (total/fundamental active, fundamental reactive, apparent).</summary>
        APGAIN = 0x4389,
        /// <summary>Phase A total active power offset.</summary>
        AWATTOS = 0x438A,
        /// <summary>Phase B power gain.</summary>
        BPGAIN = 0x438B,
        /// <summary>Phase B total active power offset.</summary>
        BWATTOS = 0x438C,
        /// <summary>Phase C power gain.</summary>
        CPGAIN = 0x438D,
        /// <summary>Phase C total active power offset.</summary>
        CWATTOS = 0x438E,
        /// <summary>Phase A current rms offset.</summary>
        AIRMSOS = 0x438F,
        /// <summary>Phase A voltage rms offset.</summary>
        AVRMSOS = 0x4390,
        /// <summary>Phase B current rms offset.</summary>
        BIRMSOS = 0x4391,
        /// <summary>Phase B voltage rms offset.</summary>
        BVRMSOS = 0x4392,
        /// <summary>Phase C current rms offset.</summary>
        CIRMSOS = 0x4393,
        /// <summary>Phase C voltage rms offset.</summary>
        CVRMSOS = 0x4394,
        /// <summary>Neutral current rms offset.</summary>
        NIRMSOS = 0x4395,
        /// <summary>Harmonic powers gain.</summary>
        HPGAIN = 0x4398,
        /// <summary>Threshold for |ISUM − INWV| (neutral mismatch).</summary>
        ISUMLVL = 0x4399,
        /// <summary>Voltage level used by the fundamental/harmonic engine (28-bit, 32 ZP).</summary>
        VLEVEL = 0x439F,
        /// <summary>Phase A fundamental active power offset.</summary>
        AFWATTOS = 0x43A2,
        /// <summary>Phase B fundamental active power offset.</summary>
        BFWATTOS = 0x43A3,
        /// <summary>Phase C fundamental active power offset.</summary>
        CFWATTOS = 0x43A4,
        /// <summary>Phase A fundamental reactive power offset.</summary>
        AFVAROS = 0x43A5,
        /// <summary>Phase B fundamental reactive power offset.</summary>
        BFVAROS = 0x43A6,
        /// <summary>Phase C fundamental reactive power offset.</summary>
        CFVAROS = 0x43A7,
        /// <summary>Phase A fundamental current rms offset.</summary>
        AFIRMSOS = 0x43A8,
        /// <summary>Phase B fundamental current rms offset.</summary>
        BFIRMSOS = 0x43A9,
        /// <summary>Phase C fundamental current rms offset.</summary>
        CFIRMSOS = 0x43AA,
        /// <summary>Phase A fundamental voltage rms offset.</summary>
        AFVRMSOS = 0x43AB,
        /// <summary>Phase B fundamental voltage rms offset.</summary>
        BFVRMSOS = 0x43AC,
        /// <summary>Phase C fundamental voltage rms offset.</summary>
        CFVRMSOS = 0x43AD,
        /// <summary>Harmonic X active power offset.</summary>
        HXWATTOS = 0x43AE,
        /// <summary>Harmonic Y active power offset.</summary>
        HYWATTOS = 0x43AF,
        /// <summary>Harmonic Z active power offset.</summary>
        HZWATTOS = 0x43B0,
        /// <summary>Harmonic X reactive power offset.</summary>
        HXVAROS = 0x43B1,
        /// <summary>Harmonic Y reactive power offset.</summary>
        HYVAROS = 0x43B2,
        /// <summary>Harmonic Z reactive power offset.</summary>
        HZVAROS = 0x43B3,
        /// <summary>Harmonic X current rms offset.</summary>
        HXIRMSOS = 0x43B4,
        /// <summary>Harmonic Y current rms offset.</summary>
        HYIRMSOS = 0x43B5,
        /// <summary>Harmonic Z current rms offset.</summary>
        HZIRMSOS = 0x43B6,
        /// <summary>Harmonic X voltage rms offset.</summary>
        HXVRMSOS = 0x43B7,
        /// <summary>Harmonic Y voltage rms offset.</summary>
        HYVRMSOS = 0x43B8,
        /// <summary>Harmonic Z voltage rms offset; the last DSP RAM register of the set-up sequence.</summary>
        HZVRMSOS = 0x43B9,
        /// <summary>Phase A current rms (24-bit, 32 ZP, read-only).</summary>
        AIRMS = 0x43C0,
        /// <summary>Phase A voltage rms.</summary>
        AVRMS = 0x43C1,
        /// <summary>Phase B current rms.</summary>
        BIRMS = 0x43C2,
        /// <summary>Phase B voltage rms.</summary>
        BVRMS = 0x43C3,
        /// <summary>Phase C current rms.</summary>
        CIRMS = 0x43C4,
        /// <summary>Phase C voltage rms.</summary>
        CVRMS = 0x43C5,
        /// <summary>Neutral current rms.</summary>
        NIRMS = 0x43C6,
        /// <summary>Sum of the phase current samples (28-bit, 32 ZP).</summary>
        ISUM = 0x43C7,

        // ---- Table 31: internal DSP memory ----
        /// <summary>Starts (0x0001) and stops (0x0000) the DSP.</summary>
        RUN = 0xE228,

        // ---- Table 32: billable registers (32-bit signed, read-only; 0xE406–0xE408 reserved) ----
        /// <summary>Phase A total active energy.</summary>
        AWATTHR = 0xE400,
        /// <summary>Phase B total active energy.</summary>
        BWATTHR = 0xE401,
        /// <summary>Phase C total active energy.</summary>
        CWATTHR = 0xE402,
        /// <summary>Phase A fundamental active energy.</summary>
        AFWATTHR = 0xE403,
        /// <summary>Phase B fundamental active energy.</summary>
        BFWATTHR = 0xE404,
        /// <summary>Phase C fundamental active energy.</summary>
        CFWATTHR = 0xE405,
        /// <summary>Phase A fundamental reactive energy.</summary>
        AFVARHR = 0xE409,
        /// <summary>Phase B fundamental reactive energy.</summary>
        BFVARHR = 0xE40A,
        /// <summary>Phase C fundamental reactive energy.</summary>
        CFVARHR = 0xE40B,
        /// <summary>Phase A apparent energy.</summary>
        AVAHR = 0xE40C,
        /// <summary>Phase B apparent energy.</summary>
        BVAHR = 0xE40D,
        /// <summary>Phase C apparent energy.</summary>
        CVAHR = 0xE40E,

        // ---- Table 33: configuration and power-quality registers ----
        /// <summary>Current peak: bits 23:0 value, bits 24/25/26 phase A/B/C.</summary>
        IPEAK = 0xE500,
        /// <summary>Voltage peak, same layout as IPEAK.</summary>
        VPEAK = 0xE501,
        /// <summary>Interrupt status 0 (write 1 to clear).</summary>
        STATUS0 = 0xE502,
        /// <summary>Interrupt status 1 (write 1 to clear).</summary>
        STATUS1 = 0xE503,
        /// <summary>Phase A current mean absolute value (PSM0/PSM1, 20-bit ZP).</summary>
        AIMAV = 0xE504,
        /// <summary>Phase B current mean absolute value.</summary>
        BIMAV = 0xE505,
        /// <summary>Phase C current mean absolute value.</summary>
        CIMAV = 0xE506,
        /// <summary>Over-current threshold.</summary>
        OILVL = 0xE507,
        /// <summary>Over-voltage threshold.</summary>
        OVLVL = 0xE508,
        /// <summary>Voltage sag threshold.</summary>
        SAGLVL = 0xE509,
        /// <summary>IRQ0 enables (same bits as STATUS0).</summary>
        MASK0 = 0xE50A,
        /// <summary>IRQ1 enables (same bits as STATUS1).</summary>
        MASK1 = 0xE50B,
        /// <summary>Phase A current sample.</summary>
        IAWV = 0xE50C,
        /// <summary>Phase B current sample.</summary>
        IBWV = 0xE50D,
        /// <summary>Phase C current sample.</summary>
        ICWV = 0xE50E,
        /// <summary>Neutral current sample.</summary>
        INWV = 0xE50F,
        /// <summary>Phase A voltage sample.</summary>
        VAWV = 0xE510,
        /// <summary>Phase B voltage sample.</summary>
        VBWV = 0xE511,
        /// <summary>Phase C voltage sample.</summary>
        VCWV = 0xE512,
        /// <summary>Phase A total active power.</summary>
        AWATT = 0xE513,
        /// <summary>Phase B total active power.</summary>
        BWATT = 0xE514,
        /// <summary>Phase C total active power.</summary>
        CWATT = 0xE515,
        /// <summary>Phase A fundamental reactive power.</summary>
        AFVAR = 0xE516,
        /// <summary>Phase B fundamental reactive power.</summary>
        BFVAR = 0xE517,
        /// <summary>Phase C fundamental reactive power.</summary>
        CFVAR = 0xE518,
        /// <summary>Phase A apparent power.</summary>
        AVA = 0xE519,
        /// <summary>Phase B apparent power.</summary>
        BVA = 0xE51A,
        /// <summary>Phase C apparent power.</summary>
        CVA = 0xE51B,
        /// <summary>CRC-32 of the configuration registers (0xAFFA63B9 after reset).</summary>
        CHECKSUM = 0xE51F,
        /// <summary>Nominal phase voltage for apparent power when VNOMxEN is set.</summary>
        VNOM = 0xE520,
        /// <summary>Data of the last successful 32-bit read or write.</summary>
        LAST_RWDATA32 = 0xE5FF,
        /// <summary>Phase peak/over/sag status.</summary>
        PHSTATUS = 0xE600,
        /// <summary>Time delay 0 (256 kHz ticks), meaning set by COMPMODE.ANGLESEL.</summary>
        ANGLE0 = 0xE601,
        /// <summary>Time delay 1.</summary>
        ANGLE1 = 0xE602,
        /// <summary>Time delay 2.</summary>
        ANGLE2 = 0xE603,
        /// <summary>Phase no-load status.</summary>
        PHNOLOAD = 0xE608,
        /// <summary>Half line cycles of a line-cycle accumulation period.</summary>
        LINECYC = 0xE60C,
        /// <summary>Zero-crossing timeout.</summary>
        ZXTOUT = 0xE60D,
        /// <summary>Computation mode (TERMSELx, ANGLESEL, VNOMxEN, SELFREQ).</summary>
        COMPMODE = 0xE60E,
        /// <summary>PGA gains.</summary>
        GAIN = 0xE60F,
        /// <summary>CF pin configuration.</summary>
        CFMODE = 0xE610,
        /// <summary>CF1 divider.</summary>
        CF1DEN = 0xE611,
        /// <summary>CF2 divider.</summary>
        CF2DEN = 0xE612,
        /// <summary>CF3 divider.</summary>
        CF3DEN = 0xE613,
        /// <summary>Phase A phase calibration (10-bit, 16 ZP).</summary>
        APHCAL = 0xE614,
        /// <summary>Phase B phase calibration.</summary>
        BPHCAL = 0xE615,
        /// <summary>Phase C phase calibration.</summary>
        CPHCAL = 0xE616,
        /// <summary>Power sign bits.</summary>
        PHSIGN = 0xE617,
        /// <summary>Configuration (INTEN, CF2DIS, SWAP, SWRST …).</summary>
        CONFIG = 0xE618,
        /// <summary>Measurement mode (PEAKSEL).</summary>
        MMODE = 0xE700,
        /// <summary>Accumulation mode (WATTACC, VARACC, CONSEL, REVAPSEL).</summary>
        ACCMODE = 0xE701,
        /// <summary>Line-cycle accumulation mode (LWATT, LVAR, LVA, ZXSEL, RSTREAD).</summary>
        LCYCMODE = 0xE702,
        /// <summary>Half line cycles for peak detection.</summary>
        PEAKCYC = 0xE703,
        /// <summary>Half line cycles below SAGLVL before a sag.</summary>
        SAGCYC = 0xE704,
        /// <summary>CF pulses between energy latches.</summary>
        CFCYC = 0xE705,
        /// <summary>HSDC port configuration.</summary>
        HSDC_CFG = 0xE706,
        /// <summary>Die version.</summary>
        VERSION = 0xE707,
        /// <summary>DSP RAM write protection set (0x80 protects), after DSPWP_SEL = 0xAD.</summary>
        DSPWP_SET = 0xE7E3,
        /// <summary>Reserved; reads 0x08 when the checksum is valid.</summary>
        Reserved_E7E4 = 0xE7E4,
        /// <summary>Data of the last successful 8-bit read or write.</summary>
        LAST_RWDATA8 = 0xE7FD,
        /// <summary>DSP RAM write protection select (write 0xAD).</summary>
        DSPWP_SEL = 0xE7FE,
        /// <summary>Fundamental voltage rms (phase per HCONFIG.HPHASE).</summary>
        FVRMS = 0xE880,
        /// <summary>Fundamental current rms.</summary>
        FIRMS = 0xE881,
        /// <summary>Fundamental active power.</summary>
        FWATT = 0xE882,
        /// <summary>Fundamental reactive power.</summary>
        FVAR = 0xE883,
        /// <summary>Fundamental apparent power.</summary>
        FVA = 0xE884,
        /// <summary>Fundamental power factor.</summary>
        FPF = 0xE885,
        /// <summary>Voltage THD, signed 3.21 format.</summary>
        VTHD = 0xE886,
        /// <summary>Current THD, signed 3.21 format.</summary>
        ITHD = 0xE887,
        /// <summary>Rms of the voltage harmonic selected by HX on phase HPHASE (24-bit signed, 32 SE; data sheet Rev. A Table 33, 0xE888; Table 20 "Harmonic Engine Outputs").</summary>
        HXVRMS = 0xE888,
        /// <summary>Rms of the voltage harmonic selected by HY (0xE890, the HX block + 8).</summary>
        HYVRMS = 0xE890,
        /// <summary>Rms of the voltage harmonic selected by HZ (0xE898, the HX block + 16).</summary>
        HZVRMS = 0xE898,
        /// <summary>Harmonic configuration (HRCFG, HPHASE, HSTIME, HRATE, ACTPHSEL).</summary>
        HCONFIG = 0xE900,
        /// <summary>Phase A power factor (signed, LSB 2^-15).</summary>
        APF = 0xE902,
        /// <summary>Phase B power factor.</summary>
        BPF = 0xE903,
        /// <summary>Phase C power factor.</summary>
        CPF = 0xE904,
        /// <summary>Phase A line period (256 kHz ticks).</summary>
        APERIOD = 0xE905,
        /// <summary>Phase B line period.</summary>
        BPERIOD = 0xE906,
        /// <summary>Phase C line period.</summary>
        CPERIOD = 0xE907,
        /// <summary>Active power no-load threshold.</summary>
        APNOLOAD = 0xE908,
        /// <summary>Reactive power no-load threshold.</summary>
        VARNOLOAD = 0xE909,
        /// <summary>Apparent power no-load threshold.</summary>
        VANOLOAD = 0xE90A,
        /// <summary>Address of the last successful read or write.</summary>
        LAST_ADD = 0xE9FE,
        /// <summary>Data of the last successful 16-bit read or write.</summary>
        LAST_RWDATA16 = 0xE9FF,
        /// <summary>Configuration 3 (HPFEN, LPFSEL, INSEL, ININTEN).</summary>
        CONFIG3 = 0xEA00,
        /// <summary>Kind of the last successful operation: 0x35 read, 0xCA write.</summary>
        LAST_OP = 0xEA01,
        /// <summary>Active energy threshold.</summary>
        WTHR = 0xEA02,
        /// <summary>Reactive energy threshold.</summary>
        VARTHR = 0xEA03,
        /// <summary>Apparent energy threshold.</summary>
        VATHR = 0xEA04,
        /// <summary>Harmonic index X.</summary>
        HX = 0xEA08,
        /// <summary>Harmonic index Y.</summary>
        HY = 0xEA09,
        /// <summary>Harmonic index Z.</summary>
        HZ = 0xEA0A,
        /// <summary>An unallocated address used for the three SS toggles that select SPI.</summary>
        SpiSelectDummy = 0xEBFF,
        /// <summary>PSM2 current threshold.</summary>
        LPOILVL = 0xEC00,
        /// <summary>Configuration 2 (EXTREFEN, I2C_LOCK).</summary>
        CONFIG2 = 0xEC01,
    }
}
