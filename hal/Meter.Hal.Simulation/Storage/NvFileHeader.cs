using System.Buffers.Binary;
using System.Text;

namespace Meter.Hal.Simulation.Storage;

/// <summary>
/// The 32-byte header in front of the memory image of an NV memory file (<see cref="FileNvMemory"/>):
/// the marker "METER-NV" (8 ASCII bytes), the file format version (int32, little endian), the memory
/// size in bytes (int32), 16 reserved zero bytes. The marker tells the virtual meter's own files from
/// anything else of a plausible size, which it must never format over.
/// </summary>
public static class NvFileHeader
{
    /// <summary>Header length in bytes; the memory image follows.</summary>
    public const int Size = 32;

    /// <summary>File format version written and read.</summary>
    public const int Version = 1;

    /// <summary>The format marker at the start of the file.</summary>
    public static ReadOnlySpan<byte> Marker => "METER-NV"u8;

    /// <summary>Writes the header for a memory of <paramref name="memorySize"/> bytes into the start of <paramref name="content"/>.</summary>
    public static void Write(byte[] content, int memorySize)
    {
        Marker.CopyTo(content);
        BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(8), Version);
        BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(12), memorySize);
        content.AsSpan(16, 16).Clear();
    }

    /// <summary>What the file at <paramref name="path"/> is, for a memory of <paramref name="memorySize"/> bytes. Reads only.</summary>
    public static NvFileInspection Inspect(string path, int memorySize)
    {
        if (!File.Exists(path))
        {
            if (Directory.Exists(path)) return new(NvFileKind.Foreign, $"'{path}' is a directory, not a file");
            return new(NvFileKind.Absent, $"'{path}' does not exist yet");
        }
        long length = new FileInfo(path).Length;
        var head = new byte[Math.Min(Size, length)];
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            file.ReadExactly(head);
        bool marked = head.Length == Size && head.AsSpan(0, 8).SequenceEqual(Marker);
        if (marked)
        {
            int version = BinaryPrimitives.ReadInt32LittleEndian(head.AsSpan(8));
            int size = BinaryPrimitives.ReadInt32LittleEndian(head.AsSpan(12));
            if (version != Version)
                return new(NvFileKind.Foreign, $"'{path}' is an NV memory file of format version {version}; this virtual meter reads version {Version}");
            if (size != memorySize || length != Size + (long)size)
                return new(NvFileKind.Foreign, $"'{path}' is an NV memory file of {size} bytes ({length} bytes long); this meter has {memorySize} bytes of NV memory");
            return new(NvFileKind.Marked, $"'{path}' is an NV memory file of {size} bytes");
        }
        if (length == memorySize)
            return new(NvFileKind.Legacy, $"'{path}' has {length} bytes but no \"{Encoding.ASCII.GetString(Marker)}\" marker: a memory image of an older virtual meter, or another program's file");
        return new(NvFileKind.Foreign, $"'{path}' has {length} bytes and no \"{Encoding.ASCII.GetString(Marker)}\" marker: not an NV memory file "
            + $"(expected {Size + (long)memorySize} bytes)");
    }
}
