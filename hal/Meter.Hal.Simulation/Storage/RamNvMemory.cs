using System.Runtime.InteropServices;
using Meter.Hal;

namespace Meter.Hal.Simulation.Storage;

/// <summary>
/// NV memory held in RAM, with power-cut injection at any byte write and wear statistics.
/// Set <see cref="CutAtByteWrite"/> to N and the N-th byte written from then on (counting from
/// 0 over all writes) does not reach the memory: the write stops there and
/// <see cref="PowerCutException"/> is thrown, exactly like a supply collapsing in the middle of
/// an SPI transfer. Bytes before the cut are stored, bytes from the cut on keep their old value.
/// </summary>
public sealed class RamNvMemory : INvMemory
{
    private readonly byte[] _cells;
    private readonly long[] _writesPerByte;
    // Wear is counted lazily: a write adds 1 to its (address, count) range here, and the
    // per-byte counters are brought up to date when read. A register record rewrites the same
    // 16 slot ranges about once a simulated second, so a write costs one lookup instead of
    // ~500 counter increments. Bounded: flushed when it holds too many distinct ranges, and
    // sized for that bound at once, so a write never allocates (the meter's allocation test
    // counts what the NV memory allocates under it).
    private const int MaxPendingRanges = 1024;
    private readonly Dictionary<long, long> _pendingWear = new(MaxPendingRanges + 1);

    /// <summary>Creates a memory of <paramref name="size"/> bytes, all 0xFF (erased EEPROM / fresh FRAM pattern).</summary>
    public RamNvMemory(int size, int pageSize = 1, long writeEndurance = 10_000_000_000_000L, byte fill = 0xFF)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), "memory size must be positive");
        if (pageSize <= 0) throw new ArgumentOutOfRangeException(nameof(pageSize), "page size must be positive");
        _cells = new byte[size];
        _writesPerByte = new long[size];
        Array.Fill(_cells, fill);
        PageSize = pageSize;
        WriteEndurance = writeEndurance;
    }

    /// <summary>Creates a memory holding a copy of <paramref name="image"/> (e.g. a <see cref="Snapshot"/>), to reboot from a saved state.</summary>
    public static RamNvMemory FromImage(byte[] image, int pageSize = 1, long writeEndurance = 10_000_000_000_000L)
    {
        ArgumentNullException.ThrowIfNull(image);
        var memory = new RamNvMemory(image.Length, pageSize, writeEndurance);
        Buffer.BlockCopy(image, 0, memory._cells, 0, image.Length);
        return memory;
    }

    /// <summary>Overwrites the whole content with <paramref name="image"/> (same size), without counting writes.</summary>
    public void LoadImage(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Length != _cells.Length) throw new ArgumentException($"image has {image.Length} bytes, memory {_cells.Length}", nameof(image));
        Buffer.BlockCopy(image, 0, _cells, 0, image.Length);
    }

    /// <summary>Sets byte <paramref name="address"/> without counting a write (to model bit rot in tests).</summary>
    public void Poke(int address, byte value) => _cells[address] = value;

    /// <inheritdoc />
    public int Size => _cells.Length;

    /// <inheritdoc />
    public int PageSize { get; }

    /// <inheritdoc />
    public long WriteEndurance { get; }

    /// <summary>Total bytes written since creation (or since <see cref="ResetStatistics"/>).</summary>
    public long ByteWrites { get; private set; }

    /// <summary>Number of Write calls (SPI write transactions) since creation.</summary>
    public long WriteCalls { get; private set; }

    /// <summary>
    /// Byte-write index (relative to <see cref="ByteWrites"/>) at which the power is cut, or -1
    /// for no cut. Cleared when the cut happens, so the rebooted meter runs on.
    /// </summary>
    public long CutAtByteWrite { get; set; } = -1;

    /// <summary>
    /// Called at the start of every Write with (address, buffer, offset, count), before any
    /// byte is stored: lets a test explore every cut point of a run in one pass (the state with
    /// the first i bytes of this write applied, for each i).
    /// </summary>
    public Action<int, byte[], int, int>? BeforeWrite { get; set; }

    /// <summary>Highest number of writes any single byte has received.</summary>
    public long MaxWritesOnOneByte
    {
        get
        {
            FlushWear();
            long max = 0;
            foreach (var w in _writesPerByte) if (w > max) max = w;
            return max;
        }
    }

    /// <summary>Number of writes byte <paramref name="address"/> has received.</summary>
    public long WritesAt(int address)
    {
        FlushWear();
        return _writesPerByte[address];
    }

    /// <summary>Zeroes the write counters (not the content).</summary>
    public void ResetStatistics()
    {
        ByteWrites = 0;
        WriteCalls = 0;
        _pendingWear.Clear();
        Array.Clear(_writesPerByte);
    }

    /// <summary>A copy of the whole content.</summary>
    public byte[] Snapshot() => (byte[])_cells.Clone();

    /// <inheritdoc />
    public void Read(int address, byte[] buffer, int offset, int count)
    {
        CheckRange(address, buffer, offset, count);
        Buffer.BlockCopy(_cells, address, buffer, offset, count);
    }

    /// <inheritdoc />
    public void Write(int address, byte[] buffer, int offset, int count)
    {
        CheckRange(address, buffer, offset, count);
        BeforeWrite?.Invoke(address, buffer, offset, count);
        WriteCalls++;
        if (CutAtByteWrite < ByteWrites || CutAtByteWrite >= ByteWrites + count)
        {
            // No cut inside this write (the usual case): one block copy; the wear of the range is counted once.
            Buffer.BlockCopy(buffer, offset, _cells, address, count);
            if (count > 0)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_pendingWear, ((long)address << 32) | (uint)count, out _)++;
                if (_pendingWear.Count > MaxPendingRanges) FlushWear();
            }
            ByteWrites += count;
            return;
        }
        for (int i = 0; i < count; i++)
        {
            if (CutAtByteWrite >= 0 && ByteWrites == CutAtByteWrite)
            {
                long cut = CutAtByteWrite;
                CutAtByteWrite = -1;
                throw new PowerCutException(cut, i);
            }
            _cells[address + i] = buffer[offset + i];
            _writesPerByte[address + i]++;
            ByteWrites++;
        }
    }

    /// <summary>Adds the pending range writes to the per-byte wear counters.</summary>
    private void FlushWear()
    {
        if (_pendingWear.Count == 0) return;
        foreach (var (range, writes) in _pendingWear)
        {
            int address = (int)(range >> 32), count = (int)(uint)range;
            for (int i = 0; i < count; i++) _writesPerByte[address + i] += writes;
        }
        _pendingWear.Clear();
    }

    private void CheckRange(int address, byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (count < 0 || offset < 0 || offset + count > buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"buffer range {offset}+{count} outside a buffer of {buffer.Length}");
        if (address < 0 || address + count > _cells.Length)
            throw new ArgumentOutOfRangeException(nameof(address), $"address range {address}+{count} outside the {_cells.Length}-byte memory");
    }
}
