using System.Globalization;
using Meter.Hal;

namespace Meter.Hal.Simulation.Clock;

/// <summary>
/// The DS3234 at SPI byte level, written from the data sheet independently of the driver:
/// address byte (bit 7 = write) then data bytes with auto-increment over 00h–13h, BCD
/// timekeeping registers, century bit, OSF that only software can clear, EOSC, CONV/BSY and
/// the aging offset (≈0.1 ppm per LSB, positive slows). Virtual time is advanced by the test.
/// </summary>
public sealed class SimulatedDs3234 : ISpiDevice
{
    private const int RegisterCount = 0x14;
    private const long TenthsPpmDenominator = 10_000_000;
    private readonly byte[] _registers = new byte[RegisterCount];
    private long _subSecondTicks;
    private Int128 _rateRemainder;

    /// <summary>A chip at first power-up: OSF set; the time registers (undefined on a real chip) start at 2000-01-01 00:00:00, day 1.</summary>
    public SimulatedDs3234() => PowerOnReset();

    /// <summary>The crystal's own error in tenths of ppm (positive = fast), before the aging offset.</summary>
    public int NaturalDriftTenthsPpm { get; set; }

    /// <summary>Temperature conversions started through CONV (each one applies the aging offset).</summary>
    public int ConversionsStarted { get; private set; }

    /// <summary>Number of SPI frames seen.</summary>
    public int Frames { get; private set; }

    /// <summary>Raw register access for tests.</summary>
    public byte this[int address]
    {
        get => _registers[address];
        set => _registers[address] = value;
    }

    /// <summary>The time in the registers (24-hour mode assumed), or null when they hold no valid date.</summary>
    public DateTime? Time => DecodeTime();

    /// <summary>Sets the registers to <paramref name="utc"/> directly (as if set long ago) and clears OSF.</summary>
    public void Preset(DateTime utc)
    {
        EncodeTime(utc);
        _registers[0x0F] &= 0x7F;
    }

    /// <summary>Backup failed: registers return to their power-on values and OSF is set (data sheet, OSF).</summary>
    public void LoseBackup() => PowerOnReset();

    /// <summary>Lets <paramref name="trueElapsed"/> pass; the chip counts it with drift and aging offset.</summary>
    public void Advance(TimeSpan trueElapsed)
    {
        int aging = (sbyte)_registers[0x10];
        Int128 scaled = (Int128)trueElapsed.Ticks * (TenthsPpmDenominator + NaturalDriftTenthsPpm - aging) + _rateRemainder;
        long whole = (long)(scaled / TenthsPpmDenominator);
        _rateRemainder = scaled - (Int128)whole * TenthsPpmDenominator;
        long ticks = _subSecondTicks + whole;
        long seconds = ticks / TimeSpan.TicksPerSecond;
        _subSecondTicks = ticks % TimeSpan.TicksPerSecond;
        DateTime? now = DecodeTime();
        if (now is null || seconds == 0) return; // a chip with garbage registers: leave them
        EncodeTime(now.Value.AddSeconds(seconds));
    }

    /// <inheritdoc />
    public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length || writeBuffer.Length == 0)
            throw new ArgumentException("SPI frame: buffers must have the same, non-zero length");
        Frames++;
        bool write = (writeBuffer[0] & 0x80) != 0;
        int address = writeBuffer[0] & 0x7F;
        if (address >= RegisterCount)
            throw new NotSupportedException($"simulated DS3234 models registers 00h-13h only, got {address:X2}h");
        readBuffer[0] = 0;
        for (int i = 1; i < writeBuffer.Length; i++)
        {
            if (write) WriteRegister(address, writeBuffer[i]);
            else readBuffer[i] = _registers[address];
            address = (address + 1) % RegisterCount;
        }
    }

    private void WriteRegister(int address, byte value)
    {
        switch (address)
        {
            case 0x00:
                _registers[0] = value;
                _subSecondTicks = 0; // writing seconds resets the countdown chain
                break;
            case 0x0E:
                if ((value & 0x20) != 0) ConversionsStarted++; // CONV: conversion runs and completes at once here
                _registers[0x0E] = (byte)(value & ~0x20);
                break;
            case 0x0F:
                // OSF, A2F, A1F can only be cleared; BSY is read-only.
                byte old = _registers[0x0F];
                byte clearable = (byte)(old & value & 0x83);
                _registers[0x0F] = (byte)(clearable | (value & 0x78) | (old & 0x04));
                break;
            case 0x11:
            case 0x12:
                break; // temperature is read-only
            default:
                _registers[address] = value;
                break;
        }
    }

    private void PowerOnReset()
    {
        Array.Clear(_registers);
        EncodeTime(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        _registers[0x03] = 1;
        _registers[0x0E] = 0x1C; // RS2 = RS1 = INTCN = 1
        _registers[0x0F] = 0xC8; // OSF, BB32kHz, EN32kHz
        _registers[0x11] = 25;   // +25 °C
        _subSecondTicks = 0;
        _rateRemainder = 0;
    }

    private void EncodeTime(DateTime t)
    {
        if (t.Year < 2000 || t.Year > 2199) throw new ArgumentOutOfRangeException(nameof(t));
        _registers[0] = ToBcd(t.Second);
        _registers[1] = ToBcd(t.Minute);
        _registers[2] = ToBcd(t.Hour);
        _registers[3] = (byte)((int)t.DayOfWeek + 1);
        _registers[4] = ToBcd(t.Day);
        _registers[5] = (byte)(ToBcd(t.Month) | (t.Year >= 2100 ? 0x80 : 0));
        _registers[6] = ToBcd(t.Year % 100);
    }

    private DateTime? DecodeTime()
    {
        string text = string.Create(CultureInfo.InvariantCulture,
            $"{(_registers[5] & 0x80) != 0}|{_registers[6]:X2}-{_registers[5] & 0x1F:X2}-{_registers[4]:X2} {_registers[2] & 0x3F:X2}:{_registers[1]:X2}:{_registers[0]:X2}");
        string[] parts = text.Split('|');
        if ((_registers[2] & 0x40) != 0) return null; // 12-hour mode not modelled here
        if (!DateTime.TryParseExact(parts[1], "yy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime parsed))
            return null;
        int year = 2000 + parsed.Year % 100 + (parts[0] == "True" ? 100 : 0);
        return new DateTime(year, parsed.Month, parsed.Day, parsed.Hour, parsed.Minute, parsed.Second, DateTimeKind.Utc);
    }

    private static byte ToBcd(int value) => (byte)(((value / 10) << 4) | (value % 10));
}
