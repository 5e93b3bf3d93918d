namespace Meter.Dlms
{
    /// <summary>
    /// Server (secondary station) side of the DLMS/COSEM HDLC data link (IEC 62056-46 / Green Book 8.4; the
    /// procedures of ISO/IEC 13239 normal response mode, window 1). Bytes come in one at a time with the time they
    /// arrived (ms, injected: no clocks or threads inside); frames go out through an <see cref="IFrameSink"/>;
    /// complete APDUs go to an <see cref="IApduHandler"/>. All buffers are allocated at construction.
    /// <list type="bullet">
    /// <item>NDM: SNRM → UA with the negotiated parameters, sequence numbers reset, NRM; DISC → DM; other commands
    /// with the poll bit → DM.</item>
    /// <item>NRM: I frames with N(S) = V(R) are taken; a segmented one (S bit) is acknowledged by RR and joined to the
    /// next; the last one's APDU (after the LLC header E6 E6 00) goes to the handler, whose answer (E6 E7 00 in front)
    /// is sent in I frames of at most the negotiated length, the next segment when the client's RR acknowledges the
    /// previous one. A frame repeated by the client (its N(R) shows it missed our answer) gets our last I frame again;
    /// another N(S) is discarded and answered by RR with V(R). DISC → UA, NDM.</item>
    /// <item>An unknown or unexpected control field, an information field where none is allowed, an invalid N(R) or an
    /// APDU longer than the buffer → FRMR, and FRMR again to anything but SNRM/DISC.</item>
    /// <item>Time-outs: a gap longer than the inter-octet time-out drops a partial frame; no valid frame for the
    /// inactivity time-out returns to NDM without a frame (Blue Book IC 23).</item>
    /// </list>
    /// </summary>
    public sealed class HdlcServerLink
    {
        // FRMR information field (ISO/IEC 13239, basic format): rejected control field, V(S)/V(R), then the W X Y Z bits.
        private const byte FrmrInvalidControl = 0x01;     // W
        private const byte FrmrInformationNotAllowed = 0x02; // X
        private const byte FrmrInformationTooLong = 0x04; // Y
        private const byte FrmrInvalidReceiveSequence = 0x08; // Z

        private readonly HdlcServerSettings _settings;
        private readonly IApduHandler _handler;
        private readonly IFrameSink _sink;
        private readonly HdlcFrameDecoder _decoder;
        private readonly HdlcLinkParameters _proposal = new HdlcLinkParameters();
        private readonly HdlcLinkParameters _negotiated = new HdlcLinkParameters();
        private readonly byte[] _received;  // APDU being reassembled (LLC header included)
        private readonly byte[] _answer;    // LLC header + the handler's answer
        private readonly byte[] _frame;     // one outgoing frame
        private readonly byte[] _small = new byte[HdlcParameterNegotiation.ShortAnswerLength + 2]; // UA / FRMR information

        private int _receivedLength;
        private int _answerLength, _answerSent;
        private int _lastSegmentOffset, _lastSegmentLength;
        private bool _lastSegmentMore;
        private bool _awaitingAcknowledge;
        private int _sendSequence, _receiveSequence; // V(S), V(R)
        private int _client;
        private int _serverUpper, _serverLower, _serverSize; // the address the client used
        private long _lastByteMs, _lastFrameMs;
        private byte _frmrControl, _frmrReason;

        /// <summary>A link in NDM.</summary>
        public HdlcServerLink(HdlcServerSettings settings, IApduHandler handler, IFrameSink sink)
        {
            if (settings.Limits.WindowReceive != 1 || settings.Limits.WindowTransmit != 1)
                throw new System.ArgumentException("HDLC server link: only window size 1 is supported", nameof(settings));
            if (settings.MaxApduLength < 1)
                throw new System.ArgumentOutOfRangeException(nameof(settings), "MaxApduLength must be positive");
            if (settings.LogicalDevice < 0 || settings.LogicalDevice > 0x3FFF || settings.PhysicalAddress < 0 || settings.PhysicalAddress > 0x3FFF)
                throw new System.ArgumentOutOfRangeException(nameof(settings), "HDLC server addresses are 0..0x3FFF (14 bits)");
            if (!FitsFrame(settings.Limits.MaxInformationTransmit) || !FitsFrame(settings.Limits.MaxInformationReceive))
                throw new System.ArgumentOutOfRangeException(nameof(settings), "maximum information length 1..2030");
            if (settings.InactivityTimeoutMs < 0 || settings.InterOctetTimeoutMs < 0)
                throw new System.ArgumentOutOfRangeException(nameof(settings), "time-outs cannot be negative");
            _settings = settings;
            _handler = handler;
            _sink = sink;
            _decoder = new HdlcFrameDecoder(settings.Limits.MaxInformationReceive);
            _received = new byte[settings.MaxApduLength + LlcHeader.Length];
            _answer = new byte[settings.MaxApduLength + LlcHeader.Length];
            int largestInformation = settings.Limits.MaxInformationTransmit > _small.Length ? settings.Limits.MaxInformationTransmit : _small.Length;
            _frame = new byte[largestInformation + HdlcFrameWriter.MaxOverhead];
        }

        // An information field of up to 2030 bytes fits the 11-bit frame length with 4-byte addresses both ways.
        private static bool FitsFrame(int informationLength) => informationLength >= 1 && informationLength <= 2030;

        /// <summary>NDM, NRM or frame reject.</summary>
        public HdlcLinkState State { get; private set; }

        /// <summary>The values negotiated by the last SNRM (server's view).</summary>
        public HdlcLinkParameters Negotiated => _negotiated;

        /// <summary>Why the last invalid frame was dropped.</summary>
        public HdlcRejectReason LastRejection { get; private set; }

        /// <summary>Invalid frames dropped so far (bad checks, lengths, time-outs).</summary>
        public int RejectedFrames { get; private set; }

        /// <summary>Why the last SNRM's parameters were refused.</summary>
        public HdlcParameterError LastParameterError { get; private set; }

        /// <summary>Feeds received bytes that arrived at <paramref name="nowMs"/>.</summary>
        public void Receive(byte[] buffer, int offset, int count, long nowMs)
        {
            for (int i = 0; i < count; i++) Receive(buffer[offset + i], nowMs);
        }

        /// <summary>Feeds one received byte that arrived at <paramref name="nowMs"/>.</summary>
        public void Receive(byte value, long nowMs)
        {
            Tick(nowMs);
            _lastByteMs = nowMs;
            HdlcDecodeStatus status = _decoder.Push(value);
            if (status == HdlcDecodeStatus.FrameReady) OnFrame(_decoder.Frame, nowMs);
            else if (status == HdlcDecodeStatus.Rejected) CountRejection(_decoder.LastRejection);
        }

        /// <summary>Applies the time-outs at <paramref name="nowMs"/>; call it when no bytes come, too.</summary>
        public void Tick(long nowMs)
        {
            if (_decoder.InFrame && nowMs - _lastByteMs > _settings.InterOctetTimeoutMs)
            {
                _decoder.Reset();
                CountRejection(HdlcRejectReason.InterCharacterTimeout);
            }
            if (State != HdlcLinkState.Disconnected && _settings.InactivityTimeoutMs > 0
                && nowMs - _lastFrameMs > _settings.InactivityTimeoutMs)
                Disconnect();
        }

        /// <summary>
        /// The line under the link is gone or handed back (the optical port leaving mode E on a break): NDM at once,
        /// without a frame; a partial frame is dropped and an association over the link ends (<see cref="IApduHandler.LinkClosed"/>).
        /// </summary>
        public void Release()
        {
            _decoder.Reset();
            Disconnect();
        }

        private void CountRejection(HdlcRejectReason reason)
        {
            LastRejection = reason;
            RejectedFrames++;
        }

        private void OnFrame(HdlcFrame frame, long nowMs)
        {
            // Frames for other stations on a multi-drop line are not ours; client addresses are one byte.
            if (frame.DestinationUpper != _settings.LogicalDevice) return;
            if (frame.DestinationSize > 1 && frame.DestinationLower != _settings.PhysicalAddress) return;
            if (frame.SourceSize != 1) return;
            _lastFrameMs = nowMs;
            byte control = frame.Control;
            byte kind = HdlcControl.Kind(control);
            bool poll = HdlcControl.IsPollFinal(control);

            if (State != HdlcLinkState.Disconnected && frame.SourceUpper != _client)
            {
                // Another client while the link is taken: it is told the server is disconnected for it.
                if (poll) SendUnnumberedTo(frame, HdlcControl.DM);
                return;
            }
            if (kind == HdlcControl.SNRM) { Connect(frame); return; }
            if (kind == HdlcControl.DISC)
            {
                if (State == HdlcLinkState.Disconnected) SendUnnumberedTo(frame, HdlcControl.DM);
                else
                {
                    SendUnnumbered(HdlcControl.UA, null, 0);
                    Disconnect();
                }
                return;
            }
            if (kind == HdlcControl.UI) return; // no connectionless service above this link
            if (State == HdlcLinkState.Disconnected)
            {
                if (poll) SendUnnumberedTo(frame, HdlcControl.DM);
                return;
            }
            if (State == HdlcLinkState.FrameRejected)
            {
                if (poll) SendFrameReject();
                return;
            }
            if (kind == 0x00) OnInformation(frame);
            else if (kind == HdlcControl.RR || kind == HdlcControl.RNR)
            {
                if (frame.InformationLength > 0) Reject(control, FrmrInformationNotAllowed);
                else OnReceiveReady(control, kind == HdlcControl.RR);
            }
            else Reject(control, FrmrInvalidControl); // UA, DM, FRMR, REJ, SREJ and unknown codes are not client commands
        }

        private void Connect(HdlcFrame frame)
        {
            LastParameterError = HdlcParameterNegotiation.ParseProposal(frame.Buffer, frame.InformationOffset, frame.InformationLength, _proposal);
            bool wasConnected = State != HdlcLinkState.Disconnected;
            if (LastParameterError != HdlcParameterError.None)
            {
                SendUnnumberedTo(frame, HdlcControl.DM); // refused: the client may retry with other values
                if (wasConnected) Disconnect();
                return;
            }
            if (wasConnected) _handler.LinkClosed(); // a SNRM in NRM resets the link (and its association)
            HdlcParameterNegotiation.Negotiate(_proposal, _settings.Limits, _negotiated);
            _decoder.MaxInformationLength = _negotiated.MaxInformationReceive;
            _client = frame.SourceUpper;
            _serverUpper = frame.DestinationUpper;
            _serverLower = frame.DestinationLower;
            _serverSize = frame.DestinationSize;
            ResetSequence();
            State = HdlcLinkState.Connected;
            int length = HdlcParameterNegotiation.WriteAnswer(_small, 0, _negotiated);
            SendUnnumbered(HdlcControl.UA, _small, length);
        }

        private void ResetSequence()
        {
            _sendSequence = 0;
            _receiveSequence = 0;
            _receivedLength = 0;
            _answerLength = 0;
            _answerSent = 0;
            _awaitingAcknowledge = false;
        }

        private void Disconnect()
        {
            bool wasConnected = State != HdlcLinkState.Disconnected;
            State = HdlcLinkState.Disconnected;
            ResetSequence();
            _decoder.MaxInformationLength = _settings.Limits.MaxInformationReceive;
            if (wasConnected) _handler.LinkClosed();
        }

        private void OnInformation(HdlcFrame frame)
        {
            byte control = frame.Control;
            int sendSequence = HdlcControl.SendSequence(control);
            int receiveSequence = HdlcControl.ReceiveSequence(control);
            int previous = (_receiveSequence + 7) & 0x07;
            // The client repeats its last frame because our I frame did not reach it: send that frame again.
            if (sendSequence == previous && _awaitingAcknowledge && receiveSequence == ((_sendSequence + 7) & 0x07))
            {
                SendLastSegment();
                return;
            }
            if (receiveSequence != _sendSequence) { Reject(control, FrmrInvalidReceiveSequence); return; }
            if (sendSequence != _receiveSequence)
            {
                // Out of sequence: discarded; RR tells the client which N(S) is expected.
                if (HdlcControl.IsPollFinal(control)) SendReceiveReady();
                return;
            }
            _awaitingAcknowledge = false;
            _answerLength = 0; // a new request ends an answer the client stopped fetching
            _answerSent = 0;
            if (_receivedLength + frame.InformationLength > _received.Length)
            {
                _receivedLength = 0;
                Reject(control, FrmrInformationTooLong);
                return;
            }
            System.Array.Copy(frame.Buffer, frame.InformationOffset, _received, _receivedLength, frame.InformationLength);
            _receivedLength += frame.InformationLength;
            _receiveSequence = (_receiveSequence + 1) & 0x07;
            if (frame.Segmented)
            {
                SendReceiveReady(); // more segments follow: acknowledge this one
                return;
            }
            int apduLength = _receivedLength;
            _receivedLength = 0;
            if (!LlcHeader.IsCommand(_received, 0, apduLength))
            {
                SendReceiveReady(); // not a DLMS APDU: nothing to hand on
                return;
            }
            int answer = _handler.HandleApdu(_client, _received, LlcHeader.Length, apduLength - LlcHeader.Length,
                _answer, LlcHeader.Length, _answer.Length - LlcHeader.Length);
            if (answer <= 0)
            {
                SendReceiveReady();
                return;
            }
            if (answer > _answer.Length - LlcHeader.Length)
                throw new System.InvalidOperationException("APDU handler answered more than the buffer it was given");
            LlcHeader.WriteResponse(_answer, 0);
            _answerLength = LlcHeader.Length + answer;
            _answerSent = 0;
            SendNextSegment();
        }

        private void OnReceiveReady(byte control, bool ready)
        {
            int receiveSequence = HdlcControl.ReceiveSequence(control);
            if (_awaitingAcknowledge && receiveSequence == ((_sendSequence + 7) & 0x07))
            {
                if (ready) SendLastSegment(); // the client missed our last I frame
                else SendReceiveReady();
                return;
            }
            if (receiveSequence != _sendSequence) { Reject(control, FrmrInvalidReceiveSequence); return; }
            _awaitingAcknowledge = false;
            // RR acknowledging a segment pulls the next one (Green Book 8.4: segmented transfer server → client).
            if (ready && _answerSent < _answerLength) SendNextSegment();
            else SendReceiveReady();
        }

        private void SendNextSegment()
        {
            int rest = _answerLength - _answerSent;
            int max = _negotiated.MaxInformationTransmit;
            _lastSegmentOffset = _answerSent;
            _lastSegmentLength = rest > max ? max : rest;
            _lastSegmentMore = rest > max;
            _answerSent += _lastSegmentLength;
            _sendSequence = (_sendSequence + 1) & 0x07;
            _awaitingAcknowledge = true;
            SendLastSegment();
        }

        private void SendLastSegment()
        {
            int sequence = (_sendSequence + 7) & 0x07;
            byte control = HdlcControl.Information(sequence, _receiveSequence, true);
            Send(control, _lastSegmentMore, _answer, _lastSegmentOffset, _lastSegmentLength);
        }

        private void SendReceiveReady()
            => Send(HdlcControl.Supervisory(HdlcControl.RR, _receiveSequence, true), false, null, 0, 0);

        private void Reject(byte control, byte reason)
        {
            _frmrControl = control;
            _frmrReason = reason;
            _receivedLength = 0;
            State = HdlcLinkState.FrameRejected;
            SendFrameReject();
        }

        private void SendFrameReject()
        {
            _small[0] = _frmrControl;
            _small[1] = (byte)((_sendSequence << 1) | (_receiveSequence << 5)); // C/R bit 0: the rejected frame was a command
            _small[2] = _frmrReason;
            SendUnnumbered(HdlcControl.FRMR, _small, 3);
        }

        private void SendUnnumbered(byte kind, byte[] information, int length)
            => Send(HdlcControl.Unnumbered(kind, true), false, information, 0, length);

        private void Send(byte control, bool segmented, byte[] information, int offset, int length)
        {
            int count = HdlcFrameWriter.Write(_frame, 0, _client, -1, 1, _serverUpper, _serverLower, _serverSize,
                control, segmented, information, offset, length);
            _sink.Send(_frame, 0, count);
        }

        // Answers a station that is not (or not yet) the connected client, in the address form it used.
        private void SendUnnumberedTo(HdlcFrame frame, byte kind)
        {
            int count = HdlcFrameWriter.Write(_frame, 0, frame.SourceUpper, -1, 1,
                frame.DestinationUpper, frame.DestinationLower, frame.DestinationSize,
                HdlcControl.Unnumbered(kind, true), false, null, 0, 0);
            _sink.Send(_frame, 0, count);
        }
    }
}
