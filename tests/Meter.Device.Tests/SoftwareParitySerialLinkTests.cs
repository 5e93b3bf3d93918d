using System.Text;
using CsCheck;
using Meter.Device.Tests.Fakes;
using Meter.Hal.Device;

namespace Meter.Device.Tests;

public class SoftwareParitySerialLinkTests
{
    private static void Arrive(FakeUart uart, params byte[] frames)
    {
        foreach (var b in frames) uart.Incoming.Enqueue(b);
    }

    [Fact]
    public void Sign_on_request_arrives_as_seven_bit_characters()
    {
        // "/?!" CR LF as 7E1 on the wire = 8N1 bytes AF 3F 21 8D 0A (see EvenParity7Tests).
        var uart = new FakeUart();
        var link = new SoftwareParitySerialLink(uart);
        Arrive(uart, 0xAF, 0x3F, 0x21, 0x8D, 0x0A);
        Assert.Equal(5, link.BytesToRead);
        var buffer = new byte[8];
        Assert.Equal(5, link.Read(buffer, 1, 7));
        Assert.Equal("/?!\r\n", Encoding.ASCII.GetString(buffer, 1, 5));
        Assert.Equal(0, link.BytesToRead);
        Assert.Equal(0, link.Read(buffer, 0, 8));
    }

    [Fact]
    public void Characters_with_a_parity_error_are_dropped_and_counted()
    {
        var uart = new FakeUart();
        var link = new SoftwareParitySerialLink(uart);
        // '/' sent as 0x2F (parity bit missing: 5 ones, odd) is a parity error; '?' 0x3F is fine.
        Arrive(uart, 0x2F, 0x3F, 0xBF /* '?' with bit 7 flipped: 7 ones */, 0x21);
        var buffer = new byte[4];
        Assert.Equal(2, link.Read(buffer, 0, 4));
        Assert.Equal("?!", Encoding.ASCII.GetString(buffer, 0, 2));
        Assert.Equal(2, link.ParityErrors);
    }

    [Fact]
    public void Written_characters_go_out_with_their_parity_bit()
    {
        var uart = new FakeUart();
        var link = new SoftwareParitySerialLink(uart);
        link.Write(Encoding.ASCII.GetBytes("x/?!\r\n"), 1, 5);
        Assert.Equal(new byte[] { 0xAF, 0x3F, 0x21, 0x8D, 0x0A }, uart.Sent);
        Assert.Equal(0, link.BytesToWrite);
    }

    [Fact]
    public void An_eight_bit_byte_in_a_write_sends_nothing_at_all()
    {
        var uart = new FakeUart();
        var link = new SoftwareParitySerialLink(uart);
        Assert.Throws<ArgumentException>(() => link.Write(new byte[] { 0x41, 0x42, 0xC3 }, 0, 3));
        Assert.Empty(uart.Sent);
    }

    [Fact]
    public void Long_writes_go_out_in_chunks_in_order()
    {
        // 150 characters → UART writes of 64, 64 and 22 (the link's fixed chunk buffer).
        var uart = new FakeUart();
        var link = new SoftwareParitySerialLink(uart);
        var text = Enumerable.Range(0, 150).Select(i => (byte)(0x20 + i % 90)).ToArray();
        link.Write(text, 0, text.Length);
        Assert.Equal(new[] { 64, 64, 22 }, uart.WriteSizes);
        Assert.Equal(text.Select(c => EvenParity7.Encode(c)), uart.Sent);
    }

    [Fact]
    public void The_ring_holds_512_characters_and_leaves_the_rest_in_the_uart_without_loss()
    {
        var uart = new FakeUart();
        var link = new SoftwareParitySerialLink(uart);
        var text = Enumerable.Range(0, 700).Select(i => (byte)(i % 128)).ToArray();
        Arrive(uart, text.Select(c => EvenParity7.Encode(c)).ToArray());
        Assert.Equal(SoftwareParitySerialLink.ReceiveCapacity, link.BytesToRead); // 512 here,
        Assert.Equal(700 - 512, uart.Incoming.Count);                             // 188 still in the UART
        var got = new List<byte>();
        var buffer = new byte[100];
        int n;
        while ((n = link.Read(buffer, 0, buffer.Length)) > 0) got.AddRange(buffer.Take(n));
        Assert.Equal(text, got);
    }

    [Fact]
    public void Random_traffic_in_random_read_sizes_comes_out_unchanged_and_in_order()
    {
        Gen.Byte[0, 0x7F].Array[0, 1500].Select(Gen.Int[1, 300]).Sample((text, readSize) =>
        {
            var uart = new FakeUart();
            var link = new SoftwareParitySerialLink(uart);
            foreach (var c in text) uart.Incoming.Enqueue(EvenParity7.Encode(c));
            var got = new List<byte>();
            var buffer = new byte[readSize];
            int n;
            while ((n = link.Read(buffer, 0, readSize)) > 0) got.AddRange(buffer.Take(n));
            return got.SequenceEqual(text) && link.ParityErrors == 0;
        }, iter: 200);
    }

    [Fact]
    public void Discard_empties_the_ring_and_the_uart()
    {
        var uart = new FakeUart();
        var link = new SoftwareParitySerialLink(uart);
        Arrive(uart, 0xAF, 0x3F);
        Assert.Equal(2, link.BytesToRead);
        Arrive(uart, 0x21, 0x8D);
        link.DiscardInBuffer();
        Assert.Equal(0, link.BytesToRead);
        Assert.Empty(uart.Incoming);
    }

    [Fact]
    public void Baud_rate_switches_the_uart_and_refuses_nonsense()
    {
        var uart = new FakeUart();
        var link = new SoftwareParitySerialLink(uart);
        link.BaudRate = 9600; // IEC 62056-21 mode C switch after the option select message
        Assert.Equal(9600, uart.BaudRate);
        Assert.Equal(9600, link.BaudRate);
        Assert.Throws<ArgumentOutOfRangeException>(() => link.BaudRate = 0);
        Assert.Equal(new[] { 9600 }, uart.BaudChanges);
    }

    [Fact]
    public void Reads_and_writes_outside_the_buffer_are_refused()
    {
        var link = new SoftwareParitySerialLink(new FakeUart());
        Assert.Throws<ArgumentOutOfRangeException>(() => link.Read(new byte[4], 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => link.Write(new byte[4], -1, 1));
        Assert.Throws<ArgumentNullException>(() => link.Read(null!, 0, 0));
    }
}
