using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests.Cosem;

/// <summary>AARQ/AARE (Green Book ACSE, BER) with the xDLMS InitiateRequest/Response, RLRQ/RLRE, and the
/// association's life. AAREs are worked out by hand field by field in the comments.</summary>
public class AssociationTests
{
    // AARE accepted: application-context-name LN no ciphering; result accepted (A2 03 02 01 00);
    // result-source-diagnostic acse-service-user null (A3 05 A1 03 02 01 00); user-information: InitiateResponse
    // 08, no QoS 00, version 06, conformance 5F 1F 04 00 + (proposed 00 7E 1F AND server 00 1A 1D: 7E&1A = 1A, 1F&1D = 1D -> 00 1A 1D),
    // server max PDU 04 00 (1024), VAA-name 00 07.
    private const string InitiateResponse = "BE 10 04 0E 08 00 06 5F 1F 04 00 00 1A 1D 04 00 00 07";
    private const string ContextLn = "A1 09 06 07 60 85 74 05 08 01 01";

    [Fact]
    public void Public_client_without_authentication_is_accepted_with_the_negotiated_conformance()
    {
        var h = new CosemHarness();
        Assert.Equal(Hex.Normal($"61 29 {ContextLn} A2 03 02 01 00 A3 05 A1 03 02 01 00 {InitiateResponse}"),
            h.Send(CosemHarness.PublicAarq));
        Assert.True(h.Server.Association.Active);
        Assert.True(h.Server.Association.ReadOnly);
        Assert.Equal(16, h.Server.Association.ClientSap);
        Assert.Equal(0x1A1D, h.Server.Association.Conformance);
        Assert.Equal(1200, h.Server.Association.ClientMaxPdu);
        Assert.Equal(0, h.Passwords.Checks);
    }

    [Fact]
    public void Management_client_with_the_right_lls_password_is_accepted_and_named_the_mechanism()
    {
        var h = new CosemHarness();
        // 88 02 07 80 responder-acse-requirements (authentication), 89 07 mechanism-name LLS 2.16.756.5.8.2.1.
        Assert.Equal(Hex.Normal($"61 36 {ContextLn} A2 03 02 01 00 A3 05 A1 03 02 01 00 88 02 07 80 89 07 60 85 74 05 08 02 01 {InitiateResponse}"),
            h.Send(CosemHarness.LlsAarq(CosemHarness.GoodPassword), sap: 1));
        Assert.False(h.Server.Association.ReadOnly);
        Assert.Equal(1, h.Server.Association.Mechanism);
        Assert.Equal(0, h.Passwords.Failures);
    }

    [Fact]
    public void A_wrong_password_is_authentication_failure_and_counted()
    {
        var h = new CosemHarness();
        // rejected-permanent (A2 03 02 01 01), acse-service-user authentication-failure (13 = 0D), no user-information.
        Assert.Equal(Hex.Normal($"61 17 {ContextLn} A2 03 02 01 01 A3 05 A1 03 02 01 0D"),
            h.Send(CosemHarness.LlsAarq("31 32 33 34 35 36 37 39"), sap: 1));
        Assert.False(h.Server.Association.Active);
        Assert.Equal(1, h.Passwords.Failures);
        Assert.Equal("D80101", h.Send("C0 01 C1 00 03 01 00 01 08 00 FF 02 00", sap: 1)); // no association: not allowed
    }

    [Fact]
    public void Management_client_without_authentication_is_told_authentication_is_required()
    {
        var h = new CosemHarness();
        Assert.Equal(Hex.Normal($"61 17 {ContextLn} A2 03 02 01 01 A3 05 A1 03 02 01 0E"), h.Send(CosemHarness.PublicAarq, sap: 1));
        Assert.Equal(0, h.Passwords.Checks);
    }

    [Fact]
    public void Public_client_asking_for_lls_gets_mechanism_not_recognised_and_no_password_is_checked()
    {
        var h = new CosemHarness();
        Assert.Equal(Hex.Normal($"61 17 {ContextLn} A2 03 02 01 01 A3 05 A1 03 02 01 0B"),
            h.Send(CosemHarness.LlsAarq(CosemHarness.GoodPassword), sap: 16));
        Assert.Equal(0, h.Passwords.Checks);
    }

    [Fact]
    public void A_client_proposing_every_bit_gets_exactly_the_server_block_with_selective_access()
    {
        var h = new CosemHarness();
        // Green Book conformance block, bit n = 1 << (23 - n): 11 block-transfer-with-get 0x001000, 12 with-set
        // 0x000800, 14 multiple-references 0x000200, 19 get 0x000010, 20 set 0x000008, 21 selective-access 0x000004,
        // 23 action 0x000001; sum 0x001A1D. Proposed FF FF FF AND that = 00 1A 1D.
        h.Send(CosemHarness.PublicAarq.Replace("00 7E 1F", "FF FF FF"));
        Assert.Equal(0x001A1D, h.Server.Association.Conformance);
    }

    [Fact]
    public void Short_name_referencing_is_application_context_not_supported()
    {
        var h = new CosemHarness();
        string aarq = CosemHarness.PublicAarq.Replace("08 01 01", "08 01 02"); // 2.16.756.5.8.1.2 SN no ciphering
        Assert.Equal(Hex.Normal($"61 17 {ContextLn} A2 03 02 01 01 A3 05 A1 03 02 01 02"), h.Send(aarq));
    }

    [Fact]
    public void An_unknown_client_sap_is_rejected()
    {
        var h = new CosemHarness();
        Assert.Equal(Hex.Normal($"61 17 {ContextLn} A2 03 02 01 01 A3 05 A1 03 02 01 01"), h.Send(CosemHarness.PublicAarq, sap: 0x20));
    }

    [Theory]
    [InlineData("01 00 00 00 05 5F 1F 04 00 00 7E 1F 04 B0", "01")] // dlms-version-too-low
    [InlineData("01 00 00 00 06 5F 1F 04 00 00 00 02 04 B0", "02")] // incompatible-conformance (nothing in common)
    [InlineData("01 00 00 00 06 5F 1F 04 00 00 7E 1F 00 0B", "03")] // pdu-size-too-short
    [InlineData("01 01 02 AA BB 00 00 06 5F 1F 04 00 00 7E 1F 04 B0", "00")] // dedicated key without ciphering: other
    public void A_bad_initiate_request_is_answered_by_a_confirmed_service_error(string initiate, string code)
    {
        var h = new CosemHarness();
        int length = Hex.Bytes(initiate).Length;
        string body = $"{ContextLn} BE {length + 2:X2} 04 {length:X2} {initiate}";
        // ConfirmedServiceError 0E, initiateError [1] 01, ServiceError initiate [6] 06, the code.
        Assert.Equal(Hex.Normal($"61 1F {ContextLn} A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 {code}"),
            h.Send($"60 {Hex.Bytes(body).Length:X2} {body}"));
        Assert.False(h.Server.Association.Active);
    }

    [Fact]
    public void Other_aarq_fields_are_accepted_and_the_calling_ap_title_kept()
    {
        var h = new CosemHarness();
        // protocol-version 80 02 07 80, calling-AP-title A6 0A 04 08 "MMM" 00 00 00 00 01.
        string aarq = "60 2D 80 02 07 80 A1 09 06 07 60 85 74 05 08 01 01 A6 0A 04 08 4D 4D 4D 00 00 00 00 01 "
            + "BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0";
        Assert.Equal(Hex.Normal($"61 29 {ContextLn} A2 03 02 01 00 A3 05 A1 03 02 01 00 {InitiateResponse}"), h.Send(aarq));
        Assert.True(h.Server.Association.Active);
        Assert.Equal("4D4D4D0000000001", Hex.Of(h.Server.LastAarq.CallingApTitle, 0, h.Server.LastAarq.CallingApTitleLength));
    }

    [Theory]
    [InlineData("60")]
    [InlineData("60 05 A1 09 06 07 60")]                     // field longer than the AARQ
    [InlineData("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04")] // one byte short
    [InlineData("60 0B A1 09 07 07 60 85 74 05 08 01 01")]   // not an OBJECT IDENTIFIER inside
    public void A_malformed_aarq_is_rejected_with_no_reason_given(string aarq)
    {
        var h = new CosemHarness();
        Assert.Equal(Hex.Normal($"61 17 {ContextLn} A2 03 02 01 01 A3 05 A1 03 02 01 01"), h.Send(aarq));
    }

    [Fact]
    public void Release_request_ends_the_association_with_a_normal_release_response()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        Assert.Equal("6303800100", h.Send("62 03 80 01 00"));
        Assert.False(h.Server.Association.Active);
        Assert.Equal("D80101", h.Send("C0 01 C1 00 03 01 00 01 08 00 FF 02 00"));
        h.AssociatePublic();
        Assert.Equal("6303800100", h.Send("62 00"));
        Assert.Equal("D80203", h.Send("62 05 80 01")); // its length disagrees: malformed
    }

    [Fact]
    public void The_link_closing_ends_the_association()
    {
        var h = new CosemHarness();
        h.AssociateManagement();
        h.Server.LinkClosed();
        Assert.False(h.Server.Association.Active);
        Assert.Equal("D80101", h.Send("C0 01 C1 00 03 01 00 01 08 00 FF 02 00", sap: 1));
    }

    [Fact]
    public void A_second_aarq_replaces_the_association_and_a_failed_one_leaves_none()
    {
        var h = new CosemHarness();
        h.AssociateManagement();
        h.Send(CosemHarness.LlsAarq("30"), sap: 1);
        Assert.False(h.Server.Association.Active);
    }

    [Fact]
    public void Another_client_cannot_use_the_association()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        Assert.Equal("D80101", h.Send("C0 01 C1 00 03 01 00 01 08 00 FF 02 00", sap: 1));
    }
}
