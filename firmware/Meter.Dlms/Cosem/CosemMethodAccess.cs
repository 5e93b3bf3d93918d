namespace Meter.Dlms
{
    /// <summary>method access_mode of the Association LN object list (Blue Book, IC 15 Association LN, version 1
    /// and later, access_rights).</summary>
    public enum CosemMethodAccess
    {
        NoAccess = 0,
        Access = 1,
        AuthenticatedAccess = 2,
    }
}
