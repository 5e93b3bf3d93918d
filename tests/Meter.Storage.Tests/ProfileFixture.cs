using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>A load profile at address 0 of a RAM memory, and all its entries read back, for the profile tests.</summary>
internal static class ProfileFixture
{
    public static LoadProfile Open(RamNvMemory memory, int regionSize, int blockSize = 256, int channels = 4, int period = 15)
    {
        var profile = new LoadProfile(memory, 0, regionSize, blockSize, channels, period);
        profile.Recover();
        return profile;
    }

    /// <summary>Every entry, oldest first, each <paramref name="channels"/> long (default: as long as the widest block allows); no block skipped.</summary>
    public static List<ProfileEntry> ReadAll(LoadProfile profile, int? channels = null)
    {
        var reader = new LoadProfileReader(profile);
        var list = new List<ProfileEntry>();
        while (true)
        {
            var e = new ProfileEntry(channels ?? profile.MaximumChannelCount);
            if (!reader.Next(e)) break;
            list.Add(e);
        }
        Assert.Equal(0, reader.SkippedBlocks);
        return list;
    }
}
