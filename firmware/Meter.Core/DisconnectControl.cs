using Meter.Hal;

namespace Meter.Core
{
    /// <summary>
    /// Disconnect control (DLMS Blue Book 4.5.8, class 70) over the supply breaker: the control state, the
    /// control mode and the triggers (<see cref="DisconnectTransitions"/>). Every transition is reported
    /// with its trigger and cause, saved at once in the device-state record (<see cref="BreakerState"/>) and
    /// only then drives the breaker, so a cut while saving leaves the old state with the breaker where it was.
    /// At start the stored state is driven again and the feedback is checked; a feedback that disagrees with
    /// the state while no pulse runs is a mismatch (one event per occurrence, <see cref="StatusFeedbackMismatch"/>).
    /// The local triggers come from <see cref="RequestLocalDisconnect"/> / <see cref="ClearLocalDisconnect"/>:
    /// local_disconnect at a request, local_reconnect when the last request clears. A manual reconnection is
    /// refused while a local request holds (the condition that disconnected is still there). Without a breaker
    /// the control stays connected and refuses every command. No allocation.
    /// </summary>
    public sealed class DisconnectControl
    {
        /// <summary>Status bit: the consumer is disconnected (output_state false).</summary>
        public const int StatusDisconnected = 0x01;
        /// <summary>Status bit: the breaker's feedback disagrees with the control state.</summary>
        public const int StatusFeedbackMismatch = 0x02;
        /// <summary>Status bit: a local function asks for disconnection.</summary>
        public const int StatusLocalRequest = 0x04;
        /// <summary>Control mode of a meter that never had one written: 1, remote disconnection and a remote release before the push button reconnects (OMNIPOWER "Breaker").</summary>
        public const int DefaultMode = 1;

        private readonly IBreaker _breaker;
        private readonly DeviceStateRecord _record;
        private readonly IDisconnectEventSink _events;
        private readonly int _defaultMode;
        private int _state = DisconnectControlState.Connected;
        private int _mode;
        private int _localRequests;
        private bool _mismatch;
        private long _nowMs;

        /// <summary>A control over <paramref name="breaker"/> (null: none fitted) with <paramref name="defaultMode"/> until a mode is stored.</summary>
        public DisconnectControl(IBreaker breaker, DeviceStateRecord record, IDisconnectEventSink events, int defaultMode)
        {
            if (record == null) throw new System.ArgumentNullException("record");
            if (events == null) throw new System.ArgumentNullException("events");
            if (defaultMode < 0 || defaultMode > DisconnectTransitions.MaxMode)
                throw new System.ArgumentOutOfRangeException("defaultMode", "control mode must be 0..6");
            _breaker = breaker;
            _record = record;
            _events = events;
            _defaultMode = defaultMode;
            _mode = defaultMode;
        }

        /// <summary>True when a breaker is fitted.</summary>
        public bool Fitted { get { return _breaker != null; } }

        /// <summary>control_state (<see cref="DisconnectControlState"/>), class 70 attribute 3.</summary>
        public int ControlState { get { return _state; } }

        /// <summary>control_mode 0..6, class 70 attribute 4.</summary>
        public int ControlMode { get { return _mode; } }

        /// <summary>output_state, class 70 attribute 2: true = connected.</summary>
        public bool OutputState { get { return _state == DisconnectControlState.Connected; } }

        /// <summary>The local-disconnect requests, bit (1 &lt;&lt; cause) per <see cref="DisconnectCause"/>.</summary>
        public int LocalRequests { get { return _localRequests; } }

        /// <summary><see cref="StatusDisconnected"/>, <see cref="StatusFeedbackMismatch"/>, <see cref="StatusLocalRequest"/>.</summary>
        public int Status
        {
            get
            {
                int status = 0;
                if (!OutputState) status |= StatusDisconnected;
                if (_mismatch) status |= StatusFeedbackMismatch;
                if (_localRequests != 0) status |= StatusLocalRequest;
                return status;
            }
        }

        /// <summary>
        /// The LCD breaker symbol (Meter.Hal LcdSymbols.Breaker): lit while the consumer is disconnected (the breaker
        /// open); none without a breaker (OMNIPOWER display: "If ... the meter is without breaker, there is no indication").
        /// </summary>
        public int LcdSymbolFlags { get { return _breaker != null && !OutputState ? LcdSymbols.Breaker : 0; } }

        /// <summary>Power-up: takes the stored state (the device-state record must be restored), drives the breaker to it and checks the feedback.</summary>
        public void Start(long nowMs)
        {
            _nowMs = nowMs;
            long storedState = _record.Get(BreakerState.ControlStateIndex) - 1;
            long storedMode = _record.Get(BreakerState.ControlModeIndex) - 1;
            long storedRequests = _record.Get(BreakerState.LocalRequestsIndex);
            _mode = storedMode >= 0 && storedMode <= DisconnectTransitions.MaxMode ? (int)storedMode : _defaultMode;
            _state = storedState >= DisconnectControlState.Disconnected && storedState <= DisconnectControlState.ReadyForReconnection
                ? (int)storedState : DisconnectControlState.Connected;
            _localRequests = storedRequests > 0 && storedRequests < (1 << (DisconnectCause.Max + 1)) ? (int)storedRequests : 0;
            if (_breaker == null || _mode == 0) _state = DisconnectControlState.Connected;
            if (_breaker == null) return;
            int expected = ExpectedPosition();
            int actual = _breaker.Position;
            if (actual != BreakerPosition.Unknown && actual != expected)
            {
                _mismatch = true;
                _events.FeedbackMismatch(expected, actual);
            }
            // Bistable: a pulse to where it already is does nothing; without feedback it makes sure.
            if (actual != expected) Drive();
        }

        /// <summary>Ends coil pulses and watches the feedback. Call every tick.</summary>
        public void Tick(long nowMs)
        {
            _nowMs = nowMs;
            if (_breaker == null) return;
            _breaker.Poll(nowMs);
            if (_breaker.Switching || !_breaker.HasFeedback) return;
            bool mismatch = _breaker.Position != ExpectedPosition();
            if (mismatch && !_mismatch) _events.FeedbackMismatch(ExpectedPosition(), _breaker.Position);
            _mismatch = mismatch;
        }

        /// <summary>remote_disconnect (class 70 method 1) for <paramref name="cause"/>: a <see cref="DisconnectResult"/>.</summary>
        public int RemoteDisconnect(int cause)
        {
            return Command(DisconnectTrigger.RemoteDisconnect, cause, DisconnectControlState.Disconnected);
        }

        /// <summary>remote_reconnect (class 70 method 2) for <paramref name="cause"/>: connects (modes 2, 4) or releases for a manual reconnection (1, 3, 5, 6).</summary>
        public int RemoteReconnect(int cause)
        {
            if (_breaker == null) return DisconnectResult.NoBreaker;
            if (Apply(DisconnectTrigger.RemoteReconnect, cause)) return DisconnectResult.Done;
            return _state != DisconnectControlState.Disconnected && _mode != 0 ? DisconnectResult.AlreadyThere : DisconnectResult.NotAllowed;
        }

        /// <summary>
        /// The push button held long: manual_disconnect when connected, manual_reconnect when ready for reconnection
        /// (a disconnected meter needs a remote release first: OMNIPOWER "Breaker", connection by push button
        /// "only after previous release command"). A <see cref="DisconnectResult"/>.
        /// </summary>
        public int LongPress()
        {
            if (_breaker == null) return DisconnectResult.NoBreaker;
            if (_state == DisconnectControlState.Connected)
                return Apply(DisconnectTrigger.ManualDisconnect, DisconnectCause.Button) ? DisconnectResult.Done : DisconnectResult.NotAllowed;
            if (_state == DisconnectControlState.ReadyForReconnection && _localRequests == 0)
                return Apply(DisconnectTrigger.ManualReconnect, DisconnectCause.Button) ? DisconnectResult.Done : DisconnectResult.NotAllowed;
            return DisconnectResult.NotAllowed;
        }

        /// <summary>A local function (<see cref="DisconnectCause.Limiter"/>, Prepayment, AlarmInput) asks for disconnection: local_disconnect (g).</summary>
        public void RequestLocalDisconnect(int cause)
        {
            CheckLocal(cause);
            int bit = 1 << cause;
            if ((_localRequests & bit) == 0)
            {
                _localRequests |= bit;
                _record.Set(BreakerState.LocalRequestsIndex, _localRequests);
                if (!Apply(DisconnectTrigger.LocalDisconnect, cause)) _record.Commit();
            }
        }

        /// <summary>The local function's condition ended: when no other request holds, local_reconnect (h, modes 5 and 6).</summary>
        public void ClearLocalDisconnect(int cause)
        {
            CheckLocal(cause);
            int bit = 1 << cause;
            if ((_localRequests & bit) == 0) return;
            _localRequests &= ~bit;
            _record.Set(BreakerState.LocalRequestsIndex, _localRequests);
            if (_localRequests != 0 || !Apply(DisconnectTrigger.LocalReconnect, cause)) _record.Commit();
        }

        /// <summary>Writes control_mode (class 70 attribute 4); mode 0 connects at once. False for a mode outside 0..6 or without a breaker.</summary>
        public bool SetControlMode(int mode, int cause)
        {
            if (_breaker == null || mode < 0 || mode > DisconnectTransitions.MaxMode) return false;
            _mode = mode;
            _record.Set(BreakerState.ControlModeIndex, mode + 1);
            if (mode == 0 && _state != DisconnectControlState.Connected) MakeTransition(DisconnectTrigger.ModeChange, cause, DisconnectControlState.Connected);
            else _record.Commit();
            return true;
        }

        private int Command(int trigger, int cause, int target)
        {
            if (_breaker == null) return DisconnectResult.NoBreaker;
            if (Apply(trigger, cause)) return DisconnectResult.Done;
            return _state == target && _mode != 0 ? DisconnectResult.AlreadyThere : DisconnectResult.NotAllowed;
        }

        private bool Apply(int trigger, int cause)
        {
            if (_breaker == null) return false;
            int next = DisconnectTransitions.Next(_mode, _state, trigger);
            if (next == DisconnectTransitions.None) return false;
            MakeTransition(trigger, cause, next);
            return true;
        }

        private void MakeTransition(int trigger, int cause, int next)
        {
            int old = _state;
            _events.Transition(trigger, cause, old, next);
            _state = next;
            _record.Set(BreakerState.ControlStateIndex, next + 1);
            _record.Commit(); // before the breaker moves: a cut here keeps the old state and the breaker with it
            Drive();
        }

        private void Drive()
        {
            if (ExpectedPosition() == BreakerPosition.Closed) _breaker.Close(_nowMs);
            else _breaker.Open(_nowMs);
        }

        private int ExpectedPosition()
        {
            return _state == DisconnectControlState.Connected ? BreakerPosition.Closed : BreakerPosition.Open;
        }

        private static void CheckLocal(int cause)
        {
            if (!DisconnectCause.IsLocal(cause))
                throw new System.ArgumentOutOfRangeException("cause", "a local disconnection comes from the limiter, prepayment or the alarm input");
        }
    }
}
