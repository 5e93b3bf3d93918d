namespace Meter.Optical
{
    /// <summary>
    /// What runs on the optical line after an IEC 62056-21 mode-E opening (§6.4.5, Annex E): the client's option select
    /// "ACK 2 Z 2 CR LF" chose the HDLC procedure, the <see cref="OpticalServer"/> has switched the line to rate Z and hands
    /// it over (Meter.Core OpticalModeE: an HDLC server, IEC 62056-46, for the meter's DLMS/COSEM server). While the session
    /// runs the optical server reads nothing; when it ends the server is back in its idle state at 300 Bd.
    /// </summary>
    public interface IModeESession
    {
        /// <summary>The line is the session's from <paramref name="nowMs"/>, at the agreed rate (the server switched it).</summary>
        void Begin(long nowMs);

        /// <summary>Serves the line at <paramref name="nowMs"/>; false once the session is over (DISC, inactivity
        /// time-out) and its last frame has left, with the line back in the IEC 62056-21 character format.</summary>
        bool Poll(long nowMs);

        /// <summary>The line broke off (the optical head removed, the client gone): the session ends at once.</summary>
        void Abort();
    }
}
