namespace Meter.Dlms
{
    /// <summary>
    /// The conformance block (Green Book, xDLMS "Conformance": [APPLICATION 31] IMPLICIT BIT STRING (SIZE(24)),
    /// bit 0 is the most significant bit of the first byte). Here as a 24-bit integer: bit n = 1 &lt;&lt; (23 - n).
    /// </summary>
    public static class XdlmsConformance
    {
        public const int Attribute0SupportedWithSet = 1 << (23 - 8);
        public const int PriorityManagementSupported = 1 << (23 - 9);
        public const int Attribute0SupportedWithGet = 1 << (23 - 10);
        public const int BlockTransferWithGet = 1 << (23 - 11);
        public const int BlockTransferWithSet = 1 << (23 - 12);
        public const int BlockTransferWithAction = 1 << (23 - 13);
        public const int MultipleReferences = 1 << (23 - 14);
        public const int Get = 1 << (23 - 19);
        public const int Set = 1 << (23 - 20);
        public const int SelectiveAccess = 1 << (23 - 21);
        public const int Action = 1 << (23 - 23);

        /// <summary>What <see cref="CosemServer"/> implements: GET (normal, with-list, block transfer, selective
        /// access), SET (normal, block transfer), ACTION normal: bits 11, 12, 14, 19, 20, 21, 23 =
        /// 0x001000 | 0x000800 | 0x000200 | 0x000010 | 0x000008 | 0x000004 | 0x000001 = 0x001A1D.</summary>
        public const int Server = Get | Set | Action | BlockTransferWithGet | BlockTransferWithSet | MultipleReferences
            | SelectiveAccess;
    }
}
