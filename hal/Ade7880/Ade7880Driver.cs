namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Driver for the ADE7880 polyphase energy metering IC on SPI. The bus, pins and delay are
    /// constructor arguments, so the same driver serves the board and the simulated chip.
    /// <para>
    /// Metering cycle (<see cref="ReadEnergy"/>): verified reads of STATUS1, STATUS0 and the
    /// per-phase energy registers, one LAST_ADD liveness check, then write-1-to-clear of the
    /// status bits that were set. With read verification on and xFWATTHR off this is
    /// 2 + 2 + 9 × 2 + 1 = 23 frames (+1 per non-zero status register), no allocation.
    /// </para>
    /// <para>
    /// Energy safety: read-with-reset registers are read exactly once; a read that fails
    /// verification is recovered from LAST_RWDATA32, never re-read. A chip reset (STATUS1.RSTDONE)
    /// or configuration change (STATUS1.CRC) is detected at the start of the next cycle, the
    /// chip is re-initialised and the cycle reports zero counts: the only energy lost is what the
    /// chip had accumulated and not yet been read at the moment it reset (at most one cycle's
    /// worth), plus the time the DSP is stopped until RUN is set again.
    /// </para>
    /// </summary>
    public sealed class Ade7880Driver
    {
        /// <summary>RESET low time, µs (data sheet Rev. A, "Hardware Reset": at least 10 µs; 1 ms used).</summary>
        public const int ResetPulseMicroseconds = 1000;

        /// <summary>Poll interval while waiting for the end of a reset, µs.</summary>
        public const int PollMicroseconds = 1000;

        /// <summary>Polls before giving up on a reset (100 × 1 ms; reset typically completes in about 10 ms, see ade7880-notes.md §2).</summary>
        public const int ResetPolls = 100;

        /// <summary>CFMODE reset value, used as the chip identity check after selecting SPI.</summary>
        public const int CfModeResetValue = 0x0EA0;

        private readonly RegisterBus _bus;
        private readonly IOutputPin _reset;
        private readonly IOutputPin _pm0;
        private readonly IOutputPin _pm1;
        private readonly IInputPin _irq0;
        private readonly IInputPin _irq1;
        private readonly IDelay _delay;

        private Ade7880Configuration _configuration;
        private EnergyScale _activeScale;
        private EnergyScale _reactiveScale;
        private EnergyScale _apparentScale;
        private PowerMode _powerMode = PowerMode.Normal;
        private bool _running;
        private long _checksum = -1;
        private int _resetsRecovered;
        private int _irqFaults;
        private bool _irq0Pending;
        private bool _irq1Pending;

        /// <summary>Creates the driver; nothing is sent until <see cref="Start"/>.</summary>
        /// <param name="spi">The chip's SPI device (mode 3, ≤ 2.5 MHz).</param>
        /// <param name="reset">RESET pin (active low).</param>
        /// <param name="pm0">PM0 pin.</param>
        /// <param name="pm1">PM1 pin.</param>
        /// <param name="irq0">IRQ0 pin (active low).</param>
        /// <param name="irq1">IRQ1 pin (active low).</param>
        /// <param name="delay">Short waits (reset pulse, start-up polling).</param>
        public Ade7880Driver(ISpiDevice spi, IOutputPin reset, IOutputPin pm0, IOutputPin pm1, IInputPin irq0, IInputPin irq1, IDelay delay)
        {
            if (reset == null || pm0 == null || pm1 == null || irq0 == null || irq1 == null || delay == null)
                throw new Ade7880Exception("ADE7880: every pin and the delay must be given");
            _bus = new RegisterBus(spi);
            _reset = reset;
            _pm0 = pm0;
            _pm1 = pm1;
            _irq0 = irq0;
            _irq1 = irq1;
            _delay = delay;
            _reset.Write(true);
            _irq0.Changed += OnIrq0Changed;
            _irq1.Changed += OnIrq1Changed;
        }

        /// <summary>The register bus (frame and byte counters, raw access for diagnostics).</summary>
        public RegisterBus Bus { get { return _bus; } }

        /// <summary>Watt-hours per xWATTHR/xFWATTHR count.</summary>
        public EnergyScale ActiveScale { get { return _activeScale; } }

        /// <summary>Var-hours per xFVARHR count.</summary>
        public EnergyScale ReactiveScale { get { return _reactiveScale; } }

        /// <summary>VA-hours per xVAHR count.</summary>
        public EnergyScale ApparentScale { get { return _apparentScale; } }

        /// <summary>True once <see cref="Start"/> succeeded and the DSP runs.</summary>
        public bool IsRunning { get { return _running; } }

        /// <summary>The CHECKSUM verified at the last start-up (-1 before).</summary>
        public long Checksum { get { return _checksum; } }

        /// <summary>Chip resets (or configuration changes) detected and recovered in metering cycles.</summary>
        public int ResetsRecovered { get { return _resetsRecovered; } }

        /// <summary>Times an IRQ pin disagreed with the status registers (stuck or missing edge).</summary>
        public int IrqFaults { get { return _irqFaults; } }

        /// <summary>The power mode the PM pins select.</summary>
        public PowerMode PowerMode { get { return _powerMode; } }

        /// <summary>IRQ0 fell since the last metering cycle (energy ready, CF, …).</summary>
        public bool Irq0Pending { get { return _irq0Pending; } }

        /// <summary>IRQ1 fell since the last metering cycle (reset done, sag, zero-crossing timeout, …).</summary>
        public bool Irq1Pending { get { return _irq1Pending; } }

        /// <summary>
        /// Resets the chip and brings it up with <paramref name="configuration"/>: PSM0, hardware
        /// reset, wait for RSTDONE, select and lock SPI, configure, DSP RAM with the last register
        /// written three times, write protection, read back and verify every register, RUN,
        /// discard the energy accumulated before, verify CHECKSUM. Throws
        /// <see cref="Ade7880NotRespondingException"/> or <see cref="Ade7880VerificationException"/>.
        /// </summary>
        public void Start(Ade7880Configuration configuration)
        {
            if (configuration == null) throw new System.ArgumentException("ADE7880: configuration is null");
            configuration.Validate();
            _configuration = configuration;
            _activeScale = new EnergyScale(configuration.ActiveThreshold, configuration.FullScaleVoltageMillivolts, configuration.FullScaleCurrentMilliamps);
            _reactiveScale = new EnergyScale(configuration.ReactiveThreshold, configuration.FullScaleVoltageMillivolts, configuration.FullScaleCurrentMilliamps);
            _apparentScale = new EnergyScale(configuration.ApparentThreshold, configuration.FullScaleVoltageMillivolts, configuration.FullScaleCurrentMilliamps);
            _checksum = -1;
            Restart();
        }

        /// <summary>
        /// One metering cycle into <paramref name="reading"/> (allocated once by the caller).
        /// See the class remarks for the frames used and the energy guarantees.
        /// </summary>
        public void ReadEnergy(EnergyReading reading)
        {
            if (!_running) throw new Ade7880Exception("ADE7880: ReadEnergy before a successful Start or in a low-power mode");
            reading.Clear();
            bool verify = _configuration.VerifyReads;
            _irq0Pending = false;
            _irq1Pending = false;

            uint status1 = ReadStatus(Register.STATUS1, verify);
            if ((status1 & (StatusBits.RSTDONE | StatusBits.CRC)) != 0)
            {
                // The chip reset (or its configuration changed) since the last cycle: its energy
                // registers no longer hold trustworthy counts. Bring it up again; report zero.
                reading.Status1 = status1;
                reading.ChipWasReset = true;
                reading.Events = MeterEvents.ResetDone | ((status1 & StatusBits.CRC) != 0 ? MeterEvents.ChecksumChanged : 0);
                _resetsRecovered++;
                Restart();
                return;
            }
            uint status0 = ReadStatus(Register.STATUS0, verify);
            Register last = Register.STATUS0;

            // In line-cycle accumulation (LCYCMODE.LWATT/LVAR/LVA) the registers hold the last
            // period's energy until the next period ends: take it once, when LENERGY says a new
            // period was latched (data sheet Rev. A, "Line Cycle Active Energy Accumulation Mode").
            bool lineCycle = (_configuration.LcycMode & 0x07) != 0;
            bool takeEnergy = !lineCycle || (status0 & StatusBits.LENERGY) != 0;
            for (int phase = 0; phase < 3 && takeEnergy; phase++)
            {
                last = Register.CVAHR;
                reading.Active[phase] = ReadEnergyRegister((Register)((int)Register.AWATTHR + phase), verify, reading);
                if (_configuration.ReadFundamentalActive)
                    reading.FundamentalActive[phase] = ReadEnergyRegister((Register)((int)Register.AFWATTHR + phase), verify, reading);
                reading.Reactive[phase] = ReadEnergyRegister((Register)((int)Register.AFVARHR + phase), verify, reading);
                reading.Apparent[phase] = ReadEnergyRegister((Register)((int)Register.AVAHR + phase), verify, reading);
            }

            // Liveness: the chip's own record of the last address must name the last register read.
            // A missing chip or a MISO line stuck low reads all zeros, which LAST_RWDATA alone cannot tell.
            // A corrupted read of LAST_ADD itself is retried (bounded) before the chip is declared lost.
            int lastAddress = (int)_bus.ReadRaw(Register.LAST_ADD, 2);
            for (int attempt = 0; attempt < 3 && lastAddress != (int)last; attempt++)
                lastAddress = (int)_bus.ReadRaw(Register.LAST_ADD, 2);
            if (lastAddress != (int)last)
            {
                reading.Clear();
                _running = false;
                throw new Ade7880NotRespondingException(string.Concat("ADE7880 does not answer: LAST_ADD read ", HexText.Format((uint)lastAddress, 4)));
            }

            // Write-1-to-clear what was seen (data sheet Rev. A, "Interrupts"); bits set since stay set.
            if (status0 != 0) _bus.WriteRaw(Register.STATUS0, 4, status0);
            if (status1 != 0) _bus.WriteRaw(Register.STATUS1, 4, status1);

            reading.Status0 = status0;
            reading.Status1 = status1;
            reading.Events = DecodeEvents(status0, status1);

            // An IRQ pin still low although nothing enabled is pending any more: stuck line.
            if (!_irq0.Read() && (status0 & _configuration.Mask0) == 0) _irqFaults++;
        }

        /// <summary>
        /// Reads rms values, powers, periods, angles, power factors, peaks and (if the harmonic
        /// engine is on) THD into <paramref name="measurements"/>: 27 frames (29 with THD),
        /// single unverified reads since these values are not accumulated.
        /// </summary>
        public void ReadMeasurements(PhaseMeasurements measurements)
        {
            if (!_running) throw new Ade7880Exception("ADE7880: ReadMeasurements before a successful Start or in a low-power mode");
            for (int phase = 0; phase < 3; phase++)
            {
                // Table 30: xIRMS at 0x43C0 + 2·phase, xVRMS at 0x43C1 + 2·phase.
                measurements.CurrentRms[phase] = _bus.Read((Register)((int)Register.AIRMS + 2 * phase));
                measurements.VoltageRms[phase] = _bus.Read((Register)((int)Register.AVRMS + 2 * phase));
                measurements.ActivePower[phase] = _bus.Read((Register)((int)Register.AWATT + phase));
                measurements.ReactivePower[phase] = _bus.Read((Register)((int)Register.AFVAR + phase));
                measurements.ApparentPower[phase] = _bus.Read((Register)((int)Register.AVA + phase));
                measurements.Period[phase] = _bus.Read((Register)((int)Register.APERIOD + phase));
                measurements.Angle[phase] = _bus.Read((Register)((int)Register.ANGLE0 + phase));
                measurements.PowerFactor[phase] = _bus.Read((Register)((int)Register.APF + phase));
            }
            measurements.NeutralCurrentRms = _bus.Read(Register.NIRMS);
            measurements.VoltagePeak = _bus.ReadRaw(Register.VPEAK, 4);
            measurements.CurrentPeak = _bus.ReadRaw(Register.IPEAK, 4);
            // HCONFIG.HRATE (bits 7:5) = 111 disables the harmonic calculations.
            measurements.HarmonicsEnabled = ((_configuration.HConfig >> 5) & 7) != 7;
            if (measurements.HarmonicsEnabled)
            {
                measurements.VoltageThd = _bus.Read(Register.VTHD);
                measurements.CurrentThd = _bus.Read(Register.ITHD);
            }
            else
            {
                measurements.VoltageThd = 0;
                measurements.CurrentThd = 0;
            }
        }

        /// <summary>
        /// Reads the mean absolute currents xIMAV (PSM1 tamper/missing-neutral measurement) into
        /// <paramref name="currents"/> (length 3).
        /// </summary>
        public void ReadMeanAbsoluteCurrents(int[] currents)
        {
            if (_powerMode != PowerMode.ReducedPower && _powerMode != PowerMode.Normal)
                throw new Ade7880Exception("ADE7880: xIMAV is readable in PSM0 and PSM1 only");
            for (int phase = 0; phase < 3; phase++)
                currents[phase] = _bus.Read((Register)((int)Register.AIMAV + phase));
        }

        /// <summary>
        /// Selects a power mode through PM1/PM0 (data sheet Rev. A, "Power Management", PM1/PM0 table). Leaving for PSM0
        /// resets the chip's registers (all but CONFIG2 and LPOILVL), so the driver waits for
        /// RSTDONE and configures it again.
        /// </summary>
        public void SetPowerMode(PowerMode mode)
        {
            WritePowerModePins(mode);
            PowerMode previous = _powerMode;
            _powerMode = mode;
            if (mode != PowerMode.Normal)
            {
                _running = false;
                return;
            }
            if (previous != PowerMode.Normal && _configuration != null)
            {
                WaitForResetDone();
                Configure();
            }
        }

        private void Restart()
        {
            _running = false;
            WritePowerModePins(PowerMode.Normal);
            _powerMode = PowerMode.Normal;
            // Hardware reset: RESET low for at least 10 µs (data sheet Rev. A, "Hardware Reset").
            _reset.Write(false);
            _delay.Wait(ResetPulseMicroseconds);
            _reset.Write(true);
            WaitForResetDone();
            Configure();
        }

        private void WritePowerModePins(PowerMode mode)
        {
            // Data sheet "Power Management": PSM0 PM1=0 PM0=1; PSM1 0/0; PSM2 1/0; PSM3 1/1.
            bool pm0 = mode == PowerMode.Normal || mode == PowerMode.Sleep;
            bool pm1 = mode == PowerMode.LowPower || mode == PowerMode.Sleep;
            _pm1.Write(pm1);
            _pm0.Write(pm0);
        }

        /// <summary>
        /// Waits for the end of the reset: IRQ1 falls (data sheet Rev. A, "Power-Up Procedure"),
        /// then the serial port is selected and locked and the chip proves itself (CFMODE reset
        /// value, 0xE7E4 = 0x08, RSTDONE set). The IRQ pin alone is not trusted (it can be stuck);
        /// the register check is retried until the chip answers or the time is up.
        /// </summary>
        private void WaitForResetDone()
        {
            bool irqSeen = false;
            for (int i = 0; i < ResetPolls; i++)
            {
                if (!_irq1.Read())
                {
                    irqSeen = true;
                    break;
                }
                _delay.Wait(PollMicroseconds);
            }
            for (int attempt = 0; attempt < ResetPolls; attempt++)
            {
                SelectAndLockSpi();
                if (ChipAnswers())
                {
                    if (!irqSeen) _irqFaults++;
                    return;
                }
                _delay.Wait(PollMicroseconds);
            }
            throw new Ade7880NotRespondingException("ADE7880 did not come out of reset or does not answer on SPI");
        }

        private void SelectAndLockSpi()
        {
            // SPI is chosen by toggling SS high→low three times; three writes to an unallocated
            // address do it (data sheet Rev. A, "Serial Interfaces"). CONFIG2.I2C_LOCK (bit 1) then
            // locks the choice until the next reset.
            for (int i = 0; i < 3; i++) _bus.WriteRaw(Register.SpiSelectDummy, 1, 0x01);
            _bus.WriteRaw(Register.CONFIG2, 1, 0x02);
        }

        private bool ChipAnswers()
        {
            if (_bus.ReadRaw(Register.CFMODE, 2) != CfModeResetValue) return false;
            // Reserved 0xE7E4 reads 0x08 after a reset (data sheet Rev. A, "Checksum Register").
            if (_bus.ReadRaw(Register.Reserved_E7E4, 1) != 0x08) return false;
            if ((_bus.ReadRaw(Register.CONFIG2, 1) & 0x02) == 0) return false;
            return (_bus.ReadRaw(Register.STATUS1, 4) & StatusBits.RSTDONE) != 0;
        }

        private void Configure()
        {
            Ade7880Configuration c = _configuration;
            // Clear RSTDONE and everything else (write 1 to clear); releases IRQ1.
            _bus.WriteRaw(Register.STATUS0, 4, 0xFFFFFFFF);
            _bus.WriteRaw(Register.STATUS1, 4, 0xFFFFFFFF);

            ApplyRegisters(c, false);
            ApplyDspRam(c, false);
            // The DSP RAM write pipeline commits a write only when more follow: write the last
            // register two more times (three in all) (data sheet Rev. A, "Digital Signal Processor").
            int lastValue = c.GetDspRegister(Register.HZVRMSOS);
            _bus.Write(Register.HZVRMSOS, lastValue);
            _bus.Write(Register.HZVRMSOS, lastValue);
            // Protect the DSP RAM: 0xAD to DSPWP_SEL, then 0x80 to DSPWP_SET.
            _bus.WriteRaw(Register.DSPWP_SEL, 1, 0xAD);
            _bus.WriteRaw(Register.DSPWP_SET, 1, 0x80);

            ApplyRegisters(c, true);
            ApplyDspRam(c, true);

            // Start the DSP (Table 31: RUN = 0x0001).
            _bus.WriteRaw(Register.RUN, 2, 0x0001);
            Check(Register.RUN, 0x0001);
            // Discard what accumulated while the configuration was incomplete (read-with-reset).
            for (int i = 0; i < 15; i++)
            {
                Register energy = (Register)((int)Register.AWATTHR + i);
                if (RegisterMap.FormatOf(energy) != WireFormat.None) _bus.ReadRaw(energy, 4);
            }

            uint checksum = _bus.ReadRawVerified(Register.CHECKSUM, 4);
            if (c.ExpectedChecksum >= 0 && checksum != (uint)c.ExpectedChecksum)
                throw new Ade7880VerificationException(Register.CHECKSUM, (uint)c.ExpectedChecksum, checksum);
            // After a re-initialisation the same configuration must give the same checksum.
            if (_checksum >= 0 && checksum != (uint)_checksum)
                throw new Ade7880VerificationException(Register.CHECKSUM, (uint)_checksum, checksum);
            _checksum = checksum;
            _bus.WriteRaw(Register.STATUS0, 4, 0xFFFFFFFF);
            _bus.WriteRaw(Register.STATUS1, 4, 0xFFFFFFFF);
            _running = true;
        }

        /// <summary>Writes (or, with <paramref name="verify"/>, reads back and checks) the control registers.</summary>
        private void ApplyRegisters(Ade7880Configuration c, bool verify)
        {
            Apply(Register.GAIN, c.Gain, verify);
            Apply(Register.CONFIG, c.Config, verify);
            Apply(Register.COMPMODE, c.CompMode, verify);
            Apply(Register.ACCMODE, c.AccMode, verify);
            Apply(Register.LCYCMODE, c.LcycMode, verify);
            Apply(Register.LINECYC, c.LineCycles, verify);
            Apply(Register.CONFIG3, c.Config3, verify);
            Apply(Register.HCONFIG, c.HConfig, verify);
            Apply(Register.MMODE, c.MMode, verify);
            Apply(Register.PEAKCYC, c.PeakCycles, verify);
            Apply(Register.SAGCYC, c.SagCycles, verify);
            Apply(Register.ZXTOUT, c.ZeroCrossingTimeout, verify);
            Apply(Register.CFCYC, c.CfCycles, verify);
            for (int i = 0; i < 3; i++)
            {
                Apply((Register)((int)Register.APHCAL + i), c.PhaseCalibration[i], verify);
                Apply((Register)((int)Register.APNOLOAD + i), c.NoLoadThresholds[i], verify);
                Apply((Register)((int)Register.HX + i), c.HarmonicIndexes[i], verify);
                Apply((Register)((int)Register.CF1DEN + i), c.CfDenominators[i], verify);
            }
            Apply(Register.WTHR, c.ActiveThreshold, verify);
            Apply(Register.VARTHR, c.ReactiveThreshold, verify);
            Apply(Register.VATHR, c.ApparentThreshold, verify);
            Apply(Register.VNOM, c.NominalVoltageCode, verify);
            Apply(Register.SAGLVL, c.SagLevel, verify);
            Apply(Register.OVLVL, c.OverVoltageLevel, verify);
            Apply(Register.OILVL, c.OverCurrentLevel, verify);
            Apply(Register.MASK0, (int)c.Mask0, verify);
            Apply(Register.MASK1, (int)c.Mask1, verify);
            // CFMODE enables the CF outputs; written before RUN so that the checksum the chip
            // takes at RUN = 1 already covers it (a later write would raise STATUS1.CRC).
            Apply(Register.CFMODE, c.CfMode, verify);
        }

        private void ApplyDspRam(Ade7880Configuration c, bool verify)
        {
            for (int address = Ade7880Configuration.DspRamFirst; address <= Ade7880Configuration.DspRamLast; address++)
            {
                Register register = (Register)address;
                if (RegisterMap.FormatOf(register) == WireFormat.None) continue;
                Apply(register, c.GetDspRegister(register), verify);
            }
        }

        private void Apply(Register register, int value, bool verify)
        {
            if (verify) Check(register, RegisterMap.Encode(RegisterMap.FormatOf(register), value));
            else _bus.Write(register, value);
        }

        private void Check(Register register, uint expected)
        {
            int bytes = RegisterMap.WireBytes(RegisterMap.FormatOf(register));
            uint actual = _bus.ReadRawVerified(register, bytes);
            if (actual != expected) throw new Ade7880VerificationException(register, expected, actual);
        }

        private uint ReadStatus(Register register, bool verify)
        {
            return verify ? _bus.ReadRawVerified(register, 4) : _bus.ReadRaw(register, 4);
        }

        private int ReadEnergyRegister(Register register, bool verify, EnergyReading reading)
        {
            if (!verify) return (int)_bus.ReadRaw(register, 4);
            uint value;
            if (_bus.TryReadRawVerified(register, 4, out value)) return (int)value;
            // The register was cleared by the read but its value could not be proven: count
            // nothing for it (this cycle's counts of this register are lost) and go on.
            reading.FailedReads++;
            return 0;
        }

        private static int DecodeEvents(uint status0, uint status1)
        {
            int events = 0;
            if ((status0 & StatusBits.LENERGY) != 0) events |= MeterEvents.EnergyReady;
            if ((status0 & (StatusBits.CF1 | StatusBits.CF2 | StatusBits.CF3)) != 0) events |= MeterEvents.CfPulse;
            if ((status0 & (StatusBits.REVAPMask | StatusBits.REVFRPMask)) != 0) events |= MeterEvents.PowerReversal;
            if ((status0 & StatusBits.HREADY) != 0) events |= MeterEvents.HarmonicsReady;
            if ((status1 & StatusBits.SAG) != 0) events |= MeterEvents.Sag;
            if ((status1 & (StatusBits.ZXTOVMask | StatusBits.ZXTOIMask)) != 0) events |= MeterEvents.ZeroCrossingTimeout;
            if ((status1 & StatusBits.OV) != 0) events |= MeterEvents.OverVoltage;
            if ((status1 & StatusBits.OI) != 0) events |= MeterEvents.OverCurrent;
            if ((status1 & StatusBits.MISMTCH) != 0) events |= MeterEvents.NeutralMismatch;
            return events;
        }

        private void OnIrq0Changed(IInputPin pin, bool isHigh)
        {
            if (!isHigh) _irq0Pending = true;
        }

        private void OnIrq1Changed(IInputPin pin, bool isHigh)
        {
            if (!isHigh) _irq1Pending = true;
        }
    }
}
