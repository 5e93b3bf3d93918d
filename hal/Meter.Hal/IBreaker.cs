namespace Meter.Hal
{
    /// <summary>
    /// The supply breaker (load switch) of a meter with disconnect function: a bistable breaker that keeps
    /// its position through a power failure (OMNIPOWER data sheet, "Breaker"). A command starts a coil
    /// pulse and returns at once; <see cref="Poll"/> ends the pulse, so nothing waits. Time is the
    /// caller's monotonic milliseconds.
    /// </summary>
    public interface IBreaker
    {
        /// <summary>True when a position-feedback input is fitted (then <see cref="Position"/> is what the contacts do).</summary>
        bool HasFeedback { get; }

        /// <summary><see cref="BreakerPosition"/>: the feedback where fitted, otherwise the position last commanded (Unknown before any).</summary>
        int Position { get; }

        /// <summary>True while a coil is energised.</summary>
        bool Switching { get; }

        /// <summary>Starts the pulse that opens the contacts (disconnects).</summary>
        void Open(long nowMs);

        /// <summary>Starts the pulse that closes the contacts (connects).</summary>
        void Close(long nowMs);

        /// <summary>Ends a coil pulse whose width has passed. Call often (every tick).</summary>
        void Poll(long nowMs);
    }
}
