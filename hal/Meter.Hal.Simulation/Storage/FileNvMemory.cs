using Meter.Hal;

namespace Meter.Hal.Simulation.Storage;

/// <summary>
/// NV memory kept in a file, for the virtual meter: the meter's registers and logs survive a
/// restart of the simulator. A new file is created filled with 0xFF; an existing file must
/// have exactly the requested size. Every write is flushed to the file before returning.
/// </summary>
public sealed class FileNvMemory : INvMemory, IDisposable
{
    private readonly FileStream _file;

    /// <summary>Opens (or creates) <paramref name="path"/> as a memory of <paramref name="size"/> bytes.</summary>
    public FileNvMemory(string path, int size, int pageSize = 1, long writeEndurance = 10_000_000_000_000L)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), "memory size must be positive");
        bool exists = File.Exists(path);
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (exists && _file.Length != size)
        {
            long actual = _file.Length;
            _file.Dispose();
            throw new InvalidDataException($"NV memory file '{path}' has {actual} bytes, expected {size}");
        }
        if (!exists || _file.Length == 0)
        {
            var erased = new byte[size];
            Array.Fill(erased, (byte)0xFF);
            _file.Write(erased, 0, size);
            _file.Flush(true);
        }
        Size = size;
        PageSize = pageSize;
        WriteEndurance = writeEndurance;
    }

    /// <inheritdoc />
    public int Size { get; }

    /// <inheritdoc />
    public int PageSize { get; }

    /// <inheritdoc />
    public long WriteEndurance { get; }

    /// <inheritdoc />
    public void Read(int address, byte[] buffer, int offset, int count)
    {
        CheckRange(address, buffer, offset, count);
        _file.Position = address;
        _file.ReadExactly(buffer, offset, count);
    }

    /// <inheritdoc />
    public void Write(int address, byte[] buffer, int offset, int count)
    {
        CheckRange(address, buffer, offset, count);
        _file.Position = address;
        _file.Write(buffer, offset, count);
        _file.Flush(true);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _file.Dispose();

    private void CheckRange(int address, byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (count < 0 || offset < 0 || offset + count > buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"buffer range {offset}+{count} outside a buffer of {buffer.Length}");
        if (address < 0 || address + count > Size)
            throw new ArgumentOutOfRangeException(nameof(address), $"address range {address}+{count} outside the {Size}-byte memory");
    }
}
