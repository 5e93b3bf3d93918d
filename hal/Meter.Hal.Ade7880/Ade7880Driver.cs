namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Driver for the ADE7880 polyphase energy metering IC on SPI. The bus, pins and delay are
    /// constructor arguments, so the same driver serves the board and the simulated chip.
    /// <para>
    /// Metering cycle (<see cref="TakeEnergy"/>, a destructive read: the energy registers clear on read): verified reads of STATUS1, STATUS0 and the
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
    /// worth, plus less than one LSB per register in its internal accumulator), plus the time the
    /// DSP is stopped until RUN is set again. A reset that left the serial port on I2C with MISO
    /// reading zero is caught too (<see cref="SerialPortLost"/>).
    /// </para>
    /// </summary>
    public sealed partial class Ade7880Driver : IMeteringChip
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
        private int _harmonicPhase;
        private int _harmonicFirstOrder = 2;

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
        /// One metering cycle into <paramref name="reading"/> (allocated once by the caller): takes the
        /// energy registers, which the read clears (read-with-reset), so each count is delivered once.
        /// See the class remarks for the frames used and the energy guarantees.
        /// </summary>
        public void TakeEnergy(EnergyReading reading)
        {
            if (!_running) throw new Ade7880Exception("ADE7880: TakeEnergy before a successful Start or in a low-power mode");
            reading.Clear();
            bool verify = _configuration.VerifyReads;

            uint status1 = ReadStatus(Register.STATUS1, verify);
            if ((status1 & (StatusBits.RSTDONE | StatusBits.CRC)) != 0 || SerialPortLost(status1))
            {
                // The chip reset (or its configuration changed) since the last cycle: its energy
                // registers no longer hold trustworthy counts. Bring it up again; report zero.
                reading.Status1 = status1;
                reading.VoltageTimeouts = VoltageTimeouts(status1);
                reading.ChipWasReset = true;
                // ResetDone only for RSTDONE: a CRC change, or a reset that left the port on I2C (RSTDONE read as 0), is a configuration change.
                reading.Events = ((status1 & StatusBits.RSTDONE) != 0 ? MeterEvents.ResetDone : 0) | ((status1 & StatusBits.CRC) != 0 ? MeterEvents.ChecksumChanged : 0);
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
                reading.Active[phase] = TakeEnergyRegister((Register)((int)Register.AWATTHR + phase), verify, reading);
                if (_configuration.ReadFundamentalActive)
                    reading.FundamentalActive[phase] = TakeEnergyRegister((Register)((int)Register.AFWATTHR + phase), verify, reading);
                reading.Reactive[phase] = TakeEnergyRegister((Register)((int)Register.AFVARHR + phase), verify, reading);
                reading.Apparent[phase] = TakeEnergyRegister((Register)((int)Register.AVAHR + phase), verify, reading);
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
            // HREADY is left for ReadMeasurements, which owns the harmonic engine (per-phase THD):
            // it stays set while the engine runs, so clearing it here would cost a frame every cycle.
            uint clear0 = status0 & ~StatusBits.HREADY;
            if (clear0 != 0) _bus.WriteRaw(Register.STATUS0, 4, clear0);
            if (status1 != 0) _bus.WriteRaw(Register.STATUS1, 4, status1);

            reading.Status0 = status0;
            reading.Status1 = status1;
            reading.VoltageTimeouts = VoltageTimeouts(status1);
            reading.Events = DecodeEvents(status0, status1);

            // An IRQ pin still low although nothing enabled is pending any more: stuck line.
            if (!_irq0.Read() && (status0 & _configuration.Mask0) == 0) _irqFaults++;
        }

        /// <summary>
        /// Selects a power mode through PM1/PM0 (data sheet Rev. A, "Power Management"). Leaving
        /// for PSM0 resets the chip's registers (all but CONFIG2 and LPOILVL), so the driver waits
        /// for RSTDONE and configures it again.
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

        /// <summary>
        /// IRQ1 is low although STATUS1 shows no bit that drives it. Either the line is stuck, or
        /// the chip reset and its serial port fell back to I2C (data sheet Rev. A, "Serial
        /// Interfaces": SPI is active only after three SS toggles and stays locked by
        /// CONFIG2.I2C_LOCK until a reset), so the frames just sent went unanswered and a MISO line
        /// idling low read as zero. RSTDONE (unmaskable, "Power-Up Procedure") is what holds IRQ1
        /// low then. The lock bit tells the two apart: a reset clears it, and an unanswered read of
        /// it reads zero too. Costs one frame, only when IRQ1 disagrees with STATUS1.
        /// </summary>
        private bool SerialPortLost(uint status1)
        {
            if (_irq1.Read() || (status1 & _configuration.Mask1) != 0) return false;
            if ((_bus.ReadRaw(Register.CONFIG2, 1) & 0x02) == 0) return true;
            _irqFaults++; // stuck low
            return false;
        }

        private uint ReadStatus(Register register, bool verify)
        {
            return verify ? _bus.ReadRawVerified(register, 4) : _bus.ReadRaw(register, 4);
        }

        private int TakeEnergyRegister(Register register, bool verify, EnergyReading reading)
        {
            if (!verify) return (int)_bus.ReadRaw(register, 4);
            uint value;
            if (_bus.TryReadRawVerified(register, 4, out value)) return (int)value;
            // The register was cleared by the read but its value could not be proven: count
            // nothing for it (this cycle's counts of this register are lost) and go on.
            reading.FailedReads++;
            return 0;
        }

        // STATUS1.ZXTOVA/B/C (bits 3–5) → bit 0 = phase A.
        private static int VoltageTimeouts(uint status1)
        {
            return (int)((status1 & StatusBits.ZXTOVMask) >> 3);
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
    }
}
