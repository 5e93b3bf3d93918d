namespace Meter.Dlms
{
    /// <summary>
    /// The SAP assignment object (Blue Book, IC 17 SAP assignment, version 0, logical name 0.0.41.0.0.255): which
    /// logical devices the physical device holds, here one: SAP_assignment_list = { (server SAP,
    /// logical device name) }. Readable by every client (a client finds the logical devices through it); method 1
    /// connect_logical_device is not offered (the logical devices are fixed).
    /// </summary>
    public sealed class SapAssignmentObject : ICosemObjects
    {
        /// <summary>Longest logical device name (Green Book: up to 16 octets).</summary>
        public const int MaxNameLength = 16;

        private const int ClassIdSapAssignment = 17, Attributes = 2, Methods = 1;

        /// <summary>0.0.41.0.0.255: SAP assignment (IEC 62056-6-1 OBIS, abstract objects).</summary>
        public static readonly byte[] LogicalName = { 0, 0, 41, 0, 0, 255 };

        private readonly int _serverSap;
        private readonly ILogicalDeviceName _name;
        private readonly byte[] _nameBuffer = new byte[MaxNameLength];

        /// <summary>Lists the logical device of SAP <paramref name="serverSap"/> named by <paramref name="name"/>.</summary>
        public SapAssignmentObject(int serverSap, ILogicalDeviceName name)
        {
            if (serverSap < 1 || serverSap > 0x3FFF) throw new System.ArgumentOutOfRangeException(nameof(serverSap));
            if (name == null) throw new System.ArgumentNullException(nameof(name));
            _serverSap = serverSap;
            _name = name;
        }

        /// <inheritdoc />
        public int Count => 1;

        /// <inheritdoc />
        public int IndexOf(byte[] logicalName, int offset)
        {
            for (int i = 0; i < 6; i++)
                if (logicalName[offset + i] != LogicalName[i]) return -1;
            return 0;
        }

        /// <inheritdoc />
        public int ClassId(int index) => ClassIdSapAssignment;

        /// <inheritdoc />
        public int Version(int index) => 0;

        /// <inheritdoc />
        public void CopyLogicalName(int index, byte[] destination, int offset) => System.Array.Copy(LogicalName, 0, destination, offset, 6);

        /// <inheritdoc />
        public int AttributeCount(int index) => Attributes;

        /// <inheritdoc />
        public int MethodCount(int index) => Methods;

        /// <inheritdoc />
        public CosemAttributeAccess AttributeAccess(int index, int attributeId, int clientSap)
            => attributeId >= 1 && attributeId <= Attributes ? CosemAttributeAccess.ReadOnly : CosemAttributeAccess.NoAccess;

        /// <inheritdoc />
        public CosemMethodAccess MethodAccess(int index, int methodId, int clientSap) => CosemMethodAccess.NoAccess;

        /// <summary>No attribute is read in parts or with selective access: selector 0 is a plain GET.</summary>
        public DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
            => selector == 0 ? Get(index, attributeId, value) : DataAccessResult.OtherReason;

        /// <summary>1 logical_name; 2 SAP_assignment_list ::= array asslist_element, asslist_element ::= structure {
        /// SAP long-unsigned, logical_device_name octet-string }.</summary>
        public DataAccessResult Get(int index, int attributeId, AxdrWriter value)
        {
            if (attributeId == 1)
            {
                value.WriteOctetString(LogicalName, 0, 6);
                return DataAccessResult.Success;
            }
            if (attributeId != 2) return DataAccessResult.ObjectUnavailable;
            int length = _name.CopyTo(_nameBuffer, 0);
            if (length < 0 || length > MaxNameLength) return DataAccessResult.TemporaryFailure;
            value.WriteArray(1);
            value.WriteStructure(2);
            value.WriteLongUnsigned((ushort)_serverSap);
            value.WriteOctetString(_nameBuffer, 0, length);
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        public DataAccessResult Set(int index, int attributeId, AxdrReader value) => DataAccessResult.ReadWriteDenied;

        /// <inheritdoc />
        public ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue)
            => ActionResult.ReadWriteDenied;
    }
}
