using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Meter.Hal;

namespace Meter.Hal.Simulation.Storage;

/// <summary>
/// NV memory kept in a file, for the virtual meter: the meter's registers and logs survive a
/// restart of the simulator. The file is a <see cref="NvFileHeader"/> (format marker, version,
/// memory size) followed by the memory image. A new file is created erased (0xFF); an existing
/// file must carry the marker and the requested size, and is otherwise refused untouched.
/// <para>
/// The file stands for FRAM, whose writes are immediate and need no flush: the image is
/// memory-mapped and a write is a copy into the kernel's page cache, without fsync. That survives
/// the simulator being killed at any moment (kill -9: the pages belong to the kernel, which writes
/// them back later); only an operating-system crash or a power loss of the host could lose the
/// last seconds' writes. <see cref="Dispose"/> flushes the view to the file.
/// </para>
/// </summary>
public sealed class FileNvMemory : INvMemory, IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly IntPtr _image;
    private bool _disposed;

    /// <summary>Opens (or creates, erased) <paramref name="path"/> as a memory of <paramref name="size"/> bytes.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not an NV memory file of this size (left untouched).</exception>
    public FileNvMemory(string path, int size, int pageSize = 1, long writeEndurance = 10_000_000_000_000L)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), "memory size must be positive");
        if (!File.Exists(path)) Create(path, size);
        NvFileInspection found = NvFileHeader.Inspect(path, size);
        if (found.Kind != NvFileKind.Marked) throw new InvalidDataException(found.Description);
        var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            _map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
        _view = _map.CreateViewAccessor(NvFileHeader.Size, size, MemoryMappedFileAccess.ReadWrite);
        _image = _view.SafeMemoryMappedViewHandle.DangerousGetHandle() + (nint)_view.PointerOffset;
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

    /// <summary>Writes a new, erased NV memory file of <paramref name="size"/> bytes (header + 0xFF), replacing any file at <paramref name="path"/> atomically.</summary>
    public static void Create(string path, int size)
    {
        var content = new byte[NvFileHeader.Size + size];
        NvFileHeader.Write(content, size);
        Array.Fill(content, (byte)0xFF, NvFileHeader.Size, size);
        ReplaceAtomically(path, content);
    }

    /// <summary>Writes <paramref name="image"/> as a marked NV memory file at <paramref name="path"/>, replacing any file there atomically.</summary>
    public static void CreateFromImage(string path, byte[] image)
    {
        var content = new byte[NvFileHeader.Size + image.Length];
        NvFileHeader.Write(content, image.Length);
        image.CopyTo(content, NvFileHeader.Size);
        ReplaceAtomically(path, content);
    }

    /// <inheritdoc />
    public void Read(int address, byte[] buffer, int offset, int count)
    {
        CheckRange(address, buffer, offset, count);
        Marshal.Copy(_image + address, buffer, offset, count);
    }

    /// <inheritdoc />
    public void Write(int address, byte[] buffer, int offset, int count)
    {
        CheckRange(address, buffer, offset, count);
        Marshal.Copy(buffer, offset, _image + address, count);
    }

    /// <summary>Flushes the mapped image to the file and closes it.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _view.Flush();
        _view.Dispose();
        _map.Dispose();
    }

    // Temp file beside the target, then rename: a kill in between leaves the old file or the new one, never half of one.
    private static void ReplaceAtomically(string path, byte[] content)
    {
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    private void CheckRange(int address, byte[] buffer, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(buffer);
        if (count < 0 || offset < 0 || offset + count > buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"buffer range {offset}+{count} outside a buffer of {buffer.Length}");
        if (address < 0 || address + count > Size)
            throw new ArgumentOutOfRangeException(nameof(address), $"address range {address}+{count} outside the {Size}-byte memory");
    }
}
