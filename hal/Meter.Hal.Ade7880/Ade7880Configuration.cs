namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Everything the driver writes at start-up. Defaults are the chip's reset values (ADE7880
    /// data sheet Rev. A, Tables 30–33) except where noted; a board or calibration record sets
    /// the rest. Plain fields so that a board description can fill it without allocation.
    /// </summary>
    public sealed class Ade7880Configuration
    {
        /// <summary>First DSP data memory RAM address written at start-up (AIGAIN).</summary>
        public const int DspRamFirst = 0x4380;

        /// <summary>Last DSP data memory RAM address written at start-up (HZVRMSOS); written three times (data sheet Rev. A, "Digital Signal Processor").</summary>
        public const int DspRamLast = 0x43B9;

        private readonly int[] _dspRam = new int[DspRamLast - DspRamFirst + 1];
        private bool _vLevelSet;

        /// <summary>Rms mains voltage that drives the voltage ADC to full scale (0.5 V peak at the pin), mV. Board scaling.</summary>
        public int FullScaleVoltageMillivolts = 0;

        /// <summary>Rms mains current that drives the current ADC to full scale, mA. Board scaling.</summary>
        public int FullScaleCurrentMilliamps = 0;

        /// <summary>
        /// Nominal phase voltage Un, mV. Unless VLEVEL is set explicitly with
        /// <see cref="SetDspRegister"/>, the driver writes VLEVEL = Ufs / Un × 491,520
        /// (<see cref="VLevel"/>): the data sheet's DSP RAM table says the fundamental active and
        /// reactive powers (xFWATTHR, xFVARHR: the meter's reactive energy) and the harmonic
        /// results work properly only with VLEVEL set that way. 0 leaves VLEVEL at 0.
        /// </summary>
        public int NominalPhaseVoltageMillivolts = 230000;

        /// <summary>GAIN register (PGA1 currents, PGA2 neutral, PGA3 voltages).</summary>
        public int Gain = 0x0000;

        /// <summary>CONFIG register (INTEN for di/dt sensors, CF2DIS …). SWRST (bit 7) must stay 0.</summary>
        public int Config = 0x0002;

        /// <summary>COMPMODE (TERMSELx, ANGLESEL, VNOMxEN, SELFREQ bit 14 = 60 Hz).</summary>
        public int CompMode = 0x01FF;

        /// <summary>ACCMODE (WATTACC, VARACC, CONSEL, REVAPSEL).</summary>
        public int AccMode = 0x80;

        /// <summary>LCYCMODE; the default 0x78 keeps RSTREAD (bit 6): energy registers clear on read.</summary>
        public int LcycMode = 0x78;

        /// <summary>LINECYC: half line cycles of a line-cycle accumulation period.</summary>
        public int LineCycles = 0xFFFF;

        /// <summary>CONFIG3.</summary>
        public int Config3 = 0x01;

        /// <summary>HCONFIG (harmonic engine; HRATE bits 7:5 = 111 turns it off).</summary>
        public int HConfig = 0x08;

        /// <summary>MMODE (PEAKSEL).</summary>
        public int MMode = 0x1C;

        /// <summary>PEAKCYC.</summary>
        public int PeakCycles = 0;

        /// <summary>SAGCYC: half cycles below SAGLVL before a sag.</summary>
        public int SagCycles = 0;

        /// <summary>ZXTOUT: zero-crossing timeout.</summary>
        public int ZeroCrossingTimeout = 0xFFFF;

        /// <summary>CFCYC.</summary>
        public int CfCycles = 0x01;

        /// <summary>CFMODE (CFxSEL, CFxDIS, CFxLATCH); reset value has all three CF pins disabled.</summary>
        public int CfMode = 0x0EA0;

        /// <summary>CF1DEN, CF2DEN, CF3DEN (index 0..2).</summary>
        public readonly int[] CfDenominators = new int[3];

        /// <summary>APHCAL, BPHCAL, CPHCAL (10-bit).</summary>
        public readonly int[] PhaseCalibration = new int[3];

        /// <summary>APNOLOAD, VARNOLOAD, VANOLOAD (never 0xFFFF).</summary>
        public readonly int[] NoLoadThresholds = new int[3];

        /// <summary>WTHR: active energy threshold (default 3).</summary>
        public int ActiveThreshold = 3;

        /// <summary>VARTHR: reactive energy threshold (default 3).</summary>
        public int ReactiveThreshold = 3;

        /// <summary>VATHR: apparent energy threshold (default 3).</summary>
        public int ApparentThreshold = 3;

        /// <summary>VNOM.</summary>
        public int NominalVoltageCode = 0;

        /// <summary>SAGLVL.</summary>
        public int SagLevel = 0;

        /// <summary>OVLVL.</summary>
        public int OverVoltageLevel = 0xFFFFFF;

        /// <summary>OILVL.</summary>
        public int OverCurrentLevel = 0xFFFFFF;

        /// <summary>MASK0 (IRQ0 enables).</summary>
        public uint Mask0 = 0;

        /// <summary>MASK1 (IRQ1 enables).</summary>
        public uint Mask1 = 0;

        /// <summary>
        /// Power-quality measurement (see <see cref="Meter.Hal.MeteringChipConfiguration.QualityMeasurement"/>):
        /// COMPMODE.ANGLESEL is written 01 (delays between phase voltages) and HX/HY/HZ start at 2, 3, 4 and
        /// step through the orders up to 25 (<see cref="HarmonicIndexes"/> is then not used).
        /// </summary>
        public bool QualityMeasurement;

        /// <summary>COMPMODE as written: ANGLESEL (bits 10:9) = 01 with <see cref="QualityMeasurement"/>.</summary>
        public int CompModeToWrite()
        {
            return QualityMeasurement ? (CompMode & ~0x0600) | 0x0200 : CompMode;
        }

        /// <summary>HX (0), HY (1), HZ (2) as written at start-up.</summary>
        public int HarmonicIndexToWrite(int slot)
        {
            return QualityMeasurement ? 2 + slot : HarmonicIndexes[slot];
        }

        /// <summary>HX, HY, HZ harmonic indexes.</summary>
        public readonly int[] HarmonicIndexes = new int[] { 3, 5, 7 };

        /// <summary>CHECKSUM the chip must show after start-up, or -1 to learn it at the first start.</summary>
        public long ExpectedChecksum = -1;

        /// <summary>Verify every metering-cycle read with LAST_RWDATA (one more frame per read).</summary>
        public bool VerifyReads = true;

        /// <summary>Also read the fundamental active energy registers (xFWATTHR) each cycle.</summary>
        public bool ReadFundamentalActive = false;

        /// <summary>Sets a DSP data memory RAM register (0x4380..0x43B9) written at start-up.</summary>
        public void SetDspRegister(Register register, int value)
        {
            int index = (int)register - DspRamFirst;
            WireFormat format = RegisterMap.FormatOf(register);
            if (index < 0 || index >= _dspRam.Length || format == WireFormat.None)
                throw new System.ArgumentException("not a writable ADE7880 DSP RAM register");
            if (!RegisterMap.Fits(format, value))
                throw new System.ArgumentException("value out of range for the ADE7880 DSP RAM register");
            _dspRam[index] = value;
            if (register == Register.VLEVEL) _vLevelSet = true;
        }

        /// <summary>The value a DSP data memory RAM register gets at start-up (VLEVEL: <see cref="VLevel"/> unless set).</summary>
        public int GetDspRegister(Register register)
        {
            int index = (int)register - DspRamFirst;
            if (index < 0 || index >= _dspRam.Length) throw new System.ArgumentException("not an ADE7880 DSP RAM register");
            if (register == Register.VLEVEL && !_vLevelSet) return VLevel();
            return _dspRam[index];
        }

        /// <summary>
        /// VLEVEL for <see cref="FullScaleVoltageMillivolts"/> and <see cref="NominalPhaseVoltageMillivolts"/>:
        /// Ufs / Un × 491,520, rounded down (the VLEVEL equation of the ADE78xx data sheets, with
        /// Ufs the rms voltage at ADC full scale; constant as in ade7880-notes.md §5.1 and the
        /// SmartPi ADE7878 VLEVEL calculation). 0 when either voltage is not set.
        /// </summary>
        public int VLevel()
        {
            if (FullScaleVoltageMillivolts <= 0 || NominalPhaseVoltageMillivolts <= 0) return 0;
            long level = (long)FullScaleVoltageMillivolts * 491520L / NominalPhaseVoltageMillivolts;
            return level > 0x7FFFFFF ? 0x7FFFFFF : (int)level; // 28-bit signed register (32 ZP)
        }

        /// <summary>Checks every field against its register's range; throws <see cref="System.ArgumentException"/> naming the first bad one.</summary>
        public void Validate()
        {
            if (FullScaleVoltageMillivolts <= 0) throw new System.ArgumentException("ADE7880 configuration: FullScaleVoltageMillivolts must be positive");
            if (FullScaleCurrentMilliamps <= 0) throw new System.ArgumentException("ADE7880 configuration: FullScaleCurrentMilliamps must be positive");
            if (NominalPhaseVoltageMillivolts < 0) throw new System.ArgumentException("ADE7880 configuration: NominalPhaseVoltageMillivolts must not be negative");
            if ((Config & 0x80) != 0) throw new System.ArgumentException("ADE7880 configuration: CONFIG.SWRST must be 0");
            if ((LcycMode & 0x07) != 0 && (LcycMode & 0x07) != 0x07)
                throw new System.ArgumentException("ADE7880 configuration: line-cycle accumulation must cover LWATT, LVAR and LVA together");
            if ((LcycMode & 0x07) != 0 && (LcycMode & 0x40) != 0)
                throw new System.ArgumentException("ADE7880 configuration: line-cycle accumulation needs LCYCMODE.RSTREAD = 0");
            CheckRange(Gain, 0xFFFF, "GAIN");
            CheckRange(Config, 0xFFFF, "CONFIG");
            CheckRange(CompMode, 0xFFFF, "COMPMODE");
            CheckRange(AccMode, 0xFF, "ACCMODE");
            CheckRange(LcycMode, 0xFF, "LCYCMODE");
            CheckRange(LineCycles, 0xFFFF, "LINECYC");
            CheckRange(Config3, 0xFF, "CONFIG3");
            CheckRange(HConfig, 0xFFFF, "HCONFIG");
            // The harmonic scan waits for HREADY after each phase/order switch: HRATE (bits 7:5) must not be 111 (engine off)
            // and HRCFG (bit 0) must be 0 (HREADY when the results have settled, not at every update).
            if (QualityMeasurement && (((HConfig >> 5) & 7) == 7 || (HConfig & 1) != 0))
                throw new System.ArgumentException("ADE7880 configuration: quality measurement needs the harmonic engine on (HCONFIG.HRATE not 111) with HRCFG = 0");
            // ANGLESEL = 01 measures the delays between phase voltages from their zero crossings: three voltage sensors.
            if (QualityMeasurement && ((AccMode >> 4) & 3) != 0)
                throw new System.ArgumentException("ADE7880 configuration: quality measurement needs ACCMODE.CONSEL = 00 (3-phase 4-wire, three voltage sensors)");
            CheckRange(MMode, 0xFF, "MMODE");
            CheckRange(PeakCycles, 0xFF, "PEAKCYC");
            CheckRange(SagCycles, 0xFF, "SAGCYC");
            CheckRange(ZeroCrossingTimeout, 0xFFFF, "ZXTOUT");
            CheckRange(CfCycles, 0xFF, "CFCYC");
            CheckRange(CfMode, 0xFFFF, "CFMODE");
            for (int i = 0; i < 3; i++)
            {
                CheckRange(CfDenominators[i], 0xFFFF, "CFxDEN");
                CheckRange(PhaseCalibration[i], 0x3FF, "xPHCAL");
                CheckRange(NoLoadThresholds[i], 0xFFFE, "xNOLOAD");
                CheckRange(HarmonicIndexes[i], 0xFF, "HX/HY/HZ");
            }
            if (ActiveThreshold < 1 || ActiveThreshold > 255) throw new System.ArgumentException("ADE7880 configuration: WTHR must be 1..255");
            if (ReactiveThreshold < 1 || ReactiveThreshold > 255) throw new System.ArgumentException("ADE7880 configuration: VARTHR must be 1..255");
            if (ApparentThreshold < 1 || ApparentThreshold > 255) throw new System.ArgumentException("ADE7880 configuration: VATHR must be 1..255");
            CheckRange(NominalVoltageCode, 0x7FFFFF, "VNOM"); // 24-bit signed (Table 33); an rms code is never negative
            CheckRange(SagLevel, 0xFFFFFF, "SAGLVL");
            CheckRange(OverVoltageLevel, 0xFFFFFF, "OVLVL");
            CheckRange(OverCurrentLevel, 0xFFFFFF, "OILVL");
        }

        /// <summary>
        /// GAIN register value for PGA gains 1, 2, 4, 8 or 16: PGA1 (phase currents) in bits 2:0, PGA2 (neutral
        /// current, same as PGA1 here) in bits 5:3, PGA3 (voltages) in bits 8:6; code 0..4 = gain 1, 2, 4, 8, 16
        /// (ADE7880 data sheet Rev. C, GAIN register bit descriptions).
        /// </summary>
        public static int GainRegisterFor(int currentPga, int voltagePga)
        {
            int current = PgaCode(currentPga);
            return current | (current << 3) | (PgaCode(voltagePga) << 6);
        }

        private static int PgaCode(int gain)
        {
            if (gain != 1 && gain != 2 && gain != 4 && gain != 8 && gain != 16) throw new System.ArgumentException("ADE7880 PGA gain is 1, 2, 4, 8 or 16");
            int code = 0;
            while ((1 << code) < gain) code++;
            return code;
        }

        private static void CheckRange(int value, int max, string name)
        {
            if (value < 0 || value > max) throw new System.ArgumentException(string.Concat("ADE7880 configuration: ", name, " out of range"));
        }
    }
}
