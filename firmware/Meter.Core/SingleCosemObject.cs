using Meter.Dlms;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// One class-specific COSEM object served on its own (e.g. <see cref="DisconnectControlObject"/>): its logical
    /// name, class and version, attribute and method counts, attribute 1 (logical_name, octet-string) and the plain
    /// GET for selector 0 (no attribute of these objects has selective access). The subclass serves the rest.
    /// </summary>
    public abstract class SingleCosemObject : ICosemObjects
    {
        /// <summary>The client allowed to write and invoke (CosemServerSettings' management client, SAP 1).</summary>
        public const int ManagementClientSap = 1;

        private const int LogicalNameLength = 6;

        private readonly byte[] _name = new byte[LogicalNameLength];
        private readonly int _classId;
        private readonly int _version;
        private readonly int _attributes;
        private readonly int _methods;

        /// <summary>An object <paramref name="logicalName"/> of class <paramref name="classId"/> version <paramref name="version"/>.</summary>
        protected SingleCosemObject(ObisCode logicalName, int classId, int version, int attributes, int methods)
        {
            ObisTableCosemObjects.CopyCode(logicalName, _name, 0);
            _classId = classId;
            _version = version;
            _attributes = attributes;
            _methods = methods;
        }

        /// <inheritdoc />
        public int Count { get { return 1; } }

        /// <inheritdoc />
        public int IndexOf(byte[] logicalName, int offset)
        {
            for (int i = 0; i < LogicalNameLength; i++)
                if (_name[i] != logicalName[offset + i]) return -1;
            return 0;
        }

        /// <inheritdoc />
        public int ClassId(int index) { return _classId; }

        /// <inheritdoc />
        public int Version(int index) { return _version; }

        /// <inheritdoc />
        public void CopyLogicalName(int index, byte[] destination, int offset)
        {
            System.Array.Copy(_name, 0, destination, offset, LogicalNameLength);
        }

        /// <inheritdoc />
        public int AttributeCount(int index) { return _attributes; }

        /// <inheritdoc />
        public int MethodCount(int index) { return _methods; }

        /// <summary>Every attribute readable by every client; the subclass's <see cref="IsWritable"/> ones read and
        /// written by the management client.</summary>
        public CosemAttributeAccess AttributeAccess(int index, int attributeId, int clientSap)
        {
            if (attributeId < 1 || attributeId > _attributes) return CosemAttributeAccess.NoAccess;
            return clientSap == ManagementClientSap && IsWritable(attributeId) ? CosemAttributeAccess.ReadAndWrite : CosemAttributeAccess.ReadOnly;
        }

        /// <summary>The methods for the management client only.</summary>
        public CosemMethodAccess MethodAccess(int index, int methodId, int clientSap)
        {
            return clientSap == ManagementClientSap && methodId >= 1 && methodId <= _methods ? CosemMethodAccess.Access : CosemMethodAccess.NoAccess;
        }

        /// <summary>No selective access: selector 0 is a plain GET.</summary>
        public DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
        {
            return selector == 0 ? Get(index, attributeId, value) : DataAccessResult.OtherReason;
        }

        /// <inheritdoc />
        public DataAccessResult Get(int index, int attributeId, AxdrWriter value)
        {
            if (attributeId != 1) return GetAttribute(attributeId, value);
            value.WriteOctetString(_name, 0, LogicalNameLength);
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        public DataAccessResult Set(int index, int attributeId, AxdrReader value)
        {
            return IsWritable(attributeId) ? SetAttribute(attributeId, value) : DataAccessResult.ReadWriteDenied;
        }

        /// <inheritdoc />
        public ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue)
        {
            return Invoke(methodId, parameters, hasParameters);
        }

        /// <summary>True for an attribute the management client may write.</summary>
        protected abstract bool IsWritable(int attributeId);

        /// <summary>Writes attribute 2 … n (access already checked).</summary>
        protected abstract DataAccessResult GetAttribute(int attributeId, AxdrWriter value);

        /// <summary>Sets a writable attribute (access checked, the value well-formed).</summary>
        protected abstract DataAccessResult SetAttribute(int attributeId, AxdrReader value);

        /// <summary>Invokes a method (access checked); no return parameters.</summary>
        protected abstract ActionResult Invoke(int methodId, AxdrReader parameters, bool hasParameters);
    }
}
