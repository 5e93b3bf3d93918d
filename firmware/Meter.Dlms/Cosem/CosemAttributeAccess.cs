namespace Meter.Dlms
{
    /// <summary>attribute access_mode of the Association LN object list (Blue Book, IC 15 Association LN, version 1
    /// and later, access_rights).</summary>
    public enum CosemAttributeAccess
    {
        NoAccess = 0,
        ReadOnly = 1,
        WriteOnly = 2,
        ReadAndWrite = 3,
        AuthenticatedReadOnly = 4,
        AuthenticatedWriteOnly = 5,
        AuthenticatedReadAndWrite = 6,
    }
}
