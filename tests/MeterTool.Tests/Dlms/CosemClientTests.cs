using Meter.Tool.Dlms;
using static MeterTool.Tests.Dlms.ScriptedApduLink;

namespace MeterTool.Tests.Dlms;

/// <summary>MeterTool's COSEM client against hand-encoded APDUs (Green Book ACSE and xDLMS encodings).</summary>
public class CosemClientTests
{
    private static readonly byte[] ActiveImport = [1, 0, 1, 8, 0, 255];

    [Fact]
    public void The_LLS_AARQ_is_LN_no_ciphering_with_the_password_and_the_initiate_request()
    {
        byte[] expected = Hex("60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01"
            + " AC 0A 80 08 30 30 30 30 30 30 30 30 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1A 1D 04 00");
        Assert.Equal(expected, Association.Request("00000000", 1024));
        // The public client: context and user-information only.
        Assert.Equal(Hex("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1A 1D 04 00"), Association.Request(null, 1024));
    }

    [Fact]
    public void An_accepted_AARE_gives_the_server_PDU_size_and_conformance()
    {
        var link = new ScriptedApduLink("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00"
            + " BE 10 04 0E 08 00 06 5F 1F 04 00 00 1A 1D 04 00 00 07");
        var client = new CosemClient(link);
        client.Associate(null);
        Assert.Equal(1024, client.ServerMaxPdu);
        Assert.Equal(0x001A1D, client.Conformance);
    }

    [Theory]
    [InlineData("0D", "association refused: authentication failure (13): wrong password")]
    [InlineData("0C", "association refused: authentication mechanism name required (12): this client needs a password (--password)")]
    [InlineData("02", "association refused: application context name not supported (2): the meter wants LN referencing without ciphering")]
    public void A_rejected_AARE_names_the_ACSE_diagnostic(string diagnostic, string message)
    {
        var link = new ScriptedApduLink($"61 1F A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 {diagnostic}"
            + " BE 06 04 04 0E 01 06 00");
        var e = Assert.Throws<DlmsException>(() => new CosemClient(link).Associate("x"));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void An_AARE_rejected_without_a_diagnostic_names_the_initiate_error()
    {
        // result rejected-permanent, diagnostic no-reason-given, ConfirmedServiceError initiateError / initiate: PDU size too short.
        var link = new ScriptedApduLink("61 1F A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 03");
        var e = Assert.Throws<DlmsException>(() => new CosemClient(link).Associate(null));
        Assert.Equal("association refused: initiate error: PDU size too short (3)", e.Message);
    }

    [Fact]
    public void GET_joins_data_blocks_fetched_with_get_request_next()
    {
        // double-long-unsigned 6555 (06 00 00 19 9B) split over two Get-Response-With-Datablock.
        var link = new ScriptedApduLink("C4 02 C1 00 00 00 00 01 00 03 06 00 00", "C4 02 C1 01 00 00 00 02 00 02 19 9B");
        var value = new CosemClient(link).Get(new CosemAttribute(3, ActiveImport, 2));
        Assert.Equal(AxdrTag.DoubleLongUnsigned, value.Tag);
        Assert.Equal(6555, value.Number);
        Assert.Equal(Hex("C0 01 C1 00 03 01 00 01 08 00 FF 02 00"), link.Sent[0]);
        Assert.Equal(Hex("C0 02 C1 00 00 00 01"), link.Sent[1]);
    }

    [Theory]
    [InlineData("C4 01 C1 01 04", "GET 1-0:1.8.0.255 class 3 attribute 2: object-undefined (4): the meter has no such object or attribute (check the OBIS code and --attribute)")]
    [InlineData("C4 01 C1 01 FA", "GET 1-0:1.8.0.255 class 3 attribute 2: other-reason (250): refused by the meter (e.g. a selective access it does not offer, or a value it does not take)")]
    [InlineData("D8 01 01", "1-0:1.8.0.255 class 3 attribute 2: the meter answered ExceptionResponse: service not allowed (no association), operation not possible")]
    [InlineData("C4 02 C1 00 00 00 00 02 00 01 06", "GET 1-0:1.8.0.255 class 3 attribute 2: block 2 came, 1 expected")]
    public void A_refused_GET_says_why_in_words(string answer, string message)
    {
        var e = Assert.Throws<DlmsException>(() => new CosemClient(new ScriptedApduLink(answer)).Get(new CosemAttribute(3, ActiveImport, 2)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void GET_with_list_returns_values_and_refusals_in_order()
    {
        var link = new ScriptedApduLink("C4 03 C1 02 00 06 00 00 00 05 01 04");
        var results = new CosemClient(link).GetWithList([new CosemAttribute(3, ActiveImport, 2), new CosemAttribute(3, [1, 0, 99, 8, 0, 255], 2)]);
        Assert.Equal(5, results[0].Value!.Number);
        Assert.StartsWith("object-undefined (4)", results[1].Error);
        Assert.Equal(Hex("C0 03 C1 02 00 03 01 00 01 08 00 FF 02 00 00 03 01 00 63 08 00 FF 02 00"), link.Sent[0]);
    }

    [Fact]
    public void SET_and_ACTION_send_normal_requests_and_map_the_results()
    {
        var link = new ScriptedApduLink("C5 01 C1 00", "C5 01 C1 03", "C7 01 C1 00 00", "C7 01 C1 00 01 00 11 07");
        var client = new CosemClient(link);
        var number = new CosemAttribute(1, [0, 0, 96, 1, 0, 255], 2);
        client.Set(number, Hex("0A 02 34 32"));
        Assert.Equal(Hex("C1 01 C1 00 01 00 00 60 01 00 FF 02 00 0A 02 34 32"), link.Sent[0]);
        var e = Assert.Throws<DlmsException>(() => client.Set(number, Hex("0A 00")));
        Assert.StartsWith("SET 0-0:96.1.0.255 class 1 attribute 2: read-write-denied (3)", e.Message);
        var method = new CosemAttribute(70, [0, 0, 96, 3, 10, 255], 1);
        Assert.Null(client.Action(method, Hex("0F 00")));
        Assert.Equal(Hex("C3 01 C1 00 46 00 00 60 03 0A FF 01 01 0F 00"), link.Sent[2]);
        Assert.Equal(7, client.Action(method, null)!.Number);
        Assert.Equal(Hex("C3 01 C1 00 46 00 00 60 03 0A FF 01 00"), link.Sent[3]);
    }
}
