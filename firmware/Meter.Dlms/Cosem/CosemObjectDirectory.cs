namespace Meter.Dlms
{
    /// <summary>
    /// The objects one association sees: the <see cref="ICosemObjects"/> plus the current association object (last
    /// index), with the rights reduced to what the association may use, and the checks every service makes before
    /// it touches an object (Green Book: the access rights of the Association LN object decide; Data-Access-Result
    /// for each refusal).
    /// </summary>
    public sealed class CosemObjectDirectory
    {
        private readonly ICosemObjects _objects;
        private readonly CosemAssociationState _association;
        private readonly int _serverSap;
        private readonly int _serverMaxReceivePdu;

        /// <summary>6 bytes of scratch for logical names (no allocation per request).</summary>
        public readonly byte[] NameBuffer = new byte[6];

        public CosemObjectDirectory(ICosemObjects objects, CosemAssociationState association, int serverSap, int serverMaxReceivePdu)
        {
            _objects = objects;
            _association = association;
            _serverSap = serverSap;
            _serverMaxReceivePdu = serverMaxReceivePdu;
        }

        /// <summary>Objects including the current association.</summary>
        public int Count => _objects.Count + 1;

        private bool IsAssociation(int index) => index == _objects.Count;

        public int ClassId(int index) => IsAssociation(index) ? CurrentAssociationObject.ClassId : _objects.ClassId(index);
        public int Version(int index) => IsAssociation(index) ? CurrentAssociationObject.Version : _objects.Version(index);
        public int AttributeCount(int index) => IsAssociation(index) ? CurrentAssociationObject.AttributeCount : _objects.AttributeCount(index);
        public int MethodCount(int index) => IsAssociation(index) ? CurrentAssociationObject.MethodCount : _objects.MethodCount(index);

        public void CopyLogicalName(int index, byte[] destination, int offset)
        {
            if (IsAssociation(index)) System.Array.Copy(CurrentAssociationObject.LogicalName, 0, destination, offset, 6);
            else _objects.CopyLogicalName(index, destination, offset);
        }

        /// <summary>In this association's object list: its logical_name is readable.</summary>
        public bool IsVisible(int index) => CanRead(AttributeAccess(index, 1));

        /// <summary>The right as granted for the client, before the association's limits.</summary>
        private CosemAttributeAccess GrantedAttribute(int index, int attributeId)
            => IsAssociation(index) ? CurrentAssociationObject.AttributeAccess(attributeId)
                : _objects.AttributeAccess(index, attributeId, _association.ClientSap);

        /// <summary>The right this association has: authenticated modes need ciphered APDUs (not implemented), a
        /// read-only association (public client) loses every write.</summary>
        public CosemAttributeAccess AttributeAccess(int index, int attributeId)
        {
            CosemAttributeAccess granted = GrantedAttribute(index, attributeId);
            if (granted >= CosemAttributeAccess.AuthenticatedReadOnly) return CosemAttributeAccess.NoAccess;
            if (_association.ReadOnly)
                return granted == CosemAttributeAccess.ReadOnly || granted == CosemAttributeAccess.ReadAndWrite
                    ? CosemAttributeAccess.ReadOnly : CosemAttributeAccess.NoAccess;
            return granted;
        }

        private CosemMethodAccess GrantedMethod(int index, int methodId)
            => IsAssociation(index) ? CosemMethodAccess.NoAccess : _objects.MethodAccess(index, methodId, _association.ClientSap);

        /// <summary>The method right this association has (none for a read-only association or authenticated
        /// access).</summary>
        public CosemMethodAccess MethodAccess(int index, int methodId)
        {
            CosemMethodAccess granted = GrantedMethod(index, methodId);
            return granted == CosemMethodAccess.Access && !_association.ReadOnly ? granted : CosemMethodAccess.NoAccess;
        }

        private static bool CanRead(CosemAttributeAccess mode)
            => mode == CosemAttributeAccess.ReadOnly || mode == CosemAttributeAccess.ReadAndWrite
               || mode == CosemAttributeAccess.AuthenticatedReadOnly || mode == CosemAttributeAccess.AuthenticatedReadAndWrite;

        private static bool CanWrite(CosemAttributeAccess mode)
            => mode == CosemAttributeAccess.WriteOnly || mode == CosemAttributeAccess.ReadAndWrite
               || mode == CosemAttributeAccess.AuthenticatedWriteOnly || mode == CosemAttributeAccess.AuthenticatedReadAndWrite;

        /// <summary>
        /// Finds the object (class id and 6-byte logical name at <paramref name="nameOffset"/>) and checks the
        /// attribute may be read (or written). Refusals: object-undefined (no such visible object, or no such
        /// attribute), object-class-inconsistent (the name belongs to another class), read-write-denied (the object
        /// list grants no such access), scope-of-access-violated (granted, but not in this association: public
        /// client, or authenticated access without ciphering). <paramref name="index"/> is -1 on refusal.
        /// </summary>
        public DataAccessResult CheckAttribute(int classId, byte[] buffer, int nameOffset, int attributeId, bool write, out int index)
        {
            index = Find(buffer, nameOffset);
            if (index < 0) return DataAccessResult.ObjectUndefined;
            if (ClassId(index) != classId) { index = -1; return DataAccessResult.ObjectClassInconsistent; }
            if (attributeId < 1 || attributeId > AttributeCount(index)) { index = -1; return DataAccessResult.ObjectUndefined; }
            CosemAttributeAccess effective = AttributeAccess(index, attributeId);
            if (write ? CanWrite(effective) : CanRead(effective)) return DataAccessResult.Success;
            CosemAttributeAccess granted = GrantedAttribute(index, attributeId);
            index = -1;
            return (write ? CanWrite(granted) : CanRead(granted)) ? DataAccessResult.ScopeOfAccessViolated : DataAccessResult.ReadWriteDenied;
        }

        /// <summary>The same checks for a method (unknown method → object-undefined).</summary>
        public ActionResult CheckMethod(int classId, byte[] buffer, int nameOffset, int methodId, out int index)
        {
            index = Find(buffer, nameOffset);
            if (index < 0) return ActionResult.ObjectUndefined;
            if (ClassId(index) != classId) { index = -1; return ActionResult.ObjectClassInconsistent; }
            if (methodId < 1 || methodId > MethodCount(index)) { index = -1; return ActionResult.ObjectUndefined; }
            if (MethodAccess(index, methodId) == CosemMethodAccess.Access) return ActionResult.Success;
            bool granted = GrantedMethod(index, methodId) != CosemMethodAccess.NoAccess;
            index = -1;
            return granted ? ActionResult.ScopeOfAccessViolated : ActionResult.ReadWriteDenied;
        }

        // A visible object by logical name, or -1.
        private int Find(byte[] buffer, int nameOffset)
        {
            int index = -1;
            byte[] own = CurrentAssociationObject.LogicalName;
            bool association = true;
            for (int i = 0; i < 6 && association; i++) association = buffer[nameOffset + i] == own[i];
            if (association) index = _objects.Count;
            else index = _objects.IndexOf(buffer, nameOffset);
            if (index < 0 || index >= Count || !IsVisible(index)) return -1;
            return index;
        }

        /// <summary>Reads an attribute (after <see cref="CheckAttribute"/>).</summary>
        public DataAccessResult Get(int index, int attributeId, AxdrWriter value)
            => IsAssociation(index) ? CurrentAssociationObject.Get(attributeId, this, _association, _serverSap, _serverMaxReceivePdu, value)
                : _objects.Get(index, attributeId, value);

        /// <summary>Reads an attribute in parts or with selective access (after <see cref="CheckAttribute"/>;
        /// <see cref="ICosemObjects.GetSelected"/>); the current association has no such attribute.</summary>
        public DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
        {
            if (!IsAssociation(index)) return _objects.GetSelected(index, attributeId, selector, parameters, cursor, value);
            return selector == 0 ? Get(index, attributeId, value) : DataAccessResult.OtherReason;
        }

        /// <summary>Writes an attribute (after <see cref="CheckAttribute"/>).</summary>
        public DataAccessResult Set(int index, int attributeId, AxdrReader value)
            => IsAssociation(index) ? DataAccessResult.ReadWriteDenied : _objects.Set(index, attributeId, value);

        /// <summary>Invokes a method (after <see cref="CheckMethod"/>).</summary>
        public ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue)
            => IsAssociation(index) ? ActionResult.ReadWriteDenied : _objects.Action(index, methodId, parameters, hasParameters, returnValue);
    }
}
