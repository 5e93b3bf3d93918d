namespace Meter.Dlms.Tests.Support;

/// <summary>
/// A small object model behind <see cref="ICosemObjects"/> for the tests: Data 0.0.96.1.0.255 (meter number),
/// Register 1.0.1.8.0.255 (A+ total, 123456 × 10^-1 Wh), Clock 0.0.1.0.0.255, Data 0.0.96.1.1.255 (only the
/// management client sees it), and <c>extraRegisters</c> Registers 1.0.1.8.n.255 to make the object list long.
/// Values are encoded here by hand (not with AxdrWriter.Write* helpers where the point is the bytes).
/// </summary>
internal sealed class TestCosemObjects : ICosemObjects
{
    public const int ManagementSap = 1;

    private sealed class Entry
    {
        public int ClassId, Version, Attributes, Methods;
        public byte[] Name = new byte[6];
    }

    private readonly List<Entry> _entries = new();
    public long EnergyValue = 123456;
    public byte[] ClockTime = Hex.Bytes("07EA0C0506 0C1E00 00 FFC4 00".Replace(" ", "")); // 2026-12-05 Sat 12:30:00, deviation -60, status 0
    public int LastSetAttribute = -1;
    public int Resets;

    public TestCosemObjects(int extraRegisters = 0)
    {
        Add(1, 0, 2, 0, 0, 0, 96, 1, 0, 255);
        Add(3, 0, 3, 1, 1, 0, 1, 8, 0, 255);
        Add(8, 0, 9, 6, 0, 0, 1, 0, 0, 255);
        Add(1, 0, 2, 0, 0, 0, 96, 1, 1, 255);
        for (int n = 1; n <= extraRegisters; n++) Add(3, 0, 3, 1, 1, 0, 1, 8, (byte)n, 255);
    }

    private void Add(int classId, int version, int attributes, int methods, params byte[] name)
        => _entries.Add(new Entry { ClassId = classId, Version = version, Attributes = attributes, Methods = methods, Name = name });

    public int Count => _entries.Count;

    public int IndexOf(byte[] logicalName, int offset)
    {
        for (int i = 0; i < _entries.Count; i++)
            if (_entries[i].Name.AsSpan().SequenceEqual(logicalName.AsSpan(offset, 6))) return i;
        return -1;
    }

    public int ClassId(int index) => _entries[index].ClassId;
    public int Version(int index) => _entries[index].Version;
    public void CopyLogicalName(int index, byte[] destination, int offset) => Array.Copy(_entries[index].Name, 0, destination, offset, 6);
    public int AttributeCount(int index) => _entries[index].Attributes;
    public int MethodCount(int index) => _entries[index].Methods;

    public CosemAttributeAccess AttributeAccess(int index, int attributeId, int clientSap)
    {
        bool management = clientSap == ManagementSap;
        if (index == 3 && !management) return CosemAttributeAccess.NoAccess; // hidden from the public client
        if (index == 2 && attributeId == 2) return CosemAttributeAccess.ReadAndWrite; // clock time: writable by anyone the association lets write
        if (index == 1 && attributeId == 2 && management) return CosemAttributeAccess.ReadAndWrite;
        if (index == 2 && attributeId > 3) return CosemAttributeAccess.NoAccess;
        return CosemAttributeAccess.ReadOnly;
    }

    public CosemMethodAccess MethodAccess(int index, int methodId, int clientSap)
        => index == 1 && methodId == 1 ? CosemMethodAccess.Access : CosemMethodAccess.NoAccess;

    public DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
        => selector == 0 ? Get(index, attributeId, value) : DataAccessResult.OtherReason;

    public DataAccessResult Get(int index, int attributeId, AxdrWriter value)
    {
        var e = _entries[index];
        if (attributeId == 1)
        {
            value.WriteOctetString(e.Name, 0, 6);
            return DataAccessResult.Success;
        }
        switch (index, attributeId)
        {
            case (0, 2):
                value.WriteOctetString(MeterNumber, 0, MeterNumber.Length);
                return DataAccessResult.Success;
            case (2, 2):
                value.WriteOctetString(ClockTime, 0, 12);
                return DataAccessResult.Success;
            case (2, 3):
                value.WriteLong(-60);
                return DataAccessResult.Success;
            case (3, 2):
                value.WriteVisibleString("secret");
                return DataAccessResult.Success;
        }
        if (e.ClassId == 3 && attributeId == 2)
        {
            value.WriteDoubleLongUnsigned((uint)(index == 1 ? EnergyValue : index));
            return DataAccessResult.Success;
        }
        if (e.ClassId == 3 && attributeId == 3)
        {
            value.WriteStructure(2);
            value.WriteInteger(-1);
            value.WriteEnum(30); // Wh
            return DataAccessResult.Success;
        }
        return DataAccessResult.ObjectUnavailable;
    }

    private static readonly byte[] MeterNumber = System.Text.Encoding.ASCII.GetBytes("12345678");

    public DataAccessResult Set(int index, int attributeId, AxdrReader value)
    {
        LastSetAttribute = attributeId;
        if (index == 1 && attributeId == 2)
        {
            long v = value.ReadInteger(AxdrType.DoubleLongUnsigned);
            if (value.Failed) return DataAccessResult.TypeUnmatched;
            EnergyValue = v;
            return DataAccessResult.Success;
        }
        if (index == 2 && attributeId == 2)
        {
            var buffer = new byte[12];
            int n = value.ReadString(AxdrType.OctetString, buffer, 0, 12);
            if (n != 12) return DataAccessResult.TypeUnmatched;
            ClockTime = buffer;
            return DataAccessResult.Success;
        }
        return DataAccessResult.ReadWriteDenied;
    }

    public ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue)
    {
        // Register reset (Blue Book IC 3, method 1: data integer 0).
        if (!hasParameters || parameters.ReadInteger(AxdrType.Integer) != 0 || parameters.Failed) return ActionResult.TypeUnmatched;
        EnergyValue = 0;
        Resets++;
        return ActionResult.Success;
    }
}

/// <summary>Password "12345678" for the management client; counts failures like the meter's lockout would.</summary>
internal sealed class TestPasswords : IPasswordCheck
{
    public static readonly byte[] Password = System.Text.Encoding.ASCII.GetBytes("12345678");
    public int Failures, Checks;

    public bool Check(int clientSap, byte[] password, int offset, int length)
    {
        Checks++;
        bool ok = clientSap == TestCosemObjects.ManagementSap && password.AsSpan(offset, length).SequenceEqual(Password);
        if (!ok) Failures++;
        return ok;
    }
}
