namespace Meter.Dlms
{
    /// <summary>
    /// Reads the parts shared by the LN service requests (Green Book, xDLMS: Cosem-Attribute-Descriptor ::=
    /// SEQUENCE { class-id Unsigned16, instance-id OCTET STRING (SIZE(6)), attribute-id Integer8 },
    /// Cosem-Method-Descriptor likewise with method-id, and the OPTIONAL Selective-Access-Descriptor).
    /// </summary>
    public static class CosemDescriptorReader
    {
        /// <summary>Reads class id, logical name (its offset in the buffer) and attribute/method id; false when
        /// truncated.</summary>
        public static bool Read(AxdrReader reader, out int classId, out int nameOffset, out int memberId)
        {
            classId = (int)reader.ReadBigEndian(2);
            nameOffset = reader.Position;
            reader.Skip(6);
            memberId = (sbyte)reader.ReadByte();
            return !reader.Failed;
        }

        /// <summary>
        /// access-selection OPTIONAL: 0 absent; 1 present (access-selector Unsigned8 and access-parameters Data,
        /// skipped); -1 malformed.
        /// </summary>
        public static int ReadSelection(AxdrReader reader)
            => ReadSelection(reader, out int selector, out int parametersOffset);

        /// <summary>As <see cref="ReadSelection(AxdrReader)"/>, giving the access-selector and the offset of the
        /// access-parameters Data in the reader's buffer (both 0 when absent).</summary>
        public static int ReadSelection(AxdrReader reader, out int selector, out int parametersOffset)
        {
            selector = 0;
            parametersOffset = 0;
            int present = reader.ReadByte();
            if (present == 0) return 0;
            if (present != 1) return -1;
            selector = reader.ReadByte();
            parametersOffset = reader.Position;
            return reader.SkipData() ? 1 : -1;
        }
    }
}
