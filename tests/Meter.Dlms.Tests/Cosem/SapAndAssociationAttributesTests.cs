using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests.Cosem;

/// <summary>SAP assignment (Blue Book IC 17) and the Association LN attributes 4, 5 and 6 (IC 15), answers encoded
/// here by hand from the Blue Book structures.</summary>
public class SapAndAssociationAttributesTests
{
    private sealed class FixedName : ILogicalDeviceName
    {
        public string Name = "ABC0123456789";
        public int CopyTo(byte[] destination, int offset)
        {
            for (int i = 0; i < Name.Length; i++) destination[offset + i] = (byte)Name[i];
            return Name.Length;
        }
    }

    private static (CosemServer server, FixedName name) Build()
    {
        var name = new FixedName();
        var objects = new CompositeCosemObjects(new ICosemObjects[] { new TestCosemObjects(), new SapAssignmentObject(1, name) });
        return (new CosemServer(objects, new TestPasswords(), new CosemServerSettings()), name);
    }

    private static string Send(CosemServer server, string hex, int sap)
    {
        var apdu = Hex.Bytes(hex);
        var response = new byte[1024];
        return Hex.Of(response, 0, server.HandleApdu(sap, apdu, 0, apdu.Length, response, 0, response.Length));
    }

    private const string SapAssignment = "00 11 00 00 29 00 00 FF"; // class 17, 0.0.41.0.0.255
    private const string Association = "00 0F 00 00 28 00 00 FF";   // class 15, 0.0.40.0.0.255

    [Fact]
    public void The_public_client_reads_the_SAP_assignment_list_with_the_logical_device_name()
    {
        var (server, name) = Build();
        Assert.StartsWith("6129", Send(server, CosemHarness.PublicAarq, 16));
        Assert.Equal(Hex.Normal("C4 01 C1 00 09 06 00 00 29 00 00 FF"), Send(server, $"C0 01 C1 {SapAssignment} 01 00", 16));
        // array 1 { structure 2 { long-unsigned SAP 1, octet-string 13 "ABC0123456789" } }
        Assert.Equal(Hex.Normal("C4 01 C1 00 01 01 02 02 12 00 01 09 0D 41 42 43 30 31 32 33 34 35 36 37 38 39"),
            Send(server, $"C0 01 C1 {SapAssignment} 02 00", 16));
        name.Name = "XYZ9";
        Assert.Equal(Hex.Normal("C4 01 C1 00 01 01 02 02 12 00 01 09 04 58 59 5A 39"), Send(server, $"C0 01 C1 {SapAssignment} 02 00", 16));
    }

    [Fact]
    public void The_SAP_assignment_is_read_only_and_connect_logical_device_is_not_offered()
    {
        var (server, _) = Build();
        Assert.StartsWith("6136", Send(server, CosemHarness.LlsAarq(CosemHarness.GoodPassword), 1));
        Assert.Equal(Hex.Normal("C5 01 C1 03"), Send(server, $"C1 01 C1 {SapAssignment} 02 00 01 00", 1)); // read-write-denied
        Assert.Equal(Hex.Normal("C7 01 C1 03 00"), Send(server, $"C3 01 C1 {SapAssignment} 01 00", 1));
    }

    [Fact]
    public void Application_context_name_is_LN_referencing_without_ciphering()
    {
        var (server, _) = Build();
        Send(server, CosemHarness.PublicAarq, 16);
        // structure 7 { unsigned 2, unsigned 16, long-unsigned 756, unsigned 5, unsigned 8, unsigned 1, unsigned 1 }
        Assert.Equal(Hex.Normal("C4 01 C1 00 02 07 11 02 11 10 12 02 F4 11 05 11 08 11 01 11 01"), Send(server, $"C0 01 C1 {Association} 04 00", 16));
    }

    [Fact]
    public void Authentication_mechanism_name_is_lowest_for_the_public_client_and_LLS_for_management()
    {
        var (server, _) = Build();
        Send(server, CosemHarness.PublicAarq, 16);
        Assert.Equal(Hex.Normal("C4 01 C1 00 02 07 11 02 11 10 12 02 F4 11 05 11 08 11 02 11 00"), Send(server, $"C0 01 C1 {Association} 06 00", 16));
        Send(server, CosemHarness.LlsAarq(CosemHarness.GoodPassword), 1);
        Assert.Equal(Hex.Normal("C4 01 C1 00 02 07 11 02 11 10 12 02 F4 11 05 11 08 11 02 11 01"), Send(server, $"C0 01 C1 {Association} 06 00", 1));
    }

    [Fact]
    public void xDLMS_context_info_holds_the_negotiated_conformance_and_both_PDU_sizes()
    {
        var (server, _) = Build();
        Send(server, CosemHarness.PublicAarq.Replace("04 B0", "01 F4"), 16); // client-max-receive-pdu-size 500
        // structure 6 { bit-string 24 bits 00 1A 1D (proposed 00 7E 1F AND the server's 00 1A 1D), long-unsigned 1024 (server
        // receives), long-unsigned 500 (server may send), unsigned 6, integer 0, octet-string empty }
        Assert.Equal(Hex.Normal("C4 01 C1 00 02 06 04 18 00 1A 1D 12 04 00 12 01 F4 11 06 0F 00 09 00"), Send(server, $"C0 01 C1 {Association} 05 00", 16));
    }

    [Fact]
    public void The_secret_and_the_security_setup_reference_stay_unreadable()
    {
        var (server, _) = Build();
        Send(server, CosemHarness.LlsAarq(CosemHarness.GoodPassword), 1);
        Assert.Equal(Hex.Normal("C4 01 C1 01 03"), Send(server, $"C0 01 C1 {Association} 07 00", 1));
        Assert.Equal(Hex.Normal("C4 01 C1 01 03"), Send(server, $"C0 01 C1 {Association} 09 00", 1));
    }
}
