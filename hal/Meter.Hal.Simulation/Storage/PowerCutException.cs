namespace Meter.Hal.Simulation.Storage;

/// <summary>
/// Thrown by <see cref="RamNvMemory"/> when the injected power cut is reached: the write in
/// progress stopped after <see cref="BytesWrittenBeforeCut"/> bytes of it. Tests catch it, then
/// "reboot" by building the storage again over the same memory.
/// </summary>
public sealed class PowerCutException : Exception
{
    /// <summary>Creates the exception for a cut at global byte-write number <paramref name="cutPoint"/>.</summary>
    public PowerCutException(long cutPoint, int bytesWrittenBeforeCut)
        : base($"power cut at byte write #{cutPoint} ({bytesWrittenBeforeCut} bytes of the write reached the memory)")
    {
        CutPoint = cutPoint;
        BytesWrittenBeforeCut = bytesWrittenBeforeCut;
    }

    /// <summary>The global byte-write index at which power was cut.</summary>
    public long CutPoint { get; }

    /// <summary>How many bytes of the interrupted write were stored.</summary>
    public int BytesWrittenBeforeCut { get; }
}
