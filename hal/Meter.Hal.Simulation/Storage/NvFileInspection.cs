namespace Meter.Hal.Simulation.Storage;

/// <summary>What a file offered as NV memory is (<see cref="NvFileHeader.Inspect"/>).</summary>
public enum NvFileKind
{
    /// <summary>No file: a new memory is created.</summary>
    Absent,

    /// <summary>An NV memory file with the marker and the right size.</summary>
    Marked,

    /// <summary>No marker, exactly the memory's size: an older virtual meter's image (usable only if it holds a valid format record) or another program's file.</summary>
    Legacy,

    /// <summary>Anything else: another size, another format version, a directory.</summary>
    Foreign,
}

/// <summary>The kind of file found and a sentence that says so, naming the file.</summary>
public sealed record NvFileInspection(NvFileKind Kind, string Description);
