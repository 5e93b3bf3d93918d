using Meter.Dlms;
using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// The DLMS management client's low-level-security password (Green Book, LLS): the optical port's level-1
    /// password (P1), so that one password opens both interfaces, refused while the optical port's lockout runs; a wrong
    /// one counts toward that lockout (<see cref="OpticalServer.RecordPasswordFailure"/>). Compares without allocating.
    /// </summary>
    public sealed class DlmsPasswordCheck : IPasswordCheck
    {
        private readonly OpticalPortSettings _port;
        private readonly OpticalPort _optical;

        /// <summary>Checks against the level-1 password of <paramref name="port"/>, locked with <paramref name="optical"/>.</summary>
        public DlmsPasswordCheck(OpticalPortSettings port, OpticalPort optical)
        {
            _port = port;
            _optical = optical;
        }

        /// <inheritdoc />
        public bool Check(int clientSap, byte[] password, int offset, int length)
        {
            if (_optical.IsLocked) return false;
            string expected = _port.Passwords[0];
            bool same = expected != null && length == expected.Length;
            if (same)
                for (int i = 0; i < length; i++) same &= password[offset + i] == expected[i]; // no early exit: no timing hint
            // A wrong one counts toward the optical port's lockout, as a wrong P1 does (issue 18: one lockout for both).
            if (!same && _optical.Server != null) _optical.Server.RecordPasswordFailure();
            return same;
        }
    }
}
