namespace Meter.Core
{
    /// <summary>The control_state values of Disconnect control (DLMS Blue Book 4.5.8, class 70, attribute 3).</summary>
    public static class DisconnectControlState
    {
        /// <summary>Output off, the consumer is disconnected; only a remote command reconnects (or releases).</summary>
        public const int Disconnected = 0;
        /// <summary>Output on, the consumer is connected.</summary>
        public const int Connected = 1;
        /// <summary>Output off; a manual (push button) or local reconnection connects.</summary>
        public const int ReadyForReconnection = 2;
    }
}
