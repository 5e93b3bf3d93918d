namespace Meter.Core
{
    /// <summary>What a disconnect-control command did.</summary>
    public static class DisconnectResult
    {
        /// <summary>The transition was made.</summary>
        public const int Done = 0;
        /// <summary>Nothing to do: the control is already where the command leads (e.g. a remote_disconnect while disconnected).</summary>
        public const int AlreadyThere = 1;
        /// <summary>The control mode has no such transition from the present state (the meter refuses).</summary>
        public const int NotAllowed = 2;
        /// <summary>No breaker fitted.</summary>
        public const int NoBreaker = 3;
    }
}
