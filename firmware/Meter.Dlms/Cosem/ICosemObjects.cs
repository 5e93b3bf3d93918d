namespace Meter.Dlms
{
    /// <summary>
    /// The COSEM objects a <see cref="CosemServer"/> serves, seen through indices 0..Count-1 (the binding to the
    /// meter's OBIS table lives outside Meter.Dlms). Values travel A-XDR encoded through the server's reusable
    /// <see cref="AxdrWriter"/>/<see cref="AxdrReader"/>: implementations must not allocate per call. The current
    /// association (class 15, 0.0.40.0.0.255) is served by the server itself and must not be listed here.
    /// </summary>
    public interface ICosemObjects
    {
        /// <summary>Number of objects.</summary>
        int Count { get; }

        /// <summary>Index of the object with this logical name (6 bytes at <paramref name="offset"/>), or -1.</summary>
        int IndexOf(byte[] logicalName, int offset);

        /// <summary>class_id (Blue Book interface class).</summary>
        int ClassId(int index);

        /// <summary>Version of the interface class.</summary>
        int Version(int index);

        /// <summary>Copies the 6-byte logical name into <paramref name="destination"/>.</summary>
        void CopyLogicalName(int index, byte[] destination, int offset);

        /// <summary>Number of attributes of the class (attribute ids 1..n).</summary>
        int AttributeCount(int index);

        /// <summary>Number of methods of the class (method ids 1..n; 0 for none).</summary>
        int MethodCount(int index);

        /// <summary>
        /// What the client with SAP <paramref name="clientSap"/> may do with an attribute. An object whose
        /// logical_name (attribute 1) the client may not read is not part of its association: it is left out of the
        /// object list and requests for it are answered object-undefined.
        /// </summary>
        CosemAttributeAccess AttributeAccess(int index, int attributeId, int clientSap);

        /// <summary>Whether the client with SAP <paramref name="clientSap"/> may invoke a method.</summary>
        CosemMethodAccess MethodAccess(int index, int methodId, int clientSap);

        /// <summary>Writes the attribute's value (one A-XDR Data) with <paramref name="value"/>. The server checks
        /// access first; return a refusal (e.g. temporary-failure) to send no data.</summary>
        DataAccessResult Get(int index, int attributeId, AxdrWriter value);

        /// <summary>
        /// Reads an attribute with selective access (<paramref name="selector"/> &gt; 0, Blue Book: e.g. a profile's
        /// range_descriptor 1 / entry_descriptor 2; <paramref name="parameters"/> is at its access-parameters Data)
        /// or without (selector 0, parameters null), for values that may be longer than the server's long-data
        /// buffer: the object writes whole elements while <paramref name="value"/> has room, and when it stops
        /// before the end sets <see cref="CosemGetCursor.More"/> and keeps its position in
        /// <see cref="CosemGetCursor.State"/>. The server then sends what was written as GET data blocks and, when
        /// the client asks for a block it has not got the bytes for, calls again with
        /// <see cref="CosemGetCursor.Continuing"/> (parameters null) to write the next elements into a fresh
        /// writer. An object without such attributes answers selector 0 with <see cref="Get"/> and refuses a
        /// selector (other-reason). A refusal on a continuing call aborts the long GET.
        /// </summary>
        DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value);

        /// <summary>Sets the attribute from one A-XDR Data read from <paramref name="value"/> (already checked to be
        /// well-formed by the server); type-unmatched when it is not the attribute's type.</summary>
        DataAccessResult Set(int index, int attributeId, AxdrReader value);

        /// <summary>Invokes a method. <paramref name="parameters"/> holds one Data when
        /// <paramref name="hasParameters"/> (well-formed); return parameters, if any, are written to
        /// <paramref name="returnValue"/> (nothing written = none).</summary>
        ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue);
    }
}
