using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests.Cosem;

/// <summary>SET normal, ACTION normal and the exception-response (Green Book SET/ACTION services, LN).</summary>
public class SetActionServiceTests
{
    private const string Register = "00 03 01 00 01 08 00 FF";
    private const string Clock = "00 08 00 00 01 00 00 FF";
    private const string NewTime = "09 0C 07 EA 0C 05 06 0D 00 00 00 FF C4 00";

    [Fact]
    public void The_public_client_cannot_set_what_it_may_only_read()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        // Set-Response-Normal C5 01 C1 read-write-denied (3): the register value is read-only for the public client.
        Assert.Equal(Hex.Normal("C5 01 C1 03"), h.Send($"C1 01 C1 {Register} 02 00 06 00 00 00 00"));
        Assert.Equal(123456, h.Objects.EnergyValue);
        Assert.Equal(-1, h.Objects.LastSetAttribute); // the object was never asked
    }

    [Fact]
    public void Write_access_granted_but_outside_a_read_only_association_is_scope_of_access_violated()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        Assert.Equal(Hex.Normal("C5 01 C1 0D"), h.Send($"C1 01 C1 {Clock} 02 00 {NewTime}"));
        Assert.Equal(-1, h.Objects.LastSetAttribute);
    }

    [Fact]
    public void The_management_client_sets_and_reads_back()
    {
        var h = new CosemHarness();
        h.AssociateManagement();
        Assert.Equal(Hex.Normal("C5 01 C1 00"), h.Send($"C1 01 C1 {Register} 02 00 06 00 00 00 2A", sap: 1));
        Assert.Equal(42, h.Objects.EnergyValue);
        Assert.Equal(Hex.Normal("C4 01 C1 00 06 00 00 00 2A"), h.Send($"C0 01 C1 {Register} 02 00", sap: 1));
        Assert.Equal(Hex.Normal("C5 01 C1 00"), h.Send($"C1 01 C1 {Clock} 02 00 {NewTime}", sap: 1));
    }

    [Theory]
    [InlineData($"{Register} 02 00 0A 01 41", "0C")]          // visible-string for a double-long-unsigned: type-unmatched
    [InlineData($"{Register} 03 00 02 02 0F 00 16 1E", "03")] // scaler_unit read-only: read-write-denied
    [InlineData($"{Register} 09 00 00", "04")]               // no attribute 9: object-undefined
    [InlineData("00 03 01 00 63 08 00 FF 02 00 06 00 00 00 00", "04")]
    [InlineData($"{Register} 02 01 01 00 06 00 00 00 00", "FA")] // selective access: other-reason
    public void Set_refusals_carry_the_data_access_result(string body, string result)
    {
        var h = new CosemHarness();
        h.AssociateManagement();
        Assert.Equal(Hex.Normal($"C5 01 C1 {result}"), h.Send($"C1 01 C1 {body}", sap: 1));
        Assert.Equal(123456, h.Objects.EnergyValue);
    }

    [Fact]
    public void A_set_with_selective_access_not_negotiated_is_an_exception_response_and_changes_nothing()
    {
        var h = new CosemHarness();
        Assert.StartsWith("61", h.Send(CosemHarness.LlsAarq(CosemHarness.GoodPassword, "00 7E 1B"), sap: 1)); // no bit 21
        // ExceptionResponse service-not-allowed 01 / service-not-supported 02, for SET normal and the first datablock.
        Assert.Equal("D80102", h.Send($"C1 01 C1 {Register} 02 01 01 00 06 00 00 00 00", sap: 1));
        Assert.Equal("D80102", h.Send($"C1 02 C1 {Register} 02 01 01 00 01 00 00 00 01 05 06 00 00 00 00", sap: 1));
        Assert.Equal(123456, h.Objects.EnergyValue);
    }

    [Fact]
    public void A_value_sent_in_datablocks_is_set_after_the_last_block()
    {
        var h = new CosemHarness();
        h.AssociateManagement();
        // Set-Request-With-First-Datablock C1 02: descriptor, no selection, DataBlock-SA last 00, block 1, raw-data 5 bytes.
        Assert.Equal(Hex.Normal("C5 02 C1 00 00 00 01"), h.Send($"C1 02 C1 {Clock} 02 00 00 00 00 00 01 05 09 0C 07 EA 0C", sap: 1));
        // Set-Request-With-Datablock C1 03: block 2, then the last block 3 (last-block TRUE = FF).
        Assert.Equal(Hex.Normal("C5 02 C1 00 00 00 02"), h.Send("C1 03 C1 00 00 00 00 02 05 05 06 0D 00 00", sap: 1));
        Assert.Equal(-1, h.Objects.LastSetAttribute); // nothing set before the last block
        // Set-Response-Last-Datablock C5 03: result success, block number 3.
        Assert.Equal(Hex.Normal("C5 03 C1 00 00 00 00 03"), h.Send("C1 03 C1 FF 00 00 00 03 04 00 FF C4 00", sap: 1));
        Assert.Equal("07EA0C05060D000000FFC400", Hex.Of(h.Objects.ClockTime));
    }

    [Fact]
    public void Datablock_refusals_end_the_long_set()
    {
        var h = new CosemHarness();
        h.AssociateManagement();
        h.Send($"C1 02 C1 {Clock} 02 00 00 00 00 00 01 05 09 0C 07 EA 0C", sap: 1);
        // Block 5 instead of 2: data-block-number-invalid (19); then no-long-set-in-progress (18).
        Assert.Equal(Hex.Normal("C5 03 C1 13 00 00 00 05"), h.Send("C1 03 C1 00 00 00 00 05 01 05", sap: 1));
        Assert.Equal(Hex.Normal("C5 03 C1 12 00 00 00 02"), h.Send("C1 03 C1 00 00 00 00 02 01 05", sap: 1));
        // Another request in between ends it too.
        h.Send($"C1 02 C1 {Clock} 02 00 00 00 00 00 01 05 09 0C 07 EA 0C", sap: 1);
        h.Send($"C0 01 C1 {Register} 02 00", sap: 1);
        Assert.Equal(Hex.Normal("C5 03 C1 12 00 00 00 02"), h.Send("C1 03 C1 01 00 00 00 02 01 05", sap: 1));
        // A joined value that is not one Data: type-unmatched.
        Assert.Equal(Hex.Normal("C5 03 C1 0C 00 00 00 01"), h.Send($"C1 02 C1 {Register} 02 00 01 00 00 00 01 03 06 00 00", sap: 1));
        Assert.Equal(-1, h.Objects.LastSetAttribute);
    }

    [Fact]
    public void A_first_datablock_the_association_may_not_write_is_refused_at_once()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        Assert.Equal(Hex.Normal("C5 03 C1 0D 00 00 00 01"), h.Send($"C1 02 C1 {Clock} 02 00 00 00 00 00 01 05 09 0C 07 EA 0C"));
        Assert.Equal(Hex.Normal("C5 03 C1 12 00 00 00 02"), h.Send("C1 03 C1 01 00 00 00 02 01 05"));
    }

    [Fact]
    public void Action_on_an_unknown_method_is_object_undefined()
    {
        var h = new CosemHarness();
        h.AssociateManagement();
        // Action-Response-Normal C7 01 C1, object-undefined (4), no return parameters (00).
        Assert.Equal(Hex.Normal("C7 01 C1 04 00"), h.Send($"C3 01 C1 {Register} 05 00", sap: 1));
        Assert.Equal(Hex.Normal("C7 01 C1 04 00"), h.Send("C3 01 C1 00 03 01 00 63 08 00 FF 01 01 0F 00", sap: 1));
        Assert.Equal(0, h.Objects.Resets);
    }

    [Fact]
    public void Register_reset_runs_for_the_management_client_only()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        // Method access granted but the public association is read-only: scope-of-access-violated (13).
        Assert.Equal(Hex.Normal("C7 01 C1 0D 00"), h.Send($"C3 01 C1 {Register} 01 01 0F 00"));
        Assert.Equal(0, h.Objects.Resets);
        h.AssociateManagement();
        Assert.Equal(Hex.Normal("C7 01 C1 00 00"), h.Send($"C3 01 C1 {Register} 01 01 0F 00", sap: 1));
        Assert.Equal(1, h.Objects.Resets);
        Assert.Equal(0, h.Objects.EnergyValue);
        Assert.Equal(Hex.Normal("C7 01 C1 0C 00"), h.Send($"C3 01 C1 {Register} 01 00", sap: 1)); // parameter missing
        Assert.Equal(Hex.Normal("C7 01 C1 03 00"), h.Send($"C3 01 C1 {Clock} 01 01 0F 00", sap: 1)); // no method access
    }

    [Theory]
    [InlineData("CC 01 02", "D80202")]                          // unknown APDU: service-unknown, service-not-supported
    [InlineData("C0 01 C1 00 03 01", "D80203")]                 // truncated GET: service-unknown, other-reason
    [InlineData($"C0 01 C1 {Register} 02 00 00", "D80203")]     // a byte too many
    [InlineData($"C0 01 C1 {Register} 02 02", "D80203")]        // access-selection flag 2
    [InlineData("C0 04 C1", "D80202")]                          // no such GET choice
    [InlineData("C0 03 C1 00", "D80203")]                       // with-list of nothing
    [InlineData($"C1 01 C1 {Register} 02 00 06 00 00", "D80203")]  // SET value truncated
    [InlineData($"C1 04 C1 01 {Register} 02 00 06 00 00 00 00", "D80202")] // SET with list: not implemented
    [InlineData($"C3 01 C1 {Register} 01 02", "D80203")]        // ACTION parameter flag 2
    [InlineData("C3 02 C1", "D80202")]
    [InlineData("C0", "D80203")]
    public void Malformed_or_unsupported_apdus_get_an_exception_response(string apdu, string expected)
    {
        var h = new CosemHarness();
        h.AssociateManagement();
        Assert.Equal(expected, h.Send(apdu, sap: 1));
        Assert.True(h.Server.Association.Active); // the association survives
    }

    [Fact]
    public void A_request_longer_than_the_servers_max_pdu_is_pdu_too_long()
    {
        var h = new CosemHarness(settings: new CosemServerSettings { MaxReceivePduSize = 16 });
        h.AssociatePublic();
        Assert.Equal("D80104", h.Send($"C0 03 C1 02 {Register} 02 00 {Register} 03 00"));
    }

    [Fact]
    public void Without_association_every_service_is_not_allowed_and_an_empty_apdu_gets_no_answer()
    {
        var h = new CosemHarness();
        Assert.Equal("D80101", h.Send($"C0 01 C1 {Register} 02 00"));
        Assert.Equal("D80101", h.Send($"C1 01 C1 {Register} 02 00 06 00 00 00 00"));
        Assert.Equal("D80101", h.Send($"C3 01 C1 {Register} 01 01 0F 00"));
        Assert.Equal("", h.Send(""));
    }
}
