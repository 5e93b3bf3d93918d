using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests;

/// <summary>SNRM/UA parameter negotiation (Green Book 8.4: format 0x81, group 0x80, parameters 0x05..0x08).</summary>
public class HdlcParameterNegotiationTests
{
    private static (HdlcParameterError, HdlcLinkParameters) Parse(string hex)
    {
        var bytes = Hex.Bytes(hex);
        var p = new HdlcLinkParameters();
        return (HdlcParameterNegotiation.ParseProposal(bytes, 0, bytes.Length, p), p);
    }

    [Fact]
    public void Typical_client_proposal_with_two_byte_lengths_and_four_byte_windows()
    {
        var (error, p) = Parse("81 80 14 05 02 00 80 06 02 00 80 07 04 00 00 00 01 08 04 00 00 00 01");
        Assert.Equal(HdlcParameterError.None, error);
        Assert.Equal((128, 128, 1, 1), (p.MaxInformationTransmit, p.MaxInformationReceive, p.WindowTransmit, p.WindowReceive));
    }

    [Fact]
    public void Missing_field_or_missing_parameters_keep_the_defaults_128_and_1()
    {
        var (error, p) = Parse("");
        Assert.Equal(HdlcParameterError.None, error);
        Assert.Equal((128, 128, 1, 1), (p.MaxInformationTransmit, p.MaxInformationReceive, p.WindowTransmit, p.WindowReceive));
        (error, p) = Parse("81 80 04 06 02 01 00"); // only the client's receive length
        Assert.Equal(HdlcParameterError.None, error);
        Assert.Equal((128, 256, 1, 1), (p.MaxInformationTransmit, p.MaxInformationReceive, p.WindowTransmit, p.WindowReceive));
    }

    [Fact]
    public void Server_values_are_the_minimum_of_the_clients_opposite_direction_and_the_servers_limits()
    {
        // Client sends up to 250, receives up to 100, window 7 out, 3 in.
        var (_, proposal) = Parse("81 80 12 05 01 FA 06 01 64 07 04 00 00 00 07 08 04 00 00 00 03");
        var limits = new HdlcLinkParameters { MaxInformationTransmit = 200, MaxInformationReceive = 300, WindowTransmit = 7, WindowReceive = 7 };
        var server = new HdlcLinkParameters();
        HdlcParameterNegotiation.Negotiate(proposal, limits, server);
        Assert.Equal(100, server.MaxInformationTransmit); // what the client receives
        Assert.Equal(250, server.MaxInformationReceive);  // what the client sends
        Assert.Equal(3, server.WindowTransmit);
        Assert.Equal(7, server.WindowReceive);

        limits = new HdlcLinkParameters { MaxInformationTransmit = 64, MaxInformationReceive = 128 };
        HdlcParameterNegotiation.Negotiate(proposal, limits, server);
        Assert.Equal((64, 128, 1, 1), (server.MaxInformationTransmit, server.MaxInformationReceive, server.WindowTransmit, server.WindowReceive));
    }

    [Fact]
    public void Answer_is_written_in_the_Green_Book_layout()
    {
        var buffer = new byte[32];
        var server = new HdlcLinkParameters { MaxInformationTransmit = 100, MaxInformationReceive = 250 };
        int n = HdlcParameterNegotiation.WriteAnswer(buffer, 0, server);
        Assert.Equal(Hex.Normal("81 80 12 05 01 64 06 01 FA 07 04 00 00 00 01 08 04 00 00 00 01"), Hex.Of(buffer, 0, n));
        Assert.Equal(HdlcParameterNegotiation.ShortAnswerLength, n);

        server.MaxInformationTransmit = 0x200;
        n = HdlcParameterNegotiation.WriteAnswer(buffer, 0, server);
        Assert.Equal(Hex.Normal("81 80 13 05 02 02 00 06 01 FA 07 04 00 00 00 01 08 04 00 00 00 01"), Hex.Of(buffer, 0, n));
    }

    [Theory]
    [InlineData("82 80 03 05 01 80", HdlcParameterError.BadFormatIdentifier)]
    [InlineData("81 81 03 05 01 80", HdlcParameterError.BadGroupIdentifier)]
    [InlineData("81 80 04 05 01 80", HdlcParameterError.GroupLengthMismatch)]
    [InlineData("81 80 04 05 02 80", HdlcParameterError.GroupLengthMismatch)] // value runs past the field
    [InlineData("81", HdlcParameterError.GroupLengthMismatch)]
    [InlineData("81 80 03 05 00 80", HdlcParameterError.BadParameterLength)]
    [InlineData("81 80 07 05 05 00 00 00 00 80", HdlcParameterError.BadParameterLength)]
    [InlineData("81 80 03 05 01 00", HdlcParameterError.ValueOutOfRange)]
    [InlineData("81 80 03 07 01 08", HdlcParameterError.ValueOutOfRange)]
    [InlineData("81 80 03 08 01 00", HdlcParameterError.ValueOutOfRange)]
    public void Malformed_proposals_are_refused_with_the_reason(string hex, HdlcParameterError expected)
        => Assert.Equal(expected, Parse(hex).Item1);
}
