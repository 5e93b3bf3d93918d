using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests;

/// <summary>The IEC 62056-47 wrapper: version 0x0001, source wPort, destination wPort, APDU length (big-endian).</summary>
public class WrapperTests
{
    [Fact]
    public void Header_from_the_public_client_to_the_management_logical_device()
    {
        var buffer = new byte[8];
        Assert.Equal(8, WrapperHeader.Write(buffer, 0, WrapperHeader.PublicClient, WrapperHeader.ManagementLogicalDevice, 0x1D));
        Assert.Equal(Hex.Normal("00 01 00 10 00 01 00 1D"), Hex.Of(buffer));
        Assert.Equal(4059, WrapperHeader.DefaultTcpPort);
    }

    [Fact]
    public void Out_of_range_fields_are_refused()
    {
        var buffer = new byte[8];
        Assert.Throws<ArgumentOutOfRangeException>(() => WrapperHeader.Write(buffer, 0, 0x10000, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WrapperHeader.Write(buffer, 0, 16, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WrapperHeader.Write(buffer, 0, 16, 1, 0x10000));
    }

    [Fact]
    public void Stream_of_two_apdus_is_split_whatever_the_chunking()
    {
        var stream = Hex.Bytes("00 01 00 10 00 01 00 03 C0 01 81 00 01 00 01 00 10 00 02 AB CD");
        var decoder = new WrapperDecoder(64);
        var found = new List<string>();
        foreach (var b in stream)
            if (decoder.Push(b) == WrapperDecodeStatus.ApduReady)
                found.Add($"{decoder.SourcePort}>{decoder.DestinationPort}:{Hex.Of(decoder.Apdu, 0, decoder.ApduLength)}");
        Assert.Equal(new[] { "16>1:C00181", "1>16:ABCD" }, found);
    }

    [Theory]
    [InlineData("00 02 00 10 00 01 00 03", WrapperError.BadVersion)]
    [InlineData("00 01 00 10 00 01 00 00", WrapperError.EmptyApdu)]
    [InlineData("00 01 00 10 00 01 00 41", WrapperError.ApduTooLong)] // 65 > 64
    public void Bad_headers_fail_with_the_reason_until_reset(string hex, WrapperError error)
    {
        var decoder = new WrapperDecoder(64);
        var statuses = Hex.Bytes(hex).Select(decoder.Push).ToList();
        Assert.Equal(WrapperDecodeStatus.Failed, statuses[^1]);
        Assert.Equal(error, decoder.LastError);
        Assert.Equal(WrapperDecodeStatus.Failed, decoder.Push(0x00)); // no resynchronisation on a stream
        decoder.Reset();
        var ok = Hex.Bytes("00 01 00 10 00 01 00 01 7E").Select(decoder.Push).ToList();
        Assert.Equal(WrapperDecodeStatus.ApduReady, ok[^1]);
        Assert.Equal(WrapperError.None, decoder.LastError);
    }

    [Fact]
    public void Bad_version_is_detected_at_the_second_byte()
    {
        var decoder = new WrapperDecoder(64);
        Assert.Equal(WrapperDecodeStatus.Pending, decoder.Push(0x00));
        Assert.Equal(WrapperDecodeStatus.Failed, decoder.Push(0x00));
        Assert.Equal(WrapperError.BadVersion, decoder.LastError);
    }
}
