namespace Meter.Optical
{
    /// <summary>Security-relevant happenings on the optical port, reported to the event log.</summary>
    public enum OpticalEventKind
    {
        /// <summary>P1 password accepted; detail = granted password level.</summary>
        LoginSucceeded = 1,
        /// <summary>P1 password wrong; detail = consecutive failures so far.</summary>
        PasswordRejected = 2,
        /// <summary>Too many wrong passwords: the port refuses logins; detail = lock minutes.</summary>
        PortLocked = 3,
        /// <summary>A password arrived while the port was locked (not checked); detail = 0.</summary>
        LoginWhileLocked = 4,
        /// <summary>W1 write stored; code = object written, detail = 0.</summary>
        WriteAccepted = 5,
        /// <summary>W1 write refused (also before a login); code = object (or zero code if unparsable), detail = the number nn of the "(ERnn)" answered (<see cref="OpticalErrorCode"/>).</summary>
        WriteRejected = 6,
        /// <summary>R1 (or a command other than W1) before a successful login; detail = 0. A W1 before it is <see cref="WriteRejected"/> with ER03.</summary>
        CommandWithoutLogin = 7,
        /// <summary>A programming session ended (break, inactivity); detail = 1 break, 2 timeout.</summary>
        SessionEnded = 8,
    }
}
