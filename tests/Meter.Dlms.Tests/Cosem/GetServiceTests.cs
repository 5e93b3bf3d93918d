using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests.Cosem;

/// <summary>GET normal, with-list and next (Green Book GET service, LN; Blue Book attribute encodings).</summary>
public class GetServiceTests
{
    // Get-Request-Normal: C0 01, invoke-id-and-priority C1, class-id, instance-id, attribute-id, no access-selection.
    private static string Get(string classAndName, int attribute, string invokeId = "C1")
        => $"C0 01 {invokeId} {classAndName} {attribute:X2} 00";

    private const string Register = "00 03 01 00 01 08 00 FF";   // class 3, 1.0.1.8.0.255
    private const string Clock = "00 08 00 00 01 00 00 FF";      // class 8, 0.0.1.0.0.255
    private const string MeterNumber = "00 01 00 00 60 01 00 FF"; // class 1, 0.0.96.1.0.255
    private const string Hidden = "00 01 00 00 60 01 01 FF";      // class 1, management only

    [Fact]
    public void Register_value_is_its_double_long_unsigned()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        // Get-Response-Normal C4 01 C1, Get-Data-Result data 00, double-long-unsigned 06 0001E240 (123456).
        Assert.Equal(Hex.Normal("C4 01 C1 00 06 00 01 E2 40"), h.Send(Get(Register, 2)));
    }

    [Fact]
    public void Register_scaler_unit_is_a_structure_of_integer_and_enum()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        // Blue Book IC 3 scaler_unit ::= structure { scaler integer, unit enum }: 10^-1 Wh (unit 30).
        Assert.Equal(Hex.Normal("C4 01 C1 00 02 02 0F FF 16 1E"), h.Send(Get(Register, 3)));
    }

    [Fact]
    public void Logical_names_clock_time_and_meter_number_read_as_octet_strings()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        Assert.Equal(Hex.Normal("C4 01 C1 00 09 06 01 00 01 08 00 FF"), h.Send(Get(Register, 1)));
        Assert.Equal(Hex.Normal("C4 01 C1 00 09 0C 07 EA 0C 05 06 0C 1E 00 00 FF C4 00"), h.Send(Get(Clock, 2)));
        Assert.Equal(Hex.Normal("C4 01 C1 00 09 08 31 32 33 34 35 36 37 38"), h.Send(Get(MeterNumber, 2)));
        Assert.Equal(Hex.Normal("C4 01 C1 00 10 FF C4"), h.Send(Get(Clock, 3))); // time_zone long -60
    }

    [Fact]
    public void The_invoke_id_and_priority_byte_is_echoed()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        Assert.StartsWith("C40181", h.Send(Get(Register, 2, "81")));
        Assert.StartsWith("C40140", h.Send(Get(Register, 2, "40")));
    }

    [Theory]
    [InlineData(Hidden, 2, "04")]                       // not in the public association: object-undefined
    [InlineData("00 01 00 00 60 01 09 FF", 2, "04")]    // no such object
    [InlineData("00 01 01 00 01 08 00 FF", 2, "09")]    // the register's name with class 1: object-class-inconsistent
    [InlineData(Register, 4, "04")]                     // class 3 has 3 attributes
    [InlineData(Register, 0, "04")]
    [InlineData(Clock, 4, "03")]                        // no access granted: read-write-denied
    public void Refusals_carry_the_data_access_result(string classAndName, int attribute, string result)
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        Assert.Equal(Hex.Normal($"C4 01 C1 01 {result}"), h.Send(Get(classAndName, attribute)));
    }

    [Fact]
    public void The_management_client_sees_what_the_public_client_does_not()
    {
        var h = new CosemHarness();
        h.AssociateManagement();
        Assert.Equal(Hex.Normal("C4 01 C1 00 0A 06 73 65 63 72 65 74"), h.Send(Get(Hidden, 2), sap: 1)); // visible-string "secret"
    }

    [Fact]
    public void Selective_access_is_refused_with_other_reason()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        // access-selection present: selector 01, parameters: a structure of 2 unsigned.
        Assert.Equal(Hex.Normal("C4 01 C1 01 FA"), h.Send($"C0 01 C1 {Register} 02 01 01 02 02 11 01 11 02"));
    }

    [Fact]
    public void Selective_access_without_the_negotiated_bit_is_an_exception_response_service_not_allowed()
    {
        var h = new CosemHarness();
        // Proposed 00 7E 1B: everything but bit 21 selective-access (0x04), negotiated 00 1A 19.
        h.Send(CosemHarness.PublicAarq.Replace("00 7E 1F", "00 7E 1B"));
        Assert.Equal(0x001A19, h.Server.Association.Conformance);
        // ExceptionResponse D8, state-error service-not-allowed 01, service-error service-not-supported 02: the same
        // answer as a service left out of the conformance block, for GET normal and for one item of a GET with-list.
        Assert.Equal("D80102", h.Send($"C0 01 C1 {Register} 02 01 01 02 02 11 01 11 02"));
        Assert.Equal("D80102", h.Send($"C0 03 C1 02 {Register} 02 00 {Register} 02 01 01 02 02 11 01 11 02"));
        // Without an access-selection the same attribute is served: double-long-unsigned 123456.
        Assert.Equal(Hex.Normal("C4 01 C1 00 06 00 01 E2 40"), h.Send($"C0 01 C1 {Register} 02 00"));
    }

    [Fact]
    public void With_list_answers_each_attribute_in_order()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        string request = $"C0 03 C1 03 {Register} 02 00 {Register} 03 00 00 01 00 00 60 01 09 FF 02 00";
        // C4 03 C1, 3 results: data 06 0001E240, data scaler_unit, data-access-result object-undefined.
        Assert.Equal(Hex.Normal("C4 03 C1 03 00 06 00 01 E2 40 00 02 02 0F FF 16 1E 01 04"), h.Send(request));
    }

    [Fact]
    public void With_list_needs_multiple_references_in_the_negotiated_conformance()
    {
        var h = new CosemHarness();
        h.Send(CosemHarness.PublicAarq.Replace("00 7E 1F", "00 00 10")); // get only
        Assert.Equal(0x10, h.Server.Association.Conformance);
        Assert.Equal("D80202", h.Send($"C0 03 C1 01 {Register} 02 00"));
        Assert.Equal("D80102", h.Send($"C1 01 C1 {Register} 02 00 06 00 00 00 00")); // set not negotiated
    }

    // --- object list and block transfer ---

    // The object list the public client must see, encoded here from a table of rights written by hand
    // (Blue Book IC 15 object_list_element; access_mode 1 read-only, 0 no-access; methods all no access for a
    // read-only association).
    private static byte[] ExpectedPublicObjectList(int extraRegisters)
    {
        var objects = new List<(int cls, int ver, byte[] ln, int[] attrs, int methods)>
        {
            (1, 0, new byte[] { 0, 0, 96, 1, 0, 255 }, new[] { 1, 1 }, 0),
            (3, 0, new byte[] { 1, 0, 1, 8, 0, 255 }, new[] { 1, 1, 1 }, 1),
            (8, 0, new byte[] { 0, 0, 1, 0, 0, 255 }, new[] { 1, 1, 1, 0, 0, 0, 0, 0, 0 }, 6),
        };
        for (int n = 1; n <= extraRegisters; n++) objects.Add((3, 0, new byte[] { 1, 0, 1, 8, (byte)n, 255 }, new[] { 1, 1, 1 }, 1));
        objects.Add((15, 1, new byte[] { 0, 0, 40, 0, 0, 255 }, new[] { 1, 1, 1, 1, 1, 1, 0, 1, 0 }, 4));
        var b = new List<byte> { 0x01 };
        b.AddRange(objects.Count < 128 ? new[] { (byte)objects.Count } : new byte[] { 0x81, (byte)objects.Count });
        foreach (var o in objects)
        {
            b.AddRange(new byte[] { 0x02, 0x04, 0x12, (byte)(o.cls >> 8), (byte)o.cls, 0x11, (byte)o.ver, 0x09, 0x06 });
            b.AddRange(o.ln);
            b.AddRange(new byte[] { 0x02, 0x02, 0x01, (byte)o.attrs.Length });
            for (int a = 0; a < o.attrs.Length; a++) b.AddRange(new byte[] { 0x02, 0x03, 0x0F, (byte)(a + 1), 0x16, (byte)o.attrs[a], 0x00 });
            b.AddRange(new byte[] { 0x01, (byte)o.methods });
            for (int m = 1; m <= o.methods; m++) b.AddRange(new byte[] { 0x02, 0x02, 0x0F, (byte)m, 0x16, 0x00 });
        }
        return b.ToArray();
    }

    private const string ObjectList = "C0 01 C1 00 0F 00 00 28 00 00 FF 02 00";

    [Fact]
    public void The_object_list_fits_one_response_when_short()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        Assert.Equal("C401C100" + Hex.Of(ExpectedPublicObjectList(0)), h.Send(ObjectList));
    }

    [Fact]
    public void A_long_object_list_comes_in_blocks_pulled_by_get_next()
    {
        var h = new CosemHarness(extraRegisters: 20);
        h.Send(CosemHarness.PublicAarq.Replace("04 B0", "00 40")); // client-max-receive-pdu-size 64
        Assert.Equal(64, h.Server.Association.ClientMaxPdu);
        var expected = ExpectedPublicObjectList(20);
        var received = new List<byte>();
        string request = ObjectList;
        for (long block = 1; ; block++)
        {
            var response = Hex.Bytes(h.Send(request));
            Assert.True(response.Length <= 64, $"block {block}: {response.Length} bytes");
            // C4 02 C1, last-block, block-number, raw-data [0], length, data.
            Assert.Equal("C402C1", Hex.Of(response, 0, 3));
            Assert.Equal(block, (response[4] << 24) | (response[5] << 16) | (response[6] << 8) | response[7]);
            Assert.Equal(0, response[8]);
            int length = response[9];
            Assert.Equal(response.Length - 10, length);
            received.AddRange(response[10..]);
            bool last = response[3] != 0;
            Assert.Equal(last, received.Count == expected.Length);
            if (last) break;
            Assert.Equal(54, length); // 64 - 10 header bytes
            request = $"C0 02 C1 {block:X8}";
        }
        Assert.Equal(Hex.Of(expected), Hex.Of(received.ToArray()));
        // Nothing in progress any more.
        Assert.Equal(Hex.Normal("C4 02 C1 01 00 00 00 09 01 10"), h.Send("C0 02 C1 00 00 00 09"));
    }

    [Fact]
    public void A_wrong_block_number_aborts_the_long_get()
    {
        var h = new CosemHarness(extraRegisters: 20);
        h.Send(CosemHarness.PublicAarq.Replace("04 B0", "00 40"));
        Assert.StartsWith("C402C10000000001", h.Send(ObjectList));
        // long-get-aborted (15), then no-long-get-in-progress (16) for the right number.
        Assert.Equal(Hex.Normal("C4 02 C1 01 00 00 00 05 01 0F"), h.Send("C0 02 C1 00 00 00 05"));
        Assert.Equal(Hex.Normal("C4 02 C1 01 00 00 00 01 01 10"), h.Send("C0 02 C1 00 00 00 01"));
    }

    [Fact]
    public void A_new_request_aborts_the_long_get()
    {
        var h = new CosemHarness(extraRegisters: 20);
        h.Send(CosemHarness.PublicAarq.Replace("04 B0", "00 40"));
        h.Send(ObjectList);
        h.Send(Get(Register, 2));
        Assert.Equal(Hex.Normal("C4 02 C1 01 00 00 00 01 01 10"), h.Send("C0 02 C1 00 00 00 01"));
    }

    [Fact]
    public void With_list_answers_too_long_for_the_pdu_come_in_blocks_too()
    {
        var h = new CosemHarness();
        h.Send(CosemHarness.PublicAarq.Replace("04 B0", "00 10")); // 16 bytes
        string request = $"C0 03 C1 03 {Register} 02 00 {Register} 03 00 {Register} 01 00";
        var received = new List<byte>();
        var first = Hex.Bytes(h.Send(request));
        Assert.Equal("C402C1", Hex.Of(first, 0, 3));
        received.AddRange(first[10..]);
        for (long block = 1; first[3] == 0; block++)
        {
            first = Hex.Bytes(h.Send($"C0 02 C1 {block:X8}"));
            Assert.True(first.Length <= 16);
            received.AddRange(first[10..]);
        }
        // The raw data is the SEQUENCE OF Get-Data-Result, as in the with-list response.
        Assert.Equal(Hex.Normal("03 00 06 00 01 E2 40 00 02 02 0F FF 16 1E 00 09 06 01 00 01 08 00 FF"), Hex.Of(received.ToArray()));
    }

    [Fact]
    public void Association_object_reports_partners_and_status()
    {
        var h = new CosemHarness();
        h.AssociatePublic();
        // associated_partners_id structure { integer 16, long-unsigned 1 }; association_status enum associated (2).
        Assert.Equal(Hex.Normal("C4 01 C1 00 02 02 0F 10 12 00 01"), h.Send("C0 01 C1 00 0F 00 00 28 00 00 FF 03 00"));
        Assert.Equal(Hex.Normal("C4 01 C1 00 16 02"), h.Send("C0 01 C1 00 0F 00 00 28 00 00 FF 08 00"));
        Assert.Equal(Hex.Normal("C4 01 C1 01 03"), h.Send("C0 01 C1 00 0F 00 00 28 00 00 FF 07 00")); // secret: denied
    }
}
