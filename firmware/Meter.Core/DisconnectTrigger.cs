namespace Meter.Core
{
    /// <summary>
    /// The triggers of Disconnect control (DLMS Blue Book 4.5.8): remote (the methods remote_disconnect /
    /// remote_reconnect, over the optical port or DLMS), manual (the push button held long) and local (a
    /// function of the meter: limiter, prepayment, alarm input). Which transition a trigger makes is
    /// <see cref="DisconnectTransitions"/>.
    /// </summary>
    public static class DisconnectTrigger
    {
        /// <summary>remote_disconnect (transitions b, c).</summary>
        public const int RemoteDisconnect = 1;
        /// <summary>remote_reconnect (transition a: direct, or d: release to ready_for_reconnection).</summary>
        public const int RemoteReconnect = 2;
        /// <summary>manual_disconnect (transition f).</summary>
        public const int ManualDisconnect = 3;
        /// <summary>manual_reconnect (transition e).</summary>
        public const int ManualReconnect = 4;
        /// <summary>local_disconnect (transition g).</summary>
        public const int LocalDisconnect = 5;
        /// <summary>local_reconnect (transition h).</summary>
        public const int LocalReconnect = 6;
        /// <summary>The control mode was written (mode 0 forces connected).</summary>
        public const int ModeChange = 7;
    }
}
