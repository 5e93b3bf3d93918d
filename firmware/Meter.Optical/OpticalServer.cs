// Longer than 400 lines: the IEC 62056-21 §6.3/§6.4 protocol state machine of the meter side (sign-on, identification,
// acknowledgement and option select, readout, programming commands, break, time-outs) is one class so each state's
// transitions and timers read together; framing, BCC, the readout stream and error codes are already in their own files.
// Next step: the programming-mode command handling (P1/R1/W1) as its own class.
using Meter.Hal;
using Meter.Obis;

namespace Meter.Optical
{
    /// <summary>
    /// The meter side ("tariff device") of IEC 62056-21:2002 modes A, B and C over an
    /// <see cref="ISerialLink"/>, driven by injected time: call <see cref="Poll"/> often (every
    /// few ms) with a monotonic millisecond clock. Readout of a <see cref="ReadoutList"/> from an
    /// <see cref="ObisTable"/>; programming mode with P1 password, R1 read, W1 write and B0
    /// break; wrong passwords lock the port. Every error or silence returns to the idle state
    /// at 300 Bd. Nothing a frame says changes a value without a successful P1 first.
    /// </summary>
    public sealed class OpticalServer
    {
        private const int RequestCapacity = 2 + 32 + 3;  // "/?" + address ≤ 32 + "!" CR LF (§6.3.1)
        private const int OptionSelectLength = 6;        // ACK V Z Y CR LF (§6.3.3)
        private const int FrameCapacity = 128;           // SOH C D STX address(value) ETX BCC
        private const int TransmitHighWater = 64;        // characters handed to the link ahead of the line
        private const int MaximumRepeats = 3;            // answers repeated on NAK before giving up
        private const int MaximumLatenessMs = 1000;      // a due answer later than this is dropped

        private readonly ISerialLink _link;
        private readonly OpticalPortSettings _settings;
        private readonly ObisTable _table;
        private readonly ReadoutStream _readout;
        private readonly IProgrammingSwitch _seal;
        private readonly IOpticalEventSink _events;
        private readonly EchoGuard _echo;
        private byte[] _identification;
        private readonly byte[] _received = new byte[16];
        private readonly byte[] _rx = new byte[FrameCapacity];
        private readonly byte[] _tx = new byte[FrameCapacity + ObisObject.MaxValueLength];

        private OpticalServerState _state;
        private int _rxLength;
        private bool _expectBcc;
        private bool _overflowing;       // a command frame longer than _rx is being received (see OnCommandByte)
        private byte _overflowBcc;       // the BCC of the overflowing frame so far
        private long _now;
        private long _lastReceivedMs;
        private long _lastActivityMs;
        private long _identificationSentMs;
        private int _txLength;
        private int _txSent;
        private bool _streamingReadout;
        private bool _awaitingDrain;
        private int _pendingAction;      // see Action* constants
        private long _pendingAtMs;
        private int _afterSend;          // see After* constants
        private int _selectedBaud;
        private int _grantedLevel;
        private int _repeats;
        private int _failures;
        private long _lockedUntilMs;
        private bool _locked;
        private IModeESession _modeE;

        private const int ActionNone = 0, ActionSendBuffer = 1, ActionStartReadout = 2;
        private const int AfterNothing = 0, AfterIdentification = 1, AfterReturnToIdle = 2, AfterAwaitCommand = 3;

        /// <summary>
        /// Creates the server; the link is set to 300 Bd. <paramref name="seal"/> and
        /// <paramref name="events"/> may be null (seal then counts as closed, events are dropped).
        /// </summary>
        /// <exception cref="System.ArgumentException">A setting is invalid (message names it).</exception>
        public OpticalServer(ISerialLink link, OpticalPortSettings settings, ObisTable table, ReadoutList readout,
            IProgrammingSwitch seal, IOpticalEventSink events)
        {
            if (link == null) throw new System.ArgumentNullException("link");
            if (settings == null) throw new System.ArgumentNullException("settings");
            if (table == null) throw new System.ArgumentNullException("table");
            if (readout == null) throw new System.ArgumentNullException("readout");
            settings.Validate();
            _link = link;
            _settings = settings;
            _table = table;
            _readout = new ReadoutStream(table, readout);
            _seal = seal;
            _events = events;
            _echo = new EchoGuard(link);
            _identification = BuildIdentification(settings);
            ReturnToIdle();
        }

        /// <summary>
        /// What takes the line after "ACK 2 Z 2" (IEC 62056-21 §6.4.5 mode E), when the settings offer mode E; null: the
        /// option select is unsupported and the readout follows at 300 Bd (§6.3.14), as for any other.
        /// </summary>
        public IModeESession ModeE
        {
            get { return _modeE; }
            set { _modeE = value; }
        }

        /// <summary>Bytes dropped as the echo of the meter's own answers (<see cref="EchoGuard"/>).</summary>
        public long EchoBytesDropped => _echo.BytesDropped;

        /// <summary>Current protocol state.</summary>
        public OpticalServerState State => _state;

        /// <summary>Password level of the current programming session (0 = not logged in).</summary>
        public int GrantedLevel => _grantedLevel;

        /// <summary>Consecutive wrong passwords since the last success or lock expiry.</summary>
        public int PasswordFailures => _failures;

        /// <summary>True while passwords are refused after too many failures.</summary>
        public bool IsLocked => _locked && _now < _lockedUntilMs;

        /// <summary>
        /// Rebuilds the identification message after the settings' identification changed (a W1
        /// of the meter's identification object; the settings were validated by the writer). The
        /// next sign-on answers with it; a running session is not affected.
        /// </summary>
        public void RefreshIdentification()
        {
            _settings.Validate();
            _identification = BuildIdentification(_settings);
        }

        /// <summary>The identification message this meter sends, "/XXXZident" CR LF.</summary>
        public int CopyIdentification(byte[] buffer, int offset)
        {
            System.Array.Copy(_identification, 0, buffer, offset, _identification.Length);
            return _identification.Length;
        }

        /// <summary>
        /// Advances the server to <paramref name="nowMs"/> (monotonic, never decreasing): reads
        /// what arrived, applies timeouts, sends what is due. Never throws for anything received.
        /// </summary>
        public void Poll(long nowMs)
        {
            if (nowMs > _now) _now = nowMs;
            if (_state == OpticalServerState.ModeE)
            {
                // §6.4.5 / Annex E: at the end of the HDLC session (DISC, inactivity) the meter is back in the initial state.
                if (!_modeE.Poll(_now)) ReturnToIdle();
                return;
            }
            Receive();
            ApplyTimeouts();
            Transmit();
            // Idle is always at 300 Bd: a return to idle while the link was still sending the
            // last characters at another rate switches back once they have left (§6.4 initial rate).
            if (_state == OpticalServerState.Idle && !IsSending && !_echo.IsLineBusy(_now)
                && _link.BaudRate != BaudRateCharacter.InitialBaud)
                _link.BaudRate = BaudRateCharacter.InitialBaud;
        }

        // ---- reception ---------------------------------------------------------------------

        private void Receive()
        {
            while (_link.BytesToRead > 0)
            {
                int n = _link.Read(_received, 0, _received.Length);
                if (n <= 0) return;
                if (_echo.Drops(n, _now)) continue; // half duplex: the head's echo of the meter's own characters
                for (int i = 0; i < n; i++) OnByte((byte)(_received[i] & 0x7F));
            }
        }

        private bool IsSending => _pendingAction != ActionNone || _awaitingDrain;

        private void OnByte(byte b)
        {
            // Half duplex: what arrives while the meter answers (an optical head's echo, a
            // master talking early) is not part of any message.
            if (IsSending) return;
            _lastReceivedMs = _now;
            _lastActivityMs = _now;
            switch (_state)
            {
                case OpticalServerState.Idle: OnRequestByte(b); break;
                case OpticalServerState.AwaitingOptionSelect: OnOptionSelectByte(b); break;
                case OpticalServerState.Programming: OnCommandByte(b); break;
                default: break;
            }
        }

        // IEC 62056-21:2002 §6.3.1 request message "/ ? address ! CR LF"; anything before "/"
        // (wake-up NULs, noise) is skipped, a new "/" restarts the message.
        private void OnRequestByte(byte b)
        {
            if (b == ControlCharacter.Slash)
            {
                _rx[0] = b;
                _rxLength = 1;
                return;
            }
            if (_rxLength == 0) return;
            if (_rxLength == RequestCapacity)
            {
                _rxLength = 0; // longer than any request: not one
                return;
            }
            _rx[_rxLength++] = b;
            if (b == ControlCharacter.Lf)
            {
                int length = _rxLength;
                _rxLength = 0;
                OnRequest(length);
            }
        }

        private void OnRequest(int length)
        {
            if (length < 5 || _rx[1] != ControlCharacter.Question || _rx[length - 3] != ControlCharacter.Exclamation
                || _rx[length - 2] != ControlCharacter.Cr) return;
            int addressLength = length - 5;
            for (int i = 2; i < 2 + addressLength; i++)
                if (!OpticalPortSettings.IsAddressCharacter(_rx[i])) return;
            if (!AddressMatches(2, addressLength)) return; // another meter's address: stay silent
            _state = OpticalServerState.Identifying;
            System.Array.Copy(_identification, 0, _tx, 0, _identification.Length);
            ScheduleBuffer(_identification.Length, _lastReceivedMs + _settings.ReactionTimeMs, AfterIdentification);
        }

        // §6.3.1: an empty address is the general request every meter answers; otherwise the
        // address must be this meter's, leading zeros not significant.
        private bool AddressMatches(int offset, int length)
        {
            if (length == 0) return true;
            string own = _settings.DeviceAddress;
            int i = offset, end = offset + length;
            while (i < end && _rx[i] == '0') i++;
            int j = 0;
            while (j < own.Length && own[j] == '0') j++;
            if (own.Length - j != end - i || own.Length == 0) return false;
            for (; i < end; i++, j++)
                if (_rx[i] != own[j]) return false;
            return true;
        }

        // §6.3.3 acknowledgement/option select "ACK V Z Y CR LF" (mode C only).
        private void OnOptionSelectByte(byte b)
        {
            if (b == ControlCharacter.Ack)
            {
                _rx[0] = b;
                _rxLength = 1;
                return;
            }
            if (b == ControlCharacter.Slash)
            {
                // The master started over with a new request.
                _state = OpticalServerState.Idle;
                OnRequestByte(b);
                return;
            }
            if (_rxLength == 0) return;
            _rx[_rxLength++] = b;
            if (b == ControlCharacter.Lf || _rxLength == OptionSelectLength)
            {
                int length = _rxLength;
                _rxLength = 0;
                OnOptionSelect(length);
            }
        }

        private void OnOptionSelect(int length)
        {
            if (length != OptionSelectLength || _rx[4] != ControlCharacter.Cr || _rx[5] != ControlCharacter.Lf)
            {
                ReadoutAtInitialBaud(_lastReceivedMs + _settings.ReactionTimeMs);
                return;
            }
            byte v = _rx[1], z = _rx[2], y = _rx[3];
            int baud = BaudRateCharacter.FromModeC(z);
            if (v == '2' && y == '2' && baud != 0 && baud <= _settings.MaximumBaud && _settings.OffersModeE && _modeE != null)
            {
                // §6.3.3 / §6.4.5 mode E: V = '2' HDLC procedure, Y = '2' binary mode: both ends switch to rate Z after this
                // message and the HDLC frames (IEC 62056-46) follow; the meter sends nothing more in IEC 62056-21.
                _selectedBaud = baud;
                if (_link.BaudRate != baud) _link.BaudRate = baud;
                _state = OpticalServerState.ModeE;
                _modeE.Begin(_now);
                return;
            }
            // V = '0' normal protocol procedure (the HDLC procedure is the mode-E branch above; the
            // secondary procedure is not offered); Z may select a lower rate than proposed, never a higher one (§6.3.3).
            // Y = '0' readout or '1' programming: binary (2), reserved and manufacturer modes
            // are not offered. Anything else is an unsupported option select.
            if (v != '0' || baud == 0 || baud > _settings.MaximumBaud || (y != '0' && y != '1'))
            {
                ReadoutAtInitialBaud(_lastReceivedMs + _settings.ReactionTimeMs);
                return;
            }
            _selectedBaud = baud;
            if (_link.BaudRate != baud) _link.BaudRate = baud; // switch right after the ACK message
            long at = _lastReceivedMs + _settings.BaudSwitchDelayMs;
            if (y == '0')
            {
                StartReadoutAt(at);
                return;
            }
            // Programming mode: the meter opens with the password request P0 (§6.3.7, P0 = "operand").
            _state = OpticalServerState.Programming;
            _grantedLevel = 0;
            _repeats = 0;
            int p = 0;
            _tx[p++] = ControlCharacter.Soh;
            _tx[p++] = (byte)'P';
            _tx[p++] = (byte)'0';
            _tx[p++] = ControlCharacter.Stx;
            _tx[p++] = (byte)'(';
            string operand = _settings.PasswordOperand;
            for (int i = 0; i < operand.Length; i++) _tx[p++] = (byte)operand[i];
            _tx[p++] = (byte)')';
            _tx[p++] = ControlCharacter.Etx;
            _tx[p] = Bcc.Compute(_tx, 1, p - 1);
            p++;
            ScheduleBuffer(p, at, AfterAwaitCommand);
        }

        // Programming command messages "SOH C D [STX data] ETX BCC" (§6.3.7), and NAK (§6.3.6).
        private void OnCommandByte(byte b)
        {
            if (_expectBcc)
            {
                _rx[_rxLength++] = b;
                int length = _rxLength;
                _rxLength = 0;
                _expectBcc = false;
                if (_overflowing) OnOversizeFrame(b);
                else OnCommandFrame(length);
                return;
            }
            if (_overflowing)
            {
                // The frame goes on past the buffer: keep only its BCC until its ETX (an SOH
                // inside is data of the same frame; the inter-character timeout still ends it).
                _overflowBcc ^= b;
                if (b == ControlCharacter.Etx || b == ControlCharacter.Eot)
                {
                    _rxLength = FrameCapacity - 1; // the BCC goes last; the frame's start stays for OnOversizeFrame
                    _expectBcc = true;
                }
                return;
            }
            if (b == ControlCharacter.Soh)
            {
                _rx[0] = b;
                _rxLength = 1;
                return;
            }
            if (_rxLength == 0)
            {
                if (b == ControlCharacter.Nak) RepeatLastAnswer();
                return; // ACK (partial blocks are not used) and noise between frames
            }
            if (_rxLength == FrameCapacity - 1)
            {
                // Longer than any command this meter accepts: take the rest without keeping it,
                // so that the frame's end is still seen and answered (OnOversizeFrame).
                _overflowing = true;
                _overflowBcc = Bcc.Compute(_rx, 1, _rxLength - 1);
                _overflowBcc ^= b;
                if (b == ControlCharacter.Etx || b == ControlCharacter.Eot)
                {
                    _rxLength = FrameCapacity - 1; // the BCC goes last; the frame's start stays for OnOversizeFrame
                    _expectBcc = true;
                }
                return;
            }
            _rx[_rxLength++] = b;
            if (b == ControlCharacter.Etx || b == ControlCharacter.Eot) _expectBcc = true;
        }

        // A frame longer than the receive buffer has ended: a wrong BCC is a transmission error
        // (NAK, §6.3.6); a right one a command whose data the meter cannot take: the error
        // message "too long" (§6.3.10), as a W1 value longer than its object gets.
        private void OnOversizeFrame(byte bcc)
        {
            _overflowing = false;
            if (bcc != _overflowBcc)
            {
                AnswerControl(ControlCharacter.Nak);
                return;
            }
            string error = _grantedLevel == 0 ? OpticalErrorCode.NotLoggedIn : OpticalErrorCode.TooLong;
            if (_rx[1] == 'W') RefuseWrite(OversizeWriteAddress(), error);
            else
            {
                if (_grantedLevel == 0) RecordEvent(OpticalEventKind.CommandWithoutLogin, new ObisCode(), 0);
                AnswerError(error);
            }
        }

        // The object address of an oversize W1 from the part kept ("SOH W1 STX address(…"); the zero code if it is not there.
        private ObisCode OversizeWriteAddress()
        {
            ObisCode code = new ObisCode();
            if (_rx[3] != ControlCharacter.Stx) return code;
            for (int i = 4; i < FrameCapacity - 1; i++)
            {
                if (_rx[i] != '(') continue;
                ObisCode parsed;
                if (ObisCode.TryParse(_rx, 4, i - 4, out parsed)) code = parsed;
                break;
            }
            return code;
        }

        private void RepeatLastAnswer()
        {
            if (_txLength == 0 || _repeats >= MaximumRepeats) return;
            _repeats++;
            ScheduleBuffer(_txLength, _lastReceivedMs + _settings.ReactionTimeMs, AfterAwaitCommand);
        }

        private void OnCommandFrame(int length)
        {
            // §6.3 / ISO 1745: the BCC covers everything after SOH up to and including ETX.
            if (length < 5 || Bcc.Compute(_rx, 1, length - 2) != _rx[length - 1])
            {
                AnswerControl(ControlCharacter.Nak); // repeat request
                return;
            }
            byte command = _rx[1], type = _rx[2];
            if (command == 'B' && type == '0' && length == 5 && _rx[3] == ControlCharacter.Etx)
            {
                // B0: complete sign-off, no answer (§6.3.7 break command); frames come only in programming mode.
                EndSession();
                return;
            }
            if (length < 7 || _rx[3] != ControlCharacter.Stx || _rx[length - 2] != ControlCharacter.Etx)
            {
                AnswerError(OpticalErrorCode.MalformedCommand);
                return;
            }
            int data = 4, dataLength = length - 6;
            if (command == 'P' && type == '1') OnPassword(data, dataLength);
            else if (command == 'R' && type == '1') OnRead(data, dataLength);
            else if (command == 'W' && type == '1') OnWrite(data, dataLength);
            else AnswerError(OpticalErrorCode.UnsupportedCommand);
        }

        private void OnPassword(int data, int length)
        {
            if (length < 2 || _rx[data] != '(' || _rx[data + length - 1] != ')')
            {
                AnswerError(OpticalErrorCode.MalformedCommand);
                return;
            }
            EndExpiredLockout();
            if (_locked)
            {
                RecordEvent(OpticalEventKind.LoginWhileLocked, new ObisCode(), 0);
                AnswerError(OpticalErrorCode.PortLocked);
                return;
            }
            int level = MatchPassword(data + 1, length - 2);
            if (level > 0)
            {
                _grantedLevel = level;
                _failures = 0;
                RecordEvent(OpticalEventKind.LoginSucceeded, new ObisCode(), level);
                AnswerControl(ControlCharacter.Ack);
                return;
            }
            _grantedLevel = 0; // a failed P1 also ends the rights of an earlier one
            RecordPasswordFailure();
            AnswerError(OpticalErrorCode.WrongPassword);
        }

        /// <summary>
        /// Counts a wrong password toward the port's lockout: a wrong P1 here, or one given on another interface of the
        /// meter (the DLMS management client's LLS password, which is P1 too), so that one counter and one lockout guard
        /// both. The limit-th failure locks for the lockout time. Nothing is counted while locked (such attempts are refused
        /// before they are compared). True when the port is locked after the call.
        /// </summary>
        public bool RecordPasswordFailure()
        {
            EndExpiredLockout();
            if (_locked) return true;
            _failures++;
            RecordEvent(OpticalEventKind.PasswordRejected, new ObisCode(), _failures);
            if (_failures >= _settings.MaximumPasswordFailures)
            {
                _locked = true;
                _lockedUntilMs = _now + _settings.LockoutMinutes * 60000L;
                RecordEvent(OpticalEventKind.PortLocked, new ObisCode(), _settings.LockoutMinutes);
            }
            return _locked;
        }

        // A lockout whose time has run out ends with a fresh count.
        private void EndExpiredLockout()
        {
            if (_locked && _now >= _lockedUntilMs)
            {
                _locked = false;
                _failures = 0;
            }
        }

        // Highest level whose password equals the given text; 0 for none.
        private int MatchPassword(int offset, int length)
        {
            string[] passwords = _settings.Passwords;
            int granted = 0;
            for (int level = 1; level <= passwords.Length; level++)
            {
                string password = passwords[level - 1];
                if (password.Length != length) continue;
                int difference = 0;
                for (int i = 0; i < length; i++) difference |= password[i] ^ _rx[offset + i];
                if (difference == 0) granted = level;
            }
            return granted;
        }

        private void OnRead(int data, int length)
        {
            if (_grantedLevel == 0)
            {
                RecordEvent(OpticalEventKind.CommandWithoutLogin, new ObisCode(), 0);
                AnswerError(OpticalErrorCode.NotLoggedIn);
                return;
            }
            ObisCode code;
            int open;
            if (!ParseAddress(data, length, out code, out open))
            {
                AnswerError(OpticalErrorCode.MalformedCommand);
                return;
            }
            ObisObject item = _table.Find(code);
            if (item == null)
            {
                AnswerError(OpticalErrorCode.UnknownObject);
                return;
            }
            // §6.3.7 R1 "address(data)": a list takes its entry number as the data, every other
            // object answers its value whatever the data (as it always has).
            ListObject list = item as ListObject;
            int entry = ListObject.CountRequest;
            if (list != null)
            {
                entry = ListObject.ParseEntryNumber(_rx, open + 1, data + length - 1 - (open + 1));
                if (entry < 0)
                {
                    // Not two digits: malformed for the object (as a W1 entry without "nn;"); "00": out of range.
                    AnswerError(entry == ListObject.EntryNumberOutOfRange ? OpticalErrorCode.OutOfRange : OpticalErrorCode.InvalidFormat);
                    return;
                }
            }
            // §6.3.9 data message in programming mode: STX address(value) ETX BCC.
            int p = 0;
            _tx[p++] = ControlCharacter.Stx;
            p += code.WriteAddress(_tx, p, _tx.Length - p);
            p += list != null ? list.WriteEntry(entry, _tx, p, _tx.Length - p - 2) : item.WriteValue(code, _tx, p, _tx.Length - p - 2);
            _tx[p++] = ControlCharacter.Etx;
            _tx[p] = Bcc.Compute(_tx, 1, p - 1);
            p++;
            Answer(p);
        }

        private void OnWrite(int data, int length)
        {
            ObisCode code;
            int open;
            bool parsed = ParseAddress(data, length, out code, out open);
            if (_grantedLevel == 0)
            {
                RefuseWrite(code, OpticalErrorCode.NotLoggedIn);
                return;
            }
            if (!parsed)
            {
                RefuseWrite(new ObisCode(), OpticalErrorCode.MalformedCommand);
                return;
            }
            bool sealOpen = _seal != null && _seal.IsOpen;
            ObisWriteResult result = _table.Write(code, _rx, open + 1, data + length - 1 - (open + 1), _grantedLevel, sealOpen);
            if (result == ObisWriteResult.Accepted)
            {
                RecordEvent(OpticalEventKind.WriteAccepted, code, 0);
                AnswerControl(ControlCharacter.Ack);
                return;
            }
            RefuseWrite(code, OpticalErrorCode.ForWriteResult(result));
        }

        // Every refused W1 is an event with the error it got (detail: nn of "ERnn"), then the error message.
        private void RefuseWrite(ObisCode code, string error)
        {
            RecordEvent(OpticalEventKind.WriteRejected, code, OpticalErrorCode.NumberOf(error));
            AnswerError(error);
        }

        // "address(value)": the address up to "(", exactly one ")" at the end, no "(" inside.
        private bool ParseAddress(int data, int length, out ObisCode code, out int open)
        {
            code = new ObisCode();
            open = -1;
            int end = data + length;
            for (int i = data; i < end; i++)
            {
                if (_rx[i] == '(') { open = i; break; }
            }
            if (open <= data || _rx[end - 1] != ')') return false;
            for (int i = open + 1; i < end - 1; i++)
                if (_rx[i] == '(' || _rx[i] == ')') return false;
            return ObisCode.TryParse(_rx, data, open - data, out code);
        }

        // ---- answers -----------------------------------------------------------------------

        private void AnswerControl(byte control)
        {
            _tx[0] = control;
            Answer(1);
        }

        // §6.3.10 error message: STX (text) ETX BCC.
        private void AnswerError(string text)
        {
            int p = 0;
            _tx[p++] = ControlCharacter.Stx;
            _tx[p++] = (byte)'(';
            for (int i = 0; i < text.Length; i++) _tx[p++] = (byte)text[i];
            _tx[p++] = (byte)')';
            _tx[p++] = ControlCharacter.Etx;
            _tx[p] = Bcc.Compute(_tx, 1, p - 1);
            p++;
            Answer(p);
        }

        private void Answer(int length)
        {
            _repeats = 0;
            ScheduleBuffer(length, _lastReceivedMs + _settings.ReactionTimeMs, AfterAwaitCommand);
        }

        // ---- timing ------------------------------------------------------------------------

        private void ApplyTimeouts()
        {
            if (IsSending) return;
            long silence = _now - _lastReceivedMs;
            switch (_state)
            {
                case OpticalServerState.Idle:
                    if (_rxLength > 0 && silence > _settings.InterCharacterTimeoutMs) _rxLength = 0;
                    break;
                case OpticalServerState.AwaitingOptionSelect:
                    // A started option select broken off for longer than ta is an incorrect one;
                    // none at all within tt after the identification: either way the exchange
                    // continues with the readout at 300 Bd (see ReadoutAtInitialBaud).
                    if (_rxLength > 0 ? silence > _settings.InterCharacterTimeoutMs
                        : _now - _identificationSentMs >= _settings.OptionSelectTimeoutMs)
                    {
                        long due = _lastReceivedMs + _settings.ReactionTimeMs;
                        ReadoutAtInitialBaud(due > _now ? due : _now);
                    }
                    break;
                case OpticalServerState.Programming:
                    if ((_rxLength > 0 || _overflowing) && silence > _settings.InterCharacterTimeoutMs)
                    {
                        _rxLength = 0;
                        _expectBcc = false;
                        _overflowing = false;
                    }
                    if (_now - _lastActivityMs >= _settings.InactivityTimeoutMs)
                    {
                        RecordEvent(OpticalEventKind.SessionEnded, new ObisCode(), 2);
                        ReturnToIdle();
                    }
                    break;
                default:
                    break;
            }
        }

        private void ScheduleBuffer(int length, long atMs, int after)
        {
            _txLength = length;
            _txSent = 0;
            _pendingAction = ActionSendBuffer;
            _pendingAtMs = atMs;
            _afterSend = after;
        }

        // IEC 62056-21:2002 §6.3.14, protocol control character V (item 10 of 6.3.3): "the
        // communication will proceed at 300 Bd (initial baud rate) if the Z character is 0, or an
        // incorrect or unsupported acknowledgement/option select message is received, or none is
        // received". Proceeding means the data message, as in mode A: nothing is switched and no
        // programming is entered. The link is still at 300 Bd (no switch before a valid option select).
        private void ReadoutAtInitialBaud(long atMs)
        {
            _rxLength = 0;
            _selectedBaud = BaudRateCharacter.InitialBaud;
            StartReadoutAt(atMs);
        }

        private void StartReadoutAt(long atMs)
        {
            _state = OpticalServerState.Readout;
            _pendingAction = ActionStartReadout;
            _pendingAtMs = atMs;
            _afterSend = AfterReturnToIdle;
        }

        private void Transmit()
        {
            if (_pendingAction != ActionNone)
            {
                if (_now < _pendingAtMs) return;
                if (_now - _pendingAtMs > MaximumLatenessMs)
                {
                    // Polled far too late (tr max 1500 ms, §6.3.2 / §5.3): the master has given
                    // up waiting; an answer now would only collide with its next attempt.
                    if (_state == OpticalServerState.Programming) RecordEvent(OpticalEventKind.SessionEnded, new ObisCode(), 2);
                    ReturnToIdle();
                    return;
                }
                if (_pendingAction == ActionStartReadout)
                {
                    _readout.Start();
                    _streamingReadout = true;
                    _txLength = 0;
                    _txSent = 0;
                }
                _pendingAction = ActionNone;
                _awaitingDrain = true;
            }
            if (!_awaitingDrain) return;
            while (true)
            {
                int free = TransmitHighWater - _link.BytesToWrite;
                if (free <= 0) return;
                if (_txSent < _txLength)
                {
                    int n = _txLength - _txSent;
                    if (n > free) n = free;
                    _link.Write(_tx, _txSent, n);
                    _echo.Sent(n, _now);
                    _txSent += n;
                    continue;
                }
                if (_streamingReadout)
                {
                    int n = _readout.Fill(_tx, 0, _tx.Length);
                    if (n > 0)
                    {
                        _txLength = n;
                        _txSent = 0;
                        continue;
                    }
                    _streamingReadout = false;
                }
                break;
            }
            if (_echo.IsLineBusy(_now)) return; // wait for the last stop bit before switching (computed on a device link)
            _awaitingDrain = false;
            _lastActivityMs = _now;
            AfterSent();
        }

        private void AfterSent()
        {
            int after = _afterSend;
            _afterSend = AfterNothing;
            switch (after)
            {
                case AfterIdentification:
                    _identificationSentMs = _now;
                    if (_settings.Mode == OpticalProtocolMode.A)
                    {
                        // §6.4.1 mode A: the data message follows the identification at 300 Bd.
                        StartReadoutAt(_now);
                        Transmit();
                    }
                    else if (_settings.Mode == OpticalProtocolMode.B)
                    {
                        // §6.4.2 mode B: switch to the announced rate after the identification,
                        // then send the data message once the master has switched too.
                        _selectedBaud = _settings.MaximumBaud;
                        _link.BaudRate = _selectedBaud;
                        StartReadoutAt(_now + _settings.BaudSwitchDelayMs);
                    }
                    else
                    {
                        _state = OpticalServerState.AwaitingOptionSelect;
                        _rxLength = 0;
                    }
                    break;
                case AfterReturnToIdle:
                    ReturnToIdle();
                    break;
                case AfterAwaitCommand:
                    _rxLength = 0;
                    _expectBcc = false;
                    _overflowing = false;
                    break;
                default:
                    break;
            }
        }

        /// <summary>Back to the initial state: 300 Bd, nothing pending, no session rights (§6.4).</summary>
        /// <summary>
        /// The master is gone without a break: a port that senses the head's removal, or the virtual meter's
        /// TCP stand-in when its client disconnects. Whatever the exchange, the server returns to idle at
        /// 300 Bd now, as after a break (§6.3.7), also while it is sending an answer or the 300 Bd readout
        /// that follows an identification left unanswered (the light would go nowhere, and the next master
        /// would wait for it). Password failure counters and locks are kept.
        /// </summary>
        public void EndSession()
        {
            if (_state == OpticalServerState.Idle && !IsSending) return;
            if (_state == OpticalServerState.ModeE) _modeE.Abort();
            if (_state == OpticalServerState.Programming) RecordEvent(OpticalEventKind.SessionEnded, new ObisCode(), 1);
            ReturnToIdle();
        }

        private void ReturnToIdle()
        {
            _state = OpticalServerState.Idle;
            _pendingAction = ActionNone;
            _awaitingDrain = false;
            _streamingReadout = false;
            _afterSend = AfterNothing;
            _txLength = 0;
            _txSent = 0;
            _rxLength = 0;
            _expectBcc = false;
            _overflowing = false;
            _grantedLevel = 0;
            _selectedBaud = BaudRateCharacter.InitialBaud;
            if (!_echo.IsLineBusy(_now) && _link.BaudRate != BaudRateCharacter.InitialBaud)
                _link.BaudRate = BaudRateCharacter.InitialBaud;
            _link.DiscardInBuffer();
        }

        private void RecordEvent(OpticalEventKind kind, ObisCode code, int detail)
        {
            if (_events != null) _events.Record(kind, _now, code, detail);
        }

        // §6.3.2 identification message "/ XXX Z ident CR LF".
        private static byte[] BuildIdentification(OpticalPortSettings settings)
        {
            string id = settings.ManufacturerId, ident = settings.Identification;
            var message = new byte[1 + 3 + 1 + (settings.OffersModeE ? 2 : 0) + ident.Length + 2];
            int p = 0;
            message[p++] = ControlCharacter.Slash;
            for (int i = 0; i < 3; i++) message[p++] = (byte)id[i];
            switch (settings.Mode)
            {
                case OpticalProtocolMode.B: message[p++] = BaudRateCharacter.ModeB(settings.MaximumBaud); break;
                case OpticalProtocolMode.C: message[p++] = BaudRateCharacter.ModeC(settings.MaximumBaud); break;
                default: message[p++] = BaudRateCharacter.ModeA; break;
            }
            if (settings.OffersModeE)
            {
                // §6.3.2 items 23/24 enhanced identification "\W", W = '2': binary mode (HDLC) available.
                message[p++] = (byte)'\\';
                message[p++] = (byte)'2';
            }
            for (int i = 0; i < ident.Length; i++) message[p++] = (byte)ident[i];
            message[p++] = ControlCharacter.Cr;
            message[p] = ControlCharacter.Lf;
            return message;
        }
    }
}
