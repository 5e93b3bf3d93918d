using Meter.Acceptance.Targets;
using Meter.OpticalClient.Protocol;

namespace Meter.Acceptance;

/// <summary>The data readout (IEC 62056-21 §6.4.2 mode A, §6.4.4 mode C with Y = 0): the objects a utility reads, and the block check.</summary>
public class ReadoutTests
{
    private static readonly DateTime Start = new(2025, 1, 15, 8, 0, 0, DateTimeKind.Utc);

    [SkippableFact]
    public void Mode_C_readout_has_the_required_objects_and_a_valid_BCC()
    {
        using var meter = MeterTargets.Open(Start);
        var readout = MeterPort.Readout(meter, ProtocolMode.C);
        Assert.Equal(ProtocolMode.C, readout.Identification.Mode);
        AssertRequiredObjects(meter, readout);
        AssertBcc(readout.Raw);
    }

    [SkippableFact]
    public void Mode_A_readout_comes_at_300_Bd_with_the_same_objects_and_a_valid_BCC()
    {
        using var meter = MeterTargets.Open(Start);
        var readout = MeterPort.Readout(meter, ProtocolMode.A);
        Assert.Equal(300, readout.Baud); // mode A: no rate change (§6.4.2)
        AssertRequiredObjects(meter, readout);
        AssertBcc(readout.Raw);
    }

    private static void AssertRequiredObjects(IMeterTarget meter, Readout readout)
    {
        var sets = readout.DataSets;
        Assert.Matches("^[0-9]{1,16}$", Expect.Single(sets, "0-0:96.1.0").Value); // meter number
        Assert.Matches(@"^\d\d-\d\d-\d\d \d\d:\d\d:\d\d$", Expect.Single(sets, "0-0:1.0.0").Value); // clock, local time
        Assert.Matches("^[0-9A-F]{8}$", Expect.Single(sets, "0-0:97.97.0").Value); // error register F.F
        foreach (string energy in new[] { "1.8.0", "2.8.0", "1.8.1", "1.8.2" })
        {
            var set = Expect.Single(sets, energy);
            Assert.Equal("kWh", set.Unit);
            Expect.Wh(set);
        }
        if (meter.Bench != null)
        {
            // The virtual meter as started: its meter number, the start time (CET = UTC+1, winter), no energy, no error.
            Assert.Equal("12345678", Expect.Single(sets, "0-0:96.1.0").Value);
            Assert.Equal("25-01-15 09:00:00", Expect.Single(sets, "0-0:1.0.0").Value);
            Assert.Equal("00000000", Expect.Single(sets, "0-0:97.97.0").Value);
            Assert.Equal("000000.000", Expect.Single(sets, "1.8.0").Value);
        }
    }

    /// <summary>BCC = XOR of every byte after STX up to and including ETX (IEC 62056-21 §6.3.4, ISO/IEC 1155), computed here, not by the client.</summary>
    private static void AssertBcc(byte[] raw)
    {
        int stx = Array.IndexOf(raw, (byte)0x02);
        int etx = Array.LastIndexOf(raw, (byte)0x03);
        Assert.True(stx >= 0 && etx > stx && etx == raw.Length - 2, "readout frame: STX … ETX BCC");
        byte bcc = 0;
        for (int i = stx + 1; i <= etx; i++) bcc ^= raw[i];
        Assert.Equal(bcc, (byte)(raw[^1] & 0x7F));
    }
}
