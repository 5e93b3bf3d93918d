// Longer than 400 lines: one byte-level model of the chip (register file, access rules, SPI frames, DSP pipeline,
// energy and measurements from the load), host-only; its loads and register map are in their own files.
using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Pins;

namespace Meter.Hal.Simulation.Ade7880;

/// <summary>
/// A byte-level model of the ADE7880 on SPI, in virtual time. It decodes the same frames as the
/// chip ([command][address MSB][address LSB][data…], width per register, ADE7880 data sheet
/// Rev. A Tables 30–33), holds the register file with reset values and access rules, and
/// refuses what the chip refuses: frames before SPI is selected (three SS toggles), writes to
/// read-only or unallocated registers, DSP RAM writes while protected (the protection changes only
/// right after its 0xAD key), frames of the wrong
/// length, anything while in reset or in PSM2/PSM3. DSP RAM writes go through a two-deep
/// pipeline, so the last one is committed only if written three times.
/// <para>
/// Energy: per phase the power codes (PMAX = 27,059,678 at full-scale in-phase inputs, gains
/// xVGAIN/xIGAIN/xPGAIN applied) are accumulated at fs = 1.024 MHz, exactly in integers (power
/// in 1/65536 code units, tick count exact), and each time the accumulator passes THR × 2^27
/// one LSB goes into the 32-bit register. Read-with-reset (LCYCMODE.RSTREAD), line-cycle
/// accumulation (LWATT/LVAR/LVA, LINECYC half cycles of the ZXSEL phases, STATUS0.LENERGY),
/// ACCMODE WATTACC/VARACC, CF pulses (CFxSEL, TERMSELx, CFxDEN), the half-full flags, sag,
/// over-voltage/current, zero-crossing timeout, RSTDONE and the IRQ pins are modelled.
/// </para>
/// Faults: MISO bit errors (random rate or the next N reads), a spontaneous reset, stuck IRQ
/// pins, a missing chip, a corrupted configuration register.
/// </summary>
public sealed partial class SimulatedAde7880 : ISpiDevice
{
    /// <summary>Quantities with an energy register: index into <see cref="TotalCounts"/>.</summary>
    public const int Active = 0, FundamentalActive = 1, Reactive = 2, Apparent = 3;

    /// <summary>Power code of full-scale in-phase inputs.</summary>
    public const double PMax = 27059678;

    /// <summary>Rms code of a full-scale sine.</summary>
    public const double FullScaleRms = 3766572;

    /// <summary>Peak code of a full-scale input (0.5 V at the pin).</summary>
    public const double FullScalePeak = 5326737;

    /// <summary>Time from the end of a reset to RSTDONE, µs.</summary>
    public const long ResetDurationUs = 10_000;

    private const int PowerFraction = ThresholdAccumulation.PowerFraction; // power held in 1/65536 code units
    private const long MaxStepUs = 1_000_000;
    private const long MaxRampStepUs = 10_000;

    private static readonly ushort[] EnergyBase = { 0xE400, 0xE403, 0xE409, 0xE40C };
    private static readonly ushort[] ChecksumCovered =
    {
        (ushort)Register.MASK0, (ushort)Register.MASK1, (ushort)Register.COMPMODE, (ushort)Register.GAIN,
        (ushort)Register.CFMODE, (ushort)Register.CF1DEN, (ushort)Register.CF2DEN, (ushort)Register.CF3DEN,
        (ushort)Register.CONFIG, (ushort)Register.MMODE, (ushort)Register.ACCMODE, (ushort)Register.LCYCMODE,
        (ushort)Register.HSDC_CFG,
    };

    private readonly RegisterFile _registers = new();
    private readonly Queue<(ushort Address, uint Value)> _dspPipeline = new();
    private readonly Int128[] _accumulators = new Int128[12]; // [quantity × 3 + phase]
    private readonly AccumulationIncrement[] _increments = new AccumulationIncrement[12]; // [quantity × 3 + phase]
    private readonly int[,] _lineCycleWindow = new int[4, 3];
    private readonly long[] _cfAccumulators = new long[3];
    private readonly long[] _noVoltageZeroCrossingUs = new long[3];
    private readonly long[] _noCurrentZeroCrossingUs = new long[3];
    private readonly double[] _sagHalfCycles = new double[3];
    private readonly uint _checksumOffset;
    private readonly Random _random;

    private long _now;
    private long _ticks;
    private bool _resetPinLow;
    private long _resetDoneAt = -1;
    private bool _inReset;
    private int _selectToggles;
    private bool _spiSelected;
    private bool _dspProtected;
    private bool _protectionKeyWritten; // the last write was 0xAD to DSPWP_SEL
    private uint _runChecksum;
    private double _halfCycles;
    private int _corruptNextReads;
    private PowerMode _mode = PowerMode.Normal;

    /// <summary>Creates a powered chip; its power-up reset ends after <see cref="ResetDurationUs"/>.</summary>
    /// <param name="fullScaleVoltage">Rms mains voltage that drives the voltage ADC to full scale, V.</param>
    /// <param name="fullScaleCurrent">Rms mains current that drives the current ADC to full scale, A.</param>
    /// <param name="seed">Seed of the random MISO bit errors.</param>
    public SimulatedAde7880(double fullScaleVoltage, double fullScaleCurrent, int seed = 1)
    {
        FullScaleVoltage = fullScaleVoltage;
        FullScaleCurrent = fullScaleCurrent;
        _random = new Random(seed);
        Phases = new[] { new PhaseSource(PhaseLoad.Off()), new PhaseSource(PhaseLoad.Off()), new PhaseSource(PhaseLoad.Off()) };
        ResetPin.LevelChanged += OnResetPin;
        Pm0Pin.LevelChanged += _ => OnPowerModePins();
        Pm1Pin.LevelChanged += _ => OnPowerModePins();
        LoadResetValues(keepConfig2: false);
        _checksumOffset = 0xAFFA63B9u ^ ConfigurationCrc();
        BeginReset();
    }

    /// <summary>Rms voltage at ADC full scale, V.</summary>
    public double FullScaleVoltage { get; }

    /// <summary>Rms current at ADC full scale, A.</summary>
    public double FullScaleCurrent { get; }

    /// <summary>
    /// Phase error of the current channels in degrees, as an uncalibrated front end (current transformer,
    /// anti-alias filter) would have: positive = the chip sees the current lag by this much more than it does;
    /// xPHCAL compensates it. 0 by default.
    /// </summary>
    public double CurrentPhaseErrorDegrees { get; set; }

    /// <summary>Phase A, B, C sources.</summary>
    public PhaseSource[] Phases { get; }

    /// <summary>RESET input (active low), driven by the driver.</summary>
    public VirtualOutputPin ResetPin { get; } = new(true);

    /// <summary>PM0 input (PSM0 = PM1 low, PM0 high).</summary>
    public VirtualOutputPin Pm0Pin { get; } = new(true);

    /// <summary>PM1 input.</summary>
    public VirtualOutputPin Pm1Pin { get; } = new(false);

    /// <summary>IRQ0 output (active low).</summary>
    public VirtualInputPin Irq0Pin { get; } = new(true);

    /// <summary>IRQ1 output (active low).</summary>
    public VirtualInputPin Irq1Pin { get; } = new(true);

    /// <summary>Virtual time, µs since power-up.</summary>
    public long NowUs => _now;

    /// <summary>Whether the DSP runs (RUN = 1 and PSM0).</summary>
    public bool IsRunning => !_inReset && _mode == PowerMode.Normal && Reg(Register.RUN) == 1;

    /// <summary>Power mode selected by the PM pins.</summary>
    public PowerMode Mode => _mode;

    /// <summary>Every LSB ever added to the energy registers, [quantity, phase] (line-cycle mode: latched windows).</summary>
    public long[,] TotalCounts { get; } = new long[4, 3];

    /// <summary>Counts that were in the registers, unread, when the chip reset, [quantity, phase].</summary>
    public long[,] LostCounts { get; } = new long[4, 3];

    /// <summary>Counts latched by line-cycle mode over a window that was never read, [quantity, phase].</summary>
    public long[,] OverwrittenCounts { get; } = new long[4, 3];

    /// <summary>CF1..CF3 pulses issued.</summary>
    public long[] CfPulses { get; } = new long[3];

    /// <summary>Resets so far (power-up, pin, software, spontaneous, PSM→PSM0).</summary>
    public int Resets { get; private set; }

    /// <summary>SPI frames received.</summary>
    public long Frames { get; private set; }

    /// <summary>Bytes received on MOSI.</summary>
    public long Bytes { get; private set; }

    /// <summary>Frames ignored (wrong length, before SPI selection, in reset, in PSM2/PSM3, missing chip).</summary>
    public long IgnoredFrames { get; private set; }

    /// <summary>Writes the chip refused (read-only, unallocated, protected DSP RAM).</summary>
    public long RefusedWrites { get; private set; }

    // ---- fault injection ----

    /// <summary>Probability that each MISO data byte of a read gets one bit flipped.</summary>
    public double MisoBitErrorRate { get; set; }

    /// <summary>The chip is absent: MISO reads <see cref="MissingMisoLevel"/>, IRQ pins stay high.</summary>
    public bool Missing
    {
        get => _missing;
        set { _missing = value; UpdateIrqPins(); }
    }

    private bool _missing;

    /// <summary>MISO level when the chip is missing or not driving (0x00 pulled down, 0xFF pulled up).</summary>
    public byte MissingMisoLevel { get; set; } = 0xFF;

    /// <summary>Forces IRQ0 to this level (null = normal).</summary>
    public bool? Irq0StuckLevel
    {
        get => _irq0Stuck;
        set { _irq0Stuck = value; UpdateIrqPins(); }
    }

    private bool? _irq0Stuck;

    /// <summary>Forces IRQ1 to this level (null = normal).</summary>
    public bool? Irq1StuckLevel
    {
        get => _irq1Stuck;
        set { _irq1Stuck = value; UpdateIrqPins(); }
    }

    private bool? _irq1Stuck;

    /// <summary>Flips one bit of the data of each of the next <paramref name="reads"/> read frames.</summary>
    public void CorruptNextReads(int reads) => _corruptNextReads = reads;

    /// <summary>The chip resets by itself now (brown-out): registers return to reset values.</summary>
    public void SpontaneousReset() => BeginReset();

    /// <summary>Overwrites a register behind the driver's back (a configuration upset).</summary>
    public void CorruptRegister(Register register, uint raw)
    {
        _registers[(ushort)register] = raw;
        AfterConfigurationChange((ushort)register);
        UpdateIrqPins();
    }

    /// <summary>A register's raw wire value, without the side effects of a read.</summary>
    public uint Peek(Register register) => ReadValue((ushort)register, sideEffects: false);

    /// <summary>Advances virtual time by <paramref name="microseconds"/>, accumulating energy and updating status and pins.</summary>
    public void Advance(long microseconds)
    {
        if (microseconds < 0) throw new ArgumentOutOfRangeException(nameof(microseconds));
        long end = _now + microseconds;
        while (_now < end)
        {
            // Constant loads are integrated exactly whatever the step; ramps need short steps.
            bool ramping = Phases[0].IsRamping(_now) || Phases[1].IsRamping(_now) || Phases[2].IsRamping(_now);
            long step = Math.Min(end - _now, ramping ? MaxRampStepUs : MaxStepUs);
            if (_resetDoneAt > _now) step = Math.Min(step, _resetDoneAt - _now);
            for (int i = 0; i < Phases.Length; i++)
            {
                long next = Phases[i].NextBreakAfter(_now);
                if (next != long.MaxValue) step = Math.Min(step, next - _now);
            }
            step = Math.Max(1, Math.Min(step, TimeToLineCycleEnd()));
            Step(step);
        }
    }

    /// <inheritdoc />
    public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length) throw new ArgumentException("SPI buffers must have the same length");
        Frames++;
        Bytes += writeBuffer.Length;
        if (Missing || _inReset || _resetPinLow || _mode == PowerMode.LowPower || _mode == PowerMode.Sleep)
        {
            // Nobody drives MISO.
            Array.Fill(readBuffer, MissingMisoLevel);
            IgnoredFrames++;
            return;
        }
        if (!_spiSelected)
        {
            // After reset the I2C port is active; three SS high-to-low toggles select SPI (data sheet Rev. A, "Serial Interfaces").
            if (++_selectToggles >= 3) _spiSelected = true;
            Array.Fill(readBuffer, MissingMisoLevel);
            IgnoredFrames++;
            return;
        }
        if (writeBuffer.Length < 3)
        {
            Array.Clear(readBuffer);
            IgnoredFrames++;
            return;
        }
        bool isRead = (writeBuffer[0] & 1) == 1;
        ushort address = (ushort)((writeBuffer[1] << 8) | writeBuffer[2]);
        int width = FrameWidth[address];
        if (writeBuffer.Length != 3 + width)
        {
            // SS rose before (or after) the register's last bit: the chip aborts the transfer.
            Array.Clear(readBuffer);
            IgnoredFrames++;
            return;
        }
        // MISO is 0 during command and address; a read's data bytes are all set below, a write's stay 0.
        readBuffer[0] = 0;
        readBuffer[1] = 0;
        readBuffer[2] = 0;
        if (isRead)
        {
            uint value = ReadValue(address, sideEffects: true);
            if (width == 4)
            {
                readBuffer[3] = (byte)(value >> 24);
                readBuffer[4] = (byte)(value >> 16);
                readBuffer[5] = (byte)(value >> 8);
                readBuffer[6] = (byte)value;
            }
            else
            {
                for (int i = 0; i < width; i++) readBuffer[3 + i] = (byte)(value >> (8 * (width - 1 - i)));
            }
            if (!IsCommunicationAddress[address]) RecordOperation(0x35, address, value, width);
            if (_corruptNextReads > 0 || MisoBitErrorRate > 0) CorruptMiso(readBuffer, width);
            // A read changes nothing the IRQ pins follow (STATUSx, MASKx, reset state): no update.
        }
        else
        {
            uint value = 0;
            for (int i = 0; i < width; i++)
            {
                value = (value << 8) | writeBuffer[3 + i];
                readBuffer[3 + i] = 0;
            }
            if (WriteValue(address, value)) RecordOperation(0xCA, address, value, width);
            UpdateIrqPins();
        }
    }

    // ---------------------------------------------------------------- register file

    /// <summary>
    /// Width the serial port assumes at an address without a register: by address block, as
    /// the allocated registers around it (8-bit 0xE700–0xE7FF and 0xEA00–0xECFF, 16-bit
    /// 0xE200–0xE2FF, 0xE600–0xE6FF and 0xE900–0xE9FF, 32-bit elsewhere).
    /// </summary>
    private static int UnallocatedWidth(ushort a) =>
        (a >= 0xE700 && a <= 0xE7FF) || (a >= 0xEA00 && a <= 0xECFF) ? 1
        : (a >= 0xE200 && a <= 0xE2FF) || (a >= 0xE600 && a <= 0xE6FF) || (a >= 0xE900 && a <= 0xE9FF) ? 2
        : 4;

    private uint Reg(Register r) => _registers[(ushort)r];

    private void SetReg(Register r, uint v) => _registers[(ushort)r] = v;

    private void LoadResetValues(bool keepConfig2)
    {
        uint config2 = Reg(Register.CONFIG2), lpoilvl = Reg(Register.LPOILVL);
        _registers.Clear();
        foreach (Register r in Enum.GetValues<Register>())
        {
            long reset = RegisterMap.ResetValueOf(r);
            _registers[(ushort)r] = reset >= 0 ? (uint)reset : 0;
        }
        SetReg(Register.VERSION, 0x01);
        if (keepConfig2)
        {
            // CONFIG2 and LPOILVL keep their values across PSMx → PSM0 (data sheet Rev. A, "Power Management").
            SetReg(Register.CONFIG2, config2);
            SetReg(Register.LPOILVL, lpoilvl);
        }
        _dspPipeline.Clear();
        _dspProtected = false;
        _protectionKeyWritten = false;
        Array.Clear(_accumulators);
        Array.Clear(_lineCycleWindow);
        Array.Clear(_cfAccumulators);
        _halfCycles = 0;
    }

    private void BeginReset(bool keepConfig2 = false)
    {
        // Whatever was in the energy registers, unread, is lost with them.
        for (int q = 0; q < 4; q++)
            for (int p = 0; p < 3; p++)
                LostCounts[q, p] += (int)Reg((Register)(EnergyBase[q] + p));
        LoadResetValues(keepConfig2);
        Resets++;
        _inReset = true;
        if (!keepConfig2)
        {
            _spiSelected = false;
            _selectToggles = 0;
        }
        _resetDoneAt = _resetPinLow ? -1 : _now + ResetDurationUs;
        UpdateIrqPins();
    }

    private void FinishReset()
    {
        _inReset = false;
        _resetDoneAt = -1;
        // End of a reset: STATUS1.RSTDONE set, IRQ1 low (data sheet Rev. A, "Power-Up Procedure").
        SetReg(Register.STATUS1, Reg(Register.STATUS1) | StatusBits.RSTDONE);
        UpdateIrqPins();
    }

    private void OnResetPin(bool high)
    {
        if (!high)
        {
            _resetPinLow = true;
            BeginReset();
        }
        else
        {
            _resetPinLow = false;
            if (_inReset) _resetDoneAt = _now + ResetDurationUs;
        }
    }

    private void OnPowerModePins()
    {
        // Data sheet "Power Management": PSM0 PM1=0 PM0=1; PSM1 0/0; PSM2 1/0; PSM3 1/1.
        bool pm0 = Pm0Pin.Level, pm1 = Pm1Pin.Level;
        var mode = !pm1 ? (pm0 ? PowerMode.Normal : PowerMode.ReducedPower) : (pm0 ? PowerMode.Sleep : PowerMode.LowPower);
        if (mode == _mode) return;
        var previous = _mode;
        _mode = mode;
        if (mode == PowerMode.Normal && previous != PowerMode.Normal) BeginReset(keepConfig2: true);
    }

    private static bool IsCommunicationRecord(ushort a) =>
        a == (ushort)Register.LAST_OP || a == (ushort)Register.LAST_ADD || a == (ushort)Register.LAST_RWDATA8
        || a == (ushort)Register.LAST_RWDATA16 || a == (ushort)Register.LAST_RWDATA32;

    private void RecordOperation(uint op, ushort address, uint value, int width)
    {
        // LAST_OP/LAST_ADD/LAST_RWDATAx record the last successful access; reading them does not
        // change them (data sheet Rev. A, Table 33; assumed as the sibling ADE9000 documents it, and
        // consistent with Tasmota's Ade7880ReadVerify on real chips: it reads LAST_OP, then expects
        // LAST_ADD to still name the register read before).
        SetReg(Register.LAST_OP, op);
        SetReg(Register.LAST_ADD, address);
        var data = width == 4 ? Register.LAST_RWDATA32 : width == 2 ? Register.LAST_RWDATA16 : Register.LAST_RWDATA8;
        SetReg(data, value);
    }

    private void CorruptMiso(byte[] readBuffer, int width)
    {
        if (_corruptNextReads > 0)
        {
            _corruptNextReads--;
            readBuffer[3 + width - 1] ^= 0x10;
        }
        if (MisoBitErrorRate > 0)
            for (int i = 3; i < readBuffer.Length; i++)
                if (_random.NextDouble() < MisoBitErrorRate) readBuffer[i] ^= (byte)(1 << _random.Next(8));
    }

    private uint ReadValue(ushort address, bool sideEffects)
    {
        // Most frames read a plain stored register (status, LAST_RWDATA, LAST_ADD): the checks
        // below would all pass through to the register file.
        if (IsPlainRegisterAddress[address] && _registers.ContainsKey(address)) return _registers[address];
        var register = (Register)address;
        var access = Access[address];
        if (access == RegisterAccess.Unallocated || access == RegisterAccess.WriteOnly) return 0;
        if (address >= 0xE400 && address <= 0xE40E)
        {
            uint value = Reg(register);
            int q = EnergyBase.Length - 1;
            while (EnergyBase[q] > address) q--; // no closure: the SPI path must not allocate (benchmark)
            uint lcycmode = Reg(Register.LCYCMODE);
            bool lineCycle = IsLineCycle(q, lcycmode);
            // LCYCMODE.RSTREAD: energy registers reset to 0 after a read (not in line-cycle mode).
            if (sideEffects && !lineCycle && (lcycmode & 0x40) != 0) SetReg(register, 0);
            if (sideEffects && lineCycle) _readSinceLatch[q, address - EnergyBase[q]] = true;
            return value;
        }
        if (register == Register.CHECKSUM) return Checksum();
        if (_registers.ContainsKey(address) && !IsMeasurementAddress[address]) return _registers[address];
        return RegisterMap.Encode(Format[address], Measure(register));
    }

    private readonly bool[,] _readSinceLatch = new bool[4, 3];

    // RegisterMap's answers for every address, looked up once (the SPI path asks per frame).
    private static readonly WireFormat[] Format = new WireFormat[65536];
    private static readonly RegisterAccess[] Access = new RegisterAccess[65536];
    private static readonly byte[] FrameWidth = new byte[65536];
    private static readonly bool[] IsMeasurementAddress = new bool[65536];
    private static readonly bool[] IsCommunicationAddress = new bool[65536];
    private static readonly bool[] IsPlainRegisterAddress = new bool[65536]; // ReadValue's last branch, when stored

    static SimulatedAde7880()
    {
        for (int a = 0; a < 65536; a++)
        {
            var format = RegisterMap.FormatOf((Register)a);
            Format[a] = format;
            Access[a] = RegisterMap.AccessOf((Register)a);
            FrameWidth[a] = (byte)(format == WireFormat.None ? UnallocatedWidth((ushort)a) : RegisterMap.WireBytes(format));
            IsMeasurementAddress[a] = IsMeasurement((ushort)a);
            IsCommunicationAddress[a] = IsCommunicationRecord((ushort)a);
            var access = Access[a];
            IsPlainRegisterAddress[a] = access != RegisterAccess.Unallocated && access != RegisterAccess.WriteOnly
                && !(a >= 0xE400 && a <= 0xE40E) && a != (int)Register.CHECKSUM && !IsMeasurementAddress[a];
        }
    }

    private static bool IsMeasurement(ushort a) =>
        (a >= 0x43C0 && a <= 0x43C7) || (a >= 0xE500 && a <= 0xE501) || (a >= 0xE504 && a <= 0xE506)
        || (a >= 0xE50C && a <= 0xE51B) || (a >= 0xE601 && a <= 0xE603) || (a >= 0xE880 && a <= 0xE89F)
        || (a >= 0xE902 && a <= 0xE907) || a == 0xE617;

    private bool WriteValue(ushort address, uint value)
    {
        // DSPWP_SET takes effect only right after 0xAD went to DSPWP_SEL ("write 0xAD … followed by a
        // write of 0x80 / 0x00", data sheet Rev. A, "Digital Signal Processor"): any write in between spends the key.
        bool keyWritten = _protectionKeyWritten;
        _protectionKeyWritten = false;
        var register = (Register)address;
        var access = Access[address];
        if (access == RegisterAccess.Unallocated || access == RegisterAccess.ReadOnly)
        {
            RefusedWrites++;
            return false;
        }
        var format = Format[address];
        if (address >= 0x4380 && address <= 0x43BF)
        {
            if (_dspProtected)
            {
                RefusedWrites++;
                return false;
            }
            // The DSP RAM write pipeline: a write is committed when two more DSP RAM writes follow.
            _dspPipeline.Enqueue((address, value & 0x0FFFFFFF));
            if (_dspPipeline.Count > 2)
            {
                var (a, v) = _dspPipeline.Dequeue();
                _registers[a] = v;
                AfterConfigurationChange(a);
            }
            return true;
        }
        switch (register)
        {
            case Register.STATUS0:
            case Register.STATUS1:
                _registers[address] &= ~value; // write 1 to clear
                return true;
            case Register.DSPWP_SEL:
                SetReg(register, value);
                _protectionKeyWritten = value == 0xAD;
                return true;
            case Register.DSPWP_SET:
                // Only right after the key; bit 7 protects the DSP RAM, 0x00 lifts the protection.
                if (keyWritten) _dspProtected = (value & 0x80) != 0;
                SetReg(register, value);
                return true;
            case Register.RUN:
                SetReg(register, value & 0xFFFF);
                if ((value & 1) == 1) _runChecksum = Checksum();
                RestartHarmonicSettling();
                return true;
            case Register.CONFIG when (value & 0x80) != 0:
                // CONFIG.SWRST: software reset; the serial port choice stays locked.
                BeginReset(keepConfig2: true);
                return true;
        }
        _registers[address] = RegisterMap.Encode(format, RegisterMap.Decode(format, value));
        AfterConfigurationChange(address);
        // A new phase (HCONFIG) or new orders (HX, HY, HZ) restart the HSTIME settling.
        if (register == Register.HCONFIG || register == Register.HX || register == Register.HY || register == Register.HZ) RestartHarmonicSettling();
        return true;
    }

    private void AfterConfigurationChange(ushort address)
    {
        // STATUS1.CRC: the checksum differs from its value when RUN was set to 1.
        if (IsRunning && IsChecksumCovered(address) && Checksum() != _runChecksum)
            SetReg(Register.STATUS1, Reg(Register.STATUS1) | StatusBits.CRC);
    }

    private static bool IsChecksumCovered(ushort a) => (a >= 0x4380 && a <= 0x43BE) || Array.IndexOf(ChecksumCovered, a) >= 0;

    private uint ConfigurationCrc()
    {
        // CRC-32 (IEEE 802.3), registers entered least significant bit first (data sheet Rev. A,
        // "Checksum Register"). The eight hidden registers are unknown: the model adds a constant
        // so the reset configuration gives the data sheet's 0xAFFA63B9.
        uint crc = 0xFFFFFFFF;
        void Add(uint value, int bytes)
        {
            for (int i = 0; i < bytes; i++)
            {
                crc ^= (value >> (8 * i)) & 0xFF;
                for (int b = 0; b < 8; b++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }
        foreach (var a in ChecksumCovered) Add(_registers[a], RegisterMap.WireBytes(RegisterMap.FormatOf((Register)a)));
        for (ushort a = 0x4380; a <= 0x43BE; a++) Add(_registers[a], 4);
        return ~crc;
    }

    private uint Checksum() => ConfigurationCrc() ^ _checksumOffset;

    private void UpdateIrqPins()
    {
        bool irq0Low = false, irq1Low = false;
        if (!Missing && !_inReset)
        {
            irq0Low = (Reg(Register.STATUS0) & Reg(Register.MASK0)) != 0;
            // RSTDONE cannot be masked (Table 39, MASK1 bit 15).
            irq1Low = (Reg(Register.STATUS1) & (Reg(Register.MASK1) | StatusBits.RSTDONE)) != 0;
        }
        Irq0Pin.Set(Irq0StuckLevel ?? !irq0Low);
        Irq1Pin.Set(Irq1StuckLevel ?? !irq1Low);
    }
}
