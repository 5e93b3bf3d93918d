using Meter.Dlms;
using Meter.Hal;
using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// The optical port in mode E (IEC 62056-21:2002 §6.4.5, Annex E; Green Book: the three-layer connection-oriented
    /// profile with the IEC 62056-21 opening): after "ACK 2 Z 2" the <see cref="OpticalServer"/> hands the line over at the
    /// agreed rate; this session switches it to 8N1 and runs an <see cref="HdlcSerialPort"/> (half duplex: the head's echo
    /// is dropped) for the meter's COSEM server. The session ends, and the server returns to its idle state at 300 Bd 7E1,
    /// on DISC (once the UA has left), on the HDLC inactivity time-out (Blue Book IC 23; also when no SNRM comes after the
    /// switch) and on a line break (<see cref="Abort"/>).
    /// </summary>
    public sealed class OpticalModeE : IModeESession
    {
        private const int InterOctetTimeoutMs = 25;

        private readonly ISerialLink _link;
        private readonly HdlcSerialPort _port;
        private readonly HdlcServerSettings _settings;
        private bool _connected;
        private bool _ending;

        /// <summary>A session on <paramref name="link"/> (the optical line itself, not a filter in front of the server).</summary>
        public OpticalModeE(ISerialLink link, HdlcServerSettings settings, IApduHandler handler)
        {
            if (link == null) throw new System.ArgumentNullException("link");
            _link = link;
            _settings = settings;
            _port = new HdlcSerialPort(link, settings, handler, true);
        }

        /// <summary>The HDLC port of the session.</summary>
        public HdlcSerialPort Port { get { return _port; } }

        /// <inheritdoc />
        public void Begin(long nowMs)
        {
            SetFormat(SerialCharacterFormat.EightNoneOne);
            // The inter-octet time-out (Blue Book IC 23, 25 ms) must outlast a character at the agreed rate: at 300 Bd one
            // takes 33 ms. One character time is added, whatever the rate.
            int baud = _link.BaudRate;
            _settings.InterOctetTimeoutMs = InterOctetTimeoutMs + (10000 + baud - 1) / baud;
            _port.Restart(nowMs);
            _connected = false;
            _ending = false;
        }

        /// <inheritdoc />
        public bool Poll(long nowMs)
        {
            if (!_ending)
            {
                _port.Poll(nowMs);
                if (_port.Link.State != HdlcLinkState.Disconnected) _connected = true;
                else if (_connected) _ending = true; // DISC answered by UA, or the link's own inactivity time-out
                else if (_settings.InactivityTimeoutMs > 0 && nowMs - _port.LastReceivedMs > _settings.InactivityTimeoutMs)
                    _ending = true; // no connection since the switch: nobody is there
            }
            if (!_ending) return true;
            if (_link.BytesToWrite > 0) return true; // the UA is still leaving at the HDLC rate and format
            SetFormat(SerialCharacterFormat.SevenEvenOne);
            return false;
        }

        /// <inheritdoc />
        public void Abort()
        {
            _port.Link.Release(); // the association over the link ends with it
            _ending = true;
            SetFormat(SerialCharacterFormat.SevenEvenOne);
        }

        private void SetFormat(SerialCharacterFormat format)
        {
            ISerialCharacterFormat formatted = _link as ISerialCharacterFormat;
            if (formatted != null) formatted.CharacterFormat = format;
        }
    }
}
