using Meter.Hal;

namespace Meter.Hal.Simulation.Clock;

/// <summary>
/// A host RTC with backup: keeps UTC in whole seconds while virtual time is advanced by the
/// test or simulator, runs fast or slow by a natural drift plus the applied trim (tenths of
/// ppm), and can lose its backup (time resets to 2000-01-01, lost flag set) like a chip whose
/// supercap ran flat.
/// </summary>
public sealed class VirtualRtc : IRtc
{
    /// <summary>Time this virtual chip shows after a backup loss: 2000-01-01T00:00:00Z (real chips: undefined or a reset value).</summary>
    public static readonly DateTime ResetTime = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private const long TenthsPpmDenominator = 10_000_000; // 1 / (0.1 ppm)
    private long _chipTicks;
    private Int128 _rateRemainder;

    /// <summary>Creates a clock showing <paramref name="utc"/>, running, backup good.</summary>
    public VirtualRtc(DateTime utc) => _chipTicks = utc.Ticks;

    /// <summary>The crystal's own error in tenths of ppm (positive = runs fast) before trim.</summary>
    public int NaturalDriftTenthsPpm { get; set; }

    /// <summary>Trim range, ± tenths of ppm (the DS3234's aging register spans ±127 × 0.1 ppm).</summary>
    public int MaxTrimTenthsPpm { get; init; } = 127;

    /// <summary>When set, <see cref="TryReadUtc"/> fails, as a chip with garbage registers would.</summary>
    public bool Unreadable { get; set; }

    /// <summary>Number of <see cref="WriteUtc"/> calls.</summary>
    public int Writes { get; private set; }

    /// <summary>The exact chip time, ticks included (for tests).</summary>
    public DateTime ChipTime => new(_chipTicks, DateTimeKind.Utc);

    /// <inheritdoc />
    public int TrimTenthsPpm { get; private set; }

    private bool _lost;

    /// <summary>Lets <paramref name="trueElapsed"/> of true time pass; the chip counts it with its drift and trim.</summary>
    public void Advance(TimeSpan trueElapsed)
    {
        if (trueElapsed < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(trueElapsed), "time only moves forward");
        Int128 scaled = (Int128)trueElapsed.Ticks * (TenthsPpmDenominator + NaturalDriftTenthsPpm + TrimTenthsPpm) + _rateRemainder;
        long whole = (long)(scaled / TenthsPpmDenominator);
        _rateRemainder = scaled - (Int128)whole * TenthsPpmDenominator;
        _chipTicks += whole;
    }

    /// <summary>The backup supply failed while the meter was off: time resets and the lost flag is set.</summary>
    public void LoseBackup()
    {
        _chipTicks = ResetTime.Ticks;
        _rateRemainder = 0;
        _lost = true;
    }

    /// <inheritdoc />
    public bool TryReadUtc(out DateTime utc)
    {
        long wholeSeconds = _chipTicks - _chipTicks % TimeSpan.TicksPerSecond;
        utc = new DateTime(wholeSeconds, DateTimeKind.Utc);
        return !Unreadable;
    }

    /// <inheritdoc />
    public void WriteUtc(DateTime utc)
    {
        if (utc.Year < 2000 || utc.Year > 2099)
            throw new ArgumentOutOfRangeException(nameof(utc), "virtual RTC, like the DS3234, holds 2000..2099");
        _chipTicks = utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond;
        _rateRemainder = 0;
        _lost = false;
        Unreadable = false;
        Writes++;
    }

    /// <inheritdoc />
    public bool HasLostTime() => _lost;

    /// <inheritdoc />
    public void SetTrimTenthsPpm(int tenthsPpm)
    {
        if (Math.Abs(tenthsPpm) > MaxTrimTenthsPpm)
            throw new ArgumentOutOfRangeException(nameof(tenthsPpm), $"trim must be within ±{MaxTrimTenthsPpm} tenths of ppm");
        TrimTenthsPpm = tenthsPpm;
    }
}
