using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Simulation;

/// <summary>What the meter would find in a state file: its recovery report, or its refusal (another layout), and how many events it holds.</summary>
public sealed record StateCheck(StorageRecoveryReport? Report, int Events, string? Refusal);

/// <summary>
/// Decides, before the meter writes to it, whether a <c>--state</c> file may be used: the meter is
/// first started on a copy of the image in RAM (<paramref name="dryRun"/> of <see cref="Prepare"/>),
/// so nothing is written to a file that the meter would have to format (registers lost) or that is
/// not an NV memory file at all. A file it cannot recover is refused with what was found and how to
/// format it (<c>--state-format</c>); a copy <c>FILE.bak</c> is kept before any repair, conversion or
/// format. A missing file is created silently (a new meter).
/// </summary>
public static class StateFileGuard
{
    /// <summary>The option that formats the state file.</summary>
    public const string FormatOption = "--state-format";

    /// <summary>
    /// Makes <paramref name="path"/> a marked NV memory file the meter can open without losing data,
    /// or throws <see cref="ArgumentException"/> naming what is wrong (the file left untouched).
    /// Returns a note for the user (a repair, conversion or format done, where the copy is), or null.
    /// </summary>
    public static string? Prepare(string path, int memorySize, bool format, Func<byte[], StateCheck> dryRun)
    {
        NvFileInspection found = NvFileHeader.Inspect(path, memorySize);
        if (format)
        {
            if (Directory.Exists(path)) throw Refuse(path, found.Description + "; give a file name");
            bool existed = found.Kind != NvFileKind.Absent;
            if (existed) KeepCopy(path);
            FileNvMemory.Create(path, memorySize);
            return existed ? $"formatted '{path}' as a new, empty NV memory (the previous content is in '{Backup(path)}')" : null;
        }
        switch (found.Kind)
        {
            case NvFileKind.Absent:
                return null;
            case NvFileKind.Foreign:
                throw Refuse(path, found.Description + "; it was left untouched." + FormatHint(path));
        }
        byte[] all = File.ReadAllBytes(path);
        byte[] image = found.Kind == NvFileKind.Marked ? all[NvFileHeader.Size..] : all;
        StateCheck check = dryRun(image);
        if (check.Refusal != null) throw Refuse(path, check.Refusal + "." + FormatHint(path));
        StorageRecoveryReport report = check.Report!;
        if (report.Formatted && report.DamagedMemoryFormatted)
        {
            throw Refuse(path, $"{(found.Kind == NvFileKind.Legacy ? found.Description + ", and it" : "the NV memory image")} holds no readable format record "
                + $"({NotErased(image)} of {image.Length} bytes hold data): nothing can be recovered from it, the meter would start with every register at zero. "
                + "It was left untouched." + FormatHint(path));
        }
        if (!report.Formatted && !report.RegistersFound)
        {
            throw Refuse(path, $"the NV memory's format record is intact, but no energy register record is readable: the registers would restart at zero "
                + $"(what could be recovered: {check.Events} events, {(report.SettingsFound ? "the settings" : "no settings")}). It was left untouched." + FormatHint(path));
        }
        if (found.Kind == NvFileKind.Legacy)
        {
            KeepCopy(path);
            FileNvMemory.CreateFromImage(path, image);
            return $"'{path}' had no NV memory file marker (an older virtual meter's file): converted, the old file is in '{Backup(path)}'";
        }
        if (report.RepairCount > 0 || report.UpgradedFromVersion != 0)
        {
            KeepCopy(path);
            return $"'{path}': {Changes(report)}; the file as it was is in '{Backup(path)}'";
        }
        return null;
    }

    // What opening the file changes, in the user's words: torn records repaired, the layout upgraded, and when quality
    // measurement adds its area (a quality load or --quality on an older file) that the load profile restarts empty.
    private static string Changes(StorageRecoveryReport report)
    {
        var changes = new List<string>();
        if (report.RepairCount > 0) changes.Add($"the meter repairs {report.RepairCount} torn or damaged record(s) (a write cut short)");
        if (report.UpgradedFromVersion != 0)
        {
            changes.Add($"the meter upgrades the NV layout from version {report.UpgradedFromVersion}" + (report.QualityAreaAdded
                ? " to make room for quality measurement (the analysis logger and weekly results): the load profile restarts empty; registers, billing, events and settings are kept"
                : ""));
        }
        return string.Join(", and ", changes);
    }

    /// <summary>The copy kept before a repair or format.</summary>
    public static string Backup(string path) => path + ".bak";

    private static void KeepCopy(string path) => File.Copy(path, Backup(path), overwrite: true);

    private static string FormatHint(string path) => $" Add {FormatOption} to format it (erases it; a copy is kept in '{Backup(path)}')";

    private static ArgumentException Refuse(string path, string what) => new($"--state '{path}': {what}");

    private static int NotErased(byte[] image)
    {
        int n = 0;
        foreach (byte b in image) if (b != 0xFF) n++;
        return n;
    }
}
