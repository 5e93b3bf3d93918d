namespace Meter.Core
{
    /// <summary>
    /// The state transitions of Disconnect control per control mode (DLMS Blue Book 4.5.8, class 70,
    /// attribute 4 control_mode and its state diagram):
    /// a remote_reconnect disconnected → connected; b remote_disconnect connected → disconnected;
    /// c remote_disconnect ready → disconnected; d remote_reconnect disconnected → ready;
    /// e manual_reconnect ready → connected; f manual_disconnect connected → ready;
    /// g local_disconnect connected → ready; h local_reconnect ready → connected.
    /// Mode 0 none (always connected); 1 b c f g / d e; 2 b c f g / a e; 3 b c g / d e; 4 b c g / a e;
    /// 5 b c f g / d e h; 6 b c g / d e h.
    /// </summary>
    public static class DisconnectTransitions
    {
        /// <summary>No transition for the trigger in this state and mode.</summary>
        public const int None = -1;
        /// <summary>Highest control mode.</summary>
        public const int MaxMode = 6;

        /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="state"/> in <paramref name="mode"/>, or <see cref="None"/>.</summary>
        public static int Next(int mode, int state, int trigger)
        {
            if (mode < 1 || mode > MaxMode) return None;
            switch (trigger)
            {
                case DisconnectTrigger.RemoteDisconnect: // b, c
                    return state == DisconnectControlState.Connected || state == DisconnectControlState.ReadyForReconnection
                        ? DisconnectControlState.Disconnected : None;
                case DisconnectTrigger.RemoteReconnect: // a (modes 2, 4) or d (1, 3, 5, 6)
                    if (state != DisconnectControlState.Disconnected) return None;
                    return mode == 2 || mode == 4 ? DisconnectControlState.Connected : DisconnectControlState.ReadyForReconnection;
                case DisconnectTrigger.ManualDisconnect: // f
                    return state == DisconnectControlState.Connected && (mode == 1 || mode == 2 || mode == 5)
                        ? DisconnectControlState.ReadyForReconnection : None;
                case DisconnectTrigger.ManualReconnect: // e
                    return state == DisconnectControlState.ReadyForReconnection ? DisconnectControlState.Connected : None;
                case DisconnectTrigger.LocalDisconnect: // g
                    return state == DisconnectControlState.Connected ? DisconnectControlState.ReadyForReconnection : None;
                case DisconnectTrigger.LocalReconnect: // h
                    return state == DisconnectControlState.ReadyForReconnection && (mode == 5 || mode == 6)
                        ? DisconnectControlState.Connected : None;
                default:
                    return None;
            }
        }
    }
}
