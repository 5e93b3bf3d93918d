using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests.Cosem;

/// <summary><see cref="CompositeCosemObjects"/>: several object sets served as one by a <see cref="CosemServer"/>.</summary>
public class CompositeCosemObjectsTests
{
    /// <summary>A second object set: Data 0.0.96.1.2.255 (unsigned, writable by the management client, method 1
    /// adds one) and a duplicate of the first set's meter number 0.0.96.1.0.255 with another value.</summary>
    private sealed class SecondPart : ICosemObjects
    {
        public byte Value = 7;
        private static readonly byte[][] Names = { new byte[] { 0, 0, 96, 1, 2, 255 }, new byte[] { 0, 0, 96, 1, 0, 255 } };

        public int Count => 2;
        public int IndexOf(byte[] logicalName, int offset)
        {
            for (int i = 0; i < Names.Length; i++)
                if (Names[i].AsSpan().SequenceEqual(logicalName.AsSpan(offset, 6))) return i;
            return -1;
        }
        public int ClassId(int index) => 1;
        public int Version(int index) => 0;
        public void CopyLogicalName(int index, byte[] destination, int offset) => Array.Copy(Names[index], 0, destination, offset, 6);
        public int AttributeCount(int index) => 2;
        public int MethodCount(int index) => index == 0 ? 1 : 0;
        public CosemAttributeAccess AttributeAccess(int index, int attributeId, int clientSap)
            => index == 0 && attributeId == 2 && clientSap == 1 ? CosemAttributeAccess.ReadAndWrite : CosemAttributeAccess.ReadOnly;
        public CosemMethodAccess MethodAccess(int index, int methodId, int clientSap)
            => clientSap == 1 ? CosemMethodAccess.Access : CosemMethodAccess.NoAccess;
        public DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
            => selector == 0 ? Get(index, attributeId, value) : DataAccessResult.OtherReason;

        public DataAccessResult Get(int index, int attributeId, AxdrWriter value)
        {
            if (attributeId == 1) value.WriteOctetString(Names[index], 0, 6);
            else value.WriteUnsigned(index == 0 ? Value : (byte)99);
            return DataAccessResult.Success;
        }
        public DataAccessResult Set(int index, int attributeId, AxdrReader value)
        {
            long v = value.ReadInteger(AxdrType.Unsigned);
            if (value.Failed) return DataAccessResult.TypeUnmatched;
            Value = (byte)v;
            return DataAccessResult.Success;
        }
        public ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue)
        {
            Value++;
            return ActionResult.Success;
        }
    }

    private static (CompositeCosemObjects all, TestCosemObjects first, SecondPart second) Build()
    {
        var first = new TestCosemObjects();
        var second = new SecondPart();
        return (new CompositeCosemObjects(new ICosemObjects[] { first, second }), first, second);
    }

    [Fact]
    public void Indices_run_through_the_parts_in_order()
    {
        var (all, first, _) = Build();
        Assert.Equal(first.Count + 2, all.Count);
        int second = all.IndexOf(new byte[] { 0, 0, 96, 1, 2, 255 }, 0);
        Assert.Equal(first.Count, second);
        var name = new byte[8];
        all.CopyLogicalName(second, name, 2);
        Assert.Equal("000000600102FF", Hex.Of(name, 1, 7));
        Assert.Equal(1, all.MethodCount(second));
        Assert.Equal(3, all.ClassId(1)); // the first part's register
        Assert.Equal(-1, all.IndexOf(new byte[] { 1, 2, 3, 4, 5, 6 }, 0));
    }

    [Fact]
    public void A_name_in_two_parts_is_found_in_the_earlier_one()
    {
        var (all, _, _) = Build();
        Assert.Equal(0, all.IndexOf(new byte[] { 0, 0, 96, 1, 0, 255 }, 0));
    }

    [Fact]
    public void Get_set_and_action_reach_the_second_part_through_the_server()
    {
        var (all, first, second) = Build();
        var passwords = new TestPasswords();
        var server = new CosemServer(all, passwords, new CosemServerSettings());
        var response = new byte[512];
        string Send(string hex, int sap)
        {
            var apdu = Hex.Bytes(hex);
            return Hex.Of(response, 0, server.HandleApdu(sap, apdu, 0, apdu.Length, response, 0, response.Length));
        }
        Assert.StartsWith("6136", Send(CosemHarness.LlsAarq(CosemHarness.GoodPassword), 1));
        Assert.Equal(Hex.Normal("C4 01 C1 00 11 07"), Send("C0 01 C1 0001 00 00 60 01 02 FF 02 00", 1));
        Assert.Equal(Hex.Normal("C5 01 C1 00"), Send("C1 01 C1 0001 00 00 60 01 02 FF 02 00 11 2A", 1));
        Assert.Equal(42, second.Value);
        Assert.Equal(Hex.Normal("C7 01 C1 00 00"), Send("C3 01 C1 0001 00 00 60 01 02 FF 01 00", 1));
        Assert.Equal(43, second.Value);
        // The first part still answers for its own objects (register value 123456).
        Assert.Equal(Hex.Normal("C4 01 C1 00 06 00 01 E2 40"), Send("C0 01 C1 0003 01 00 01 08 00 FF 02 00", 1));
        Assert.Equal(123456, first.EnergyValue);
    }

    [Fact]
    public void Construction_refuses_no_parts_and_null_parts()
    {
        Assert.Throws<ArgumentException>(() => new CompositeCosemObjects(new ICosemObjects[0]));
        Assert.Throws<ArgumentNullException>(() => new CompositeCosemObjects(new ICosemObjects[] { new TestCosemObjects(), null! }));
    }
}
