using System.IO.Compression;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// A virtual meter's --state file written by the firmware before 32-character device addresses
/// (Fixtures/layout6-flat-7b-z9.*, layout version 7 = 6 with the demand record, METER-NV header;
/// how it was made and what that firmware held is in the .expected.txt file): this firmware opens
/// it as it is (no format, no repair, no layout change) and keeps every energy register exactly,
/// the 10-character address written then, the other settings, events and load profile.
/// </summary>
public class LayoutSixImageTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static Dictionary<string, string> Expected() =>
        File.ReadAllLines(Path.Combine(Fixtures, "layout6-flat-7b-z9.expected.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    private static long[] Longs(string csv) => csv.Split(',').Select(long.Parse).ToArray();

    [Fact]
    public void A_state_file_from_before_opens_with_its_registers_address_settings_and_logs()
    {
        var expected = Expected();
        string state = MeterRig.TempState();
        try
        {
            using (var gz = new GZipStream(File.OpenRead(Path.Combine(Fixtures, "layout6-flat-7b-z9.nv.gz")), CompressionMode.Decompress))
            using (var file = File.Create(state)) gz.CopyTo(file);
            File.Copy(Path.Combine(Fixtures, "layout6-flat-7b-z9.nv.rtc"), state + ".rtc");
            byte[] before = File.ReadAllBytes(state);

            using var host = MeterRig.Start("unbalanced", state);
            var m = host.Meter;
            var st = m.Storage;
            Assert.False(m.Recovery.Formatted);
            Assert.False(m.Recovery.DamagedMemoryFormatted);
            Assert.Equal(0, m.Recovery.UpgradedFromVersion);
            Assert.False(m.SettingsWriter.DefaultsRestored);
            Assert.Equal(Longs(expected["snapshot"]), MeterRig.Snapshot(m)); // the legal registers, to the Wh
            var registers = new long[st.Registers.ValueCount];
            st.Registers.CopyTo(registers);
            Assert.Equal(Longs(expected["registers"]), registers);
            Assert.Equal("Flat 7b z9", m.DeviceAddress);
            var settings = new long[st.Settings.ValueCount];
            st.Settings.CopyTo(settings);
            Assert.Equal(Longs(expected["settings"]), settings); // read as it is, not rewritten
            Assert.Equal(long.Parse(expected["settingsSequence"]), st.Settings.Sequence);
            Assert.True(st.Events.Count >= int.Parse(expected["events"])); // the boot adds its own
            Assert.Equal(int.Parse(expected["billing"]), st.Billing.Count);
            Assert.Equal(int.Parse(expected["logger2"]), st.Logger2.Count);
            Assert.Equal(long.Parse(expected["profileLastMinute"]), st.Profile.LastMinute);
            Assert.Equal(Longs(expected["profileLastValues"]), Enumerable.Range(0, 4).Select(c => st.Profile.LastValue(c)));
            Assert.Equal(long.Parse(expected["profileBlockSequence"]), st.Profile.CurrentBlockSequence);
            Assert.Equal(int.Parse(expected["profileTail"]), st.Profile.CurrentTail);
            var e = new EventRecord();
            bool found = false;
            for (int age = 0; st.Events.TryRead(age, e); age++)
                if (e.Kind == EventKind.ParameterChange && e.Detail == SettingsRecord.DeviceAddress) { found = true; break; }
            Assert.True(found);
            Assert.Equal(0x466C617420376220L, e.NewValue); // "Flat 7b " as the old firmware logged it
            host.CutPower();
            // The METER-NV header (marker, version, size) is as the old firmware wrote it.
            byte[] after = File.ReadAllBytes(state);
            Assert.Equal(before.Length, after.Length);
            Assert.Equal(before.Take(NvFileHeader.Size), after.Take(NvFileHeader.Size));
        }
        finally
        {
            MeterRig.DeleteState(state);
            File.Delete(state + ".bak");
        }
    }
}
