namespace Meter.Core
{
    /// <summary>
    /// Hands the disconnect requests of the functions that do not switch the breaker themselves (prepayment: credit
    /// exhausted outside friendly time; alarm input in its disconnect mode) to the disconnect control as local_disconnect
    /// and, when the condition ends, local_reconnect (DLMS Blue Book 4.5.8, class 70 transitions g and h). The limiter
    /// asks the control itself. Called every tick; the control acts only on a change of a request.
    /// </summary>
    public sealed class LocalDisconnectRequests
    {
        private readonly DisconnectControl _control;
        private readonly Prepayment _prepayment;
        private readonly ModuleInputs _inputs;

        /// <summary>Requests of <paramref name="prepayment"/> and <paramref name="inputs"/> to <paramref name="control"/>.</summary>
        public LocalDisconnectRequests(DisconnectControl control, Prepayment prepayment, ModuleInputs inputs)
        {
            if (control == null) throw new System.ArgumentNullException("control");
            if (prepayment == null) throw new System.ArgumentNullException("prepayment");
            if (inputs == null) throw new System.ArgumentNullException("inputs");
            _control = control;
            _prepayment = prepayment;
            _inputs = inputs;
        }

        /// <summary>Passes the current requests on (no allocation).</summary>
        public void Update()
        {
            Apply(DisconnectCause.Prepayment, _prepayment.RequestsDisconnect);
            Apply(DisconnectCause.AlarmInput, _inputs.RequestsDisconnect);
        }

        private void Apply(int cause, bool requested)
        {
            if (requested) _control.RequestLocalDisconnect(cause);
            else _control.ClearLocalDisconnect(cause);
        }
    }
}
