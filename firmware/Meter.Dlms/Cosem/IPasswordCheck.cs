namespace Meter.Dlms
{
    /// <summary>
    /// Checks the low-level-security password of an AARQ (Green Book: LLS, the calling-authentication-value). The
    /// implementation counts wrong passwords toward the meter's lockout (the same one as the optical port) and
    /// refuses every password while locked out.
    /// </summary>
    public interface IPasswordCheck
    {
        /// <summary>True when the <paramref name="length"/> bytes at <paramref name="offset"/> are the password of
        /// the client with SAP <paramref name="clientSap"/> and no lockout is running.</summary>
        bool Check(int clientSap, byte[] password, int offset, int length);
    }
}
