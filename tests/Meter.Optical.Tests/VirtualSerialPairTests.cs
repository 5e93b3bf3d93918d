using Meter.Hal.Simulation.Serial;

namespace Meter.Optical.Tests;

/// <summary>The virtual link's timing: 10 bits per 7E1 character at the sender's rate.</summary>
public class VirtualSerialPairTests
{
    [Fact]
    public void Characters_take_ten_bit_times_back_to_back()
    {
        var pair = new VirtualSerialPair(300);
        pair.Probe.Write("/?!\r\n");
        // 10 bits / 300 Bd = 33.333 ms a character; the fifth ends at 166.67 ms.
        pair.AdvanceTo(166_666_000);
        Assert.Equal(4, pair.Meter.BytesToRead);
        Assert.Equal(1, pair.Probe.BytesToWrite);
        pair.AdvanceTo(166_667_000);
        Assert.Equal(5, pair.Meter.BytesToRead);
        Assert.Equal(0, pair.Probe.BytesToWrite);
        Assert.Equal(33_333_333, pair.Transcript[0].EndNs - pair.Transcript[0].StartNs);
        Assert.Equal(pair.Transcript[0].EndNs, pair.Transcript[1].StartNs);
    }

    [Fact]
    public void At_9600_baud_a_character_takes_1_04_ms()
    {
        var pair = new VirtualSerialPair(9600);
        pair.Meter.Write(new byte[] { 0x41 }, 0, 1);
        pair.AdvanceMs(2);
        Assert.Equal(1_041_666, pair.Transcript[0].EndNs - pair.Transcript[0].StartNs); // 10 / 9600 s
    }

    [Fact]
    public void A_receiver_at_another_rate_gets_framing_errors()
    {
        var pair = new VirtualSerialPair(300);
        pair.Meter.BaudRate = 9600;
        pair.Meter.Write("ABC");
        pair.AdvanceMs(10);
        Assert.Equal(0, pair.Probe.BytesToRead);
        Assert.Equal(3, pair.Probe.FramingErrors);
        Assert.All(pair.Transcript, c => Assert.False(c.Delivered));
    }

    [Fact]
    public void Changing_the_rate_while_sending_is_refused()
    {
        var pair = new VirtualSerialPair(300);
        pair.Meter.Write("A");
        Assert.Throws<InvalidOperationException>(() => pair.Meter.BaudRate = 9600);
        pair.AdvanceMs(34);
        pair.Meter.BaudRate = 9600;
        Assert.Equal(9600, pair.Meter.BaudRate);
    }

    [Fact]
    public void Only_seven_data_bits_travel()
    {
        var pair = new VirtualSerialPair(300);
        pair.Probe.Write(new byte[] { 0xC1 }, 0, 1);
        pair.AdvanceMs(40);
        Assert.Equal(new byte[] { 0x41 }, pair.Meter.ReadAll());
    }
}
