using Meter.Dlms;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// Disconnect control 0-0:96.3.10.255 as a COSEM object (DLMS Blue Book 4.5.8, class_id 70, version 0) over the
    /// meter's one <see cref="DisconnectControl"/> (the optical port's W1 drives the same instance): 1 logical_name,
    /// 2 output_state boolean, 3 control_state enum, 4 control_mode enum (written by the management client),
    /// methods 1 remote_disconnect and 2 remote_reconnect (data ::= integer (0)) for the management client only.
    /// Transitions are logged by the control (cause <see cref="DisconnectCause.Dlms"/>); a control_mode SET is
    /// logged as the optical port's write of 0-0:96.3.11 is (<see cref="CosemTableWrites.Report"/>).
    /// Action-Result (Green Book, xDLMS Action-Result): the Blue Book's class 70 names no result for a method the
    /// control mode or state forbids, so it is temporary-failure (the method may succeed once the state or mode
    /// has changed; read-write-denied stays the answer for a client without the right, given by
    /// CosemObjectDirectory); a command to the state the object is already in is success (as the optical port
    /// accepts it); without a breaker fitted object-unavailable; a parameter other than an integer type-unmatched,
    /// a non-zero integer other-reason.
    /// </summary>
    public sealed class DisconnectControlObject : SingleCosemObject
    {
        /// <summary>class_id of Disconnect control.</summary>
        public const int ClassIdValue = 70;
        private const int OutputState = 2, ControlState = 3, ControlMode = 4;
        private const int RemoteDisconnect = 1, RemoteReconnect = 2;

        private readonly DisconnectControl _control;
        private readonly CosemTableWrites _writes;

        /// <summary>Serves <paramref name="control"/>; control_mode writes are logged through <paramref name="writes"/>.</summary>
        public DisconnectControlObject(DisconnectControl control, CosemTableWrites writes)
            : base(BreakerObjects.DisconnectControl, ClassIdValue, 0, 4, 2)
        {
            if (control == null) throw new System.ArgumentNullException("control");
            if (writes == null) throw new System.ArgumentNullException("writes");
            _control = control;
            _writes = writes;
        }

        /// <inheritdoc />
        protected override bool IsWritable(int attributeId) { return attributeId == ControlMode; }

        /// <inheritdoc />
        protected override DataAccessResult GetAttribute(int attributeId, AxdrWriter value)
        {
            if (attributeId == OutputState) value.WriteBoolean(_control.OutputState);
            else if (attributeId == ControlState) value.WriteEnum((byte)_control.ControlState);
            else value.WriteEnum((byte)_control.ControlMode);
            return DataAccessResult.Success;
        }

        /// <summary>control_mode: an enum 0..6 (Blue Book 4.5.8 attribute 4).</summary>
        protected override DataAccessResult SetAttribute(int attributeId, AxdrReader value)
        {
            long mode = value.ReadInteger(AxdrType.Enum);
            if (value.Failed) return DataAccessResult.TypeUnmatched;
            if (!_control.Fitted) return DataAccessResult.ObjectUnavailable;
            ObisWriteResult result = mode <= DisconnectTransitions.MaxMode && _control.SetControlMode((int)mode, DisconnectCause.Dlms)
                ? ObisWriteResult.Accepted : ObisWriteResult.OutOfRange;
            return _writes.Report(BreakerObjects.ControlMode, result);
        }

        /// <inheritdoc />
        protected override ActionResult Invoke(int methodId, AxdrReader parameters, bool hasParameters)
        {
            if (hasParameters)
            {
                long data = parameters.ReadInteger();
                if (parameters.Failed) return ActionResult.TypeUnmatched;
                if (data != 0) return ActionResult.OtherReason;
            }
            int result = methodId == RemoteDisconnect ? _control.RemoteDisconnect(DisconnectCause.Dlms) : _control.RemoteReconnect(DisconnectCause.Dlms);
            if (result == DisconnectResult.Done || result == DisconnectResult.AlreadyThere) return ActionResult.Success;
            return result == DisconnectResult.NoBreaker ? ActionResult.ObjectUnavailable : ActionResult.TemporaryFailure;
        }
    }
}
