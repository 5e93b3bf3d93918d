using Meter.Obis;
using Meter.Optical;
using Meter.OpticalClient.Protocol;
using MeterTool.Tests.Support;

namespace MeterTool.Tests;

/// <summary>
/// MeterTool --mode against the firmware's own server in process (characters reach the other
/// side only at equal rates): A never sends the option select and reads at 300 Bd (a mode C
/// meter sends the readout once tt has passed, IEC 62056-21 §6.3.14 V), B follows a mode B
/// meter's switch without acknowledgement (§6.4.2), C acknowledges (§6.4.3). Before, the
/// client always followed the meter's mode: --baud-max 300 still signed on in mode C.
/// </summary>
public class ProtocolModeOptionTests
{
    private static (ServerLink Link, Iec62056Client Client) Meter(OpticalProtocolMode mode, int maximumBaud = 9600)
    {
        var store = new ObisMemoryStore(16);
        var table = new ObisTable(StandardObjects.Count);
        StandardObjects.AddTo(table, store, store);
        store.SetText(StandardObjects.MeterNumber, "12345678");
        var readout = new ReadoutList(4);
        readout.Add(StandardObjects.MeterNumber);
        var link = new ServerLink();
        link.Server = new OpticalServer(link, new OpticalPortSettings { Mode = mode, MaximumBaud = maximumBaud }, table, readout, null!, null!);
        return (link, new Iec62056Client(link, new ClientTimings { Sleep = link.Sleep }));
    }

    private static bool SentOptionSelect(ServerLink link) => link.ClientBytes.Contains(0x06);

    [Fact]
    public void Mode_A_reads_a_mode_C_meter_at_300_baud_without_option_select()
    {
        var (link, client) = Meter(OpticalProtocolMode.C, 19200);
        client.Mode = ProtocolMode.A;
        var readout = client.Readout("", 19200);
        Assert.Equal(300, readout.Baud);
        Assert.Equal("12345678", readout.DataSets[0].Values[0].Value);
        Assert.False(SentOptionSelect(link));
        Assert.Equal("/?!\r\n"u8.ToArray(), link.ClientBytes.ToArray()); // the request and nothing else
    }

    [Fact]
    public void Without_mode_the_same_meter_is_read_in_mode_C_and_baud_max_300_still_acknowledges()
    {
        var (link, client) = Meter(OpticalProtocolMode.C, 19200);
        var readout = client.Readout("", 300);
        Assert.Equal(300, readout.Baud);
        Assert.True(SentOptionSelect(link)); // ACK 0 0 0: mode C at 300 Bd, not mode A
    }

    [Fact]
    public void Mode_A_reads_a_mode_A_meter()
    {
        var (link, client) = Meter(OpticalProtocolMode.A);
        client.Mode = ProtocolMode.A;
        Assert.Equal(300, client.Readout("", 19200).Baud);
        Assert.False(SentOptionSelect(link));
    }

    [Fact]
    public void Mode_B_follows_a_mode_B_meter_without_acknowledgement()
    {
        var (link, client) = Meter(OpticalProtocolMode.B, 19200);
        client.Mode = ProtocolMode.B;
        var readout = client.Readout("", 19200);
        Assert.Equal(19200, readout.Baud);
        Assert.Equal("12345678", readout.DataSets[0].Values[0].Value);
        Assert.False(SentOptionSelect(link));
    }

    [Fact]
    public void Mode_C_acknowledges_and_switches()
    {
        var (link, client) = Meter(OpticalProtocolMode.C, 19200);
        client.Mode = ProtocolMode.C;
        Assert.Equal(19200, client.Readout("", 19200).Baud);
        Assert.Equal("\u0006060\r\n"u8.ToArray(), link.ClientBytes.Skip(5).ToArray());
    }

    [Theory]
    [InlineData(OpticalProtocolMode.C, ProtocolMode.B, "mode B needs a meter that offers it")]
    [InlineData(OpticalProtocolMode.B, ProtocolMode.C, "mode C needs a meter that offers it")]
    [InlineData(OpticalProtocolMode.B, ProtocolMode.A, "cannot be read in mode A")]
    public void A_mode_the_meter_does_not_offer_is_refused_naming_both(OpticalProtocolMode meterMode, ProtocolMode requested, string message)
    {
        var (_, client) = Meter(meterMode);
        client.Mode = requested;
        var e = Assert.Throws<MeterProtocolException>(() => client.Readout("", 9600));
        Assert.Contains(message, e.Message);
        Assert.Contains($"identifies as mode {meterMode}", e.Message);
    }

    [Fact]
    public void Programming_in_mode_A_or_B_is_refused_before_signing_on()
    {
        var (link, client) = Meter(OpticalProtocolMode.C);
        client.Mode = ProtocolMode.A;
        var e = Assert.Throws<ArgumentException>(() => client.OpenProgramming("", 9600, "00000000"));
        Assert.Contains("programming needs mode C", e.Message);
        Assert.Empty(link.ClientBytes);
    }
}
