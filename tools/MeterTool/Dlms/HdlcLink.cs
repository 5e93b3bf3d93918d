namespace Meter.Tool.Dlms;

/// <summary>
/// The client (primary station) side of the DLMS HDLC data link (IEC 62056-46, Green Book 8.4; normal response mode,
/// window 1): SNRM → UA with parameter negotiation, I frames with N(S)/N(R) and the LLC header E6 E6 00, long APDUs
/// sent in segments (S bit, each acknowledged by RR), long answers fetched segment by segment with RR, DISC at the end.
/// </summary>
public sealed class HdlcLink : IApduLink
{
    private static readonly byte[] LlcCommand = [0xE6, 0xE6, 0x00], LlcResponse = [0xE6, 0xE7, 0x00];

    private readonly IDlmsByteStream _stream;
    private readonly byte[] _client, _server;
    private readonly int _timeoutMs;
    private int _sendSequence, _receiveSequence; // V(S), V(R)
    private bool _connected;

    /// <summary>A link in NDM from client SAP <paramref name="clientSap"/> to the server address (logical, physical or null for the 1-byte form).</summary>
    public HdlcLink(IDlmsByteStream stream, int clientSap, int logical, int? physical, int timeoutMs)
    {
        if (clientSap is < 1 or > 0x7F) throw new ArgumentException($"--client {clientSap}: an HDLC client address is 1..127");
        if (logical is < 1 or > 0x3FFF || physical is < 0x10 or > 0x3FFD)
            throw new ArgumentException("HDLC server address: logical device 1..16383, physical address 16..16381 (Green Book 8.4)");
        _stream = stream;
        _client = HdlcFrame.ClientAddress(clientSap);
        _server = HdlcFrame.ServerAddress(logical, physical);
        _timeoutMs = timeoutMs;
    }

    /// <summary>Largest information field we send (the server's receive limit from the UA; 128 by default).</summary>
    public int MaxTransmit { get; private set; } = 128;

    /// <summary>Largest information field the server sends (from the UA).</summary>
    public int MaxReceive { get; private set; } = 128;

    /// <inheritdoc />
    public Action<int>? BytesReceived { get; set; }

    /// <summary>SNRM with our proposal (transmit 128, receive <paramref name="maxReceive"/>, windows 1); the UA's values are taken.</summary>
    public void Connect(int maxReceive = 1024)
    {
        byte[] proposal = [0x81, 0x80, 0x14, 0x05, 0x02, 0x00, 0x80, 0x06, 0x02, (byte)(maxReceive >> 8), (byte)maxReceive,
            0x07, 0x04, 0, 0, 0, 1, 0x08, 0x04, 0, 0, 0, 1];
        Send(HdlcFrame.Snrm, false, proposal);
        HdlcFrame answer = Receive("SNRM");
        if (answer.Control == HdlcFrame.Dm) throw new DlmsException("HDLC: the meter answered SNRM with DM (it refused the link: wrong server address, or another client holds it)");
        if (answer.Control != HdlcFrame.Ua) throw new DlmsException($"HDLC: the meter answered SNRM with control 0x{answer.Control:X2}, not UA");
        ReadNegotiated(answer.Information);
        _sendSequence = _receiveSequence = 0;
        _connected = true;
    }

    // UA information: 81 80 length, then parameters id, length, value (05/06 max information length transmit/receive
    // from the server's view, 07/08 window sizes).
    private void ReadNegotiated(byte[] info)
    {
        if (info.Length == 0) return; // defaults: 128 each way
        if (info.Length < 3 || info[0] != 0x81 || info[1] != 0x80) throw new DlmsException("HDLC: the UA's parameter field does not start with 81 80");
        int at = 3;
        while (at + 1 < info.Length)
        {
            int id = info[at], length = info[at + 1];
            if (at + 2 + length > info.Length) throw new DlmsException("HDLC: the UA's parameter field is truncated");
            long value = 0;
            for (int i = 0; i < length; i++) value = (value << 8) | info[at + 2 + i];
            if (id == 0x05) MaxReceive = (int)value;
            else if (id == 0x06) MaxTransmit = (int)value;
            else if (id is 0x07 or 0x08 && value != 1) throw new DlmsException($"HDLC: the meter wants window size {value}; this client keeps 1");
            at += 2 + length;
        }
    }

    /// <inheritdoc />
    public byte[] Exchange(byte[] apdu)
    {
        if (!_connected) throw new InvalidOperationException("HDLC link not connected");
        byte[] information = [.. LlcCommand, .. apdu];
        for (int offset = 0; offset < information.Length; offset += MaxTransmit)
        {
            int length = Math.Min(MaxTransmit, information.Length - offset);
            bool more = offset + length < information.Length;
            Send(HdlcFrame.InformationControl(_sendSequence, _receiveSequence), more, information.AsSpan(offset, length).ToArray());
            _sendSequence = (_sendSequence + 1) & 7;
            if (!more) break;
            HdlcFrame ack = Receive("segment");
            if ((ack.Control & 0x0F) != 0x01 || (ack.Control >> 5) != _sendSequence)
                throw new DlmsException($"HDLC: segment not acknowledged by RR({_sendSequence}) but control 0x{ack.Control:X2}");
        }
        var answer = new List<byte>();
        while (true)
        {
            HdlcFrame frame = Receive("APDU");
            if ((frame.Control & 0x01) != 0)
                throw new DlmsException($"HDLC: expected an I frame with the answer, got control 0x{frame.Control:X2}{Describe(frame.Control)}");
            int ns = (frame.Control >> 1) & 7;
            if (ns != _receiveSequence) throw new DlmsException($"HDLC: I frame N(S) {ns}, expected {_receiveSequence}");
            _receiveSequence = (_receiveSequence + 1) & 7;
            answer.AddRange(frame.Information);
            BytesReceived?.Invoke(answer.Count);
            if (!frame.Segmented) break;
            Send(HdlcFrame.ReceiveReady(_receiveSequence), false, []); // Green Book 8.4: RR fetches the next segment
        }
        if (answer.Count < 3 || answer[0] != LlcResponse[0] || answer[1] != LlcResponse[1] || answer[2] != LlcResponse[2])
            throw new DlmsException("HDLC: the answer does not start with the LLC header E6 E7 00");
        return answer.Skip(3).ToArray();
    }

    private static string Describe(byte control) => control switch
    {
        HdlcFrame.Frmr => " (FRMR: the meter rejected our frame)",
        HdlcFrame.Dm => " (DM: the meter is disconnected)",
        _ when (control & 0x0F) == 0x01 => " (RR: the meter had no answer)",
        _ => "",
    };

    private void Send(byte control, bool segmented, byte[] information) =>
        _stream.Write(new HdlcFrame(_server, _client, control, segmented, information).Write());

    /// <summary>The next frame addressed to us (others on a shared line are skipped).</summary>
    private HdlcFrame Receive(string waitingFor)
    {
        while (true)
        {
            byte[] body = ReadFrameBody(waitingFor);
            HdlcFrame? frame = HdlcFrame.TryParse(body, out string? error);
            if (frame == null) throw new DlmsException($"HDLC: invalid frame from the meter while waiting for the {waitingFor} answer ({error})");
            if (frame.Destination.AsSpan().SequenceEqual(_client)) return frame;
        }
    }

    private byte[] ReadFrameBody(string waitingFor)
    {
        int b;
        do b = Next(waitingFor); while (b != HdlcFrame.Flag);
        do b = Next(waitingFor); while (b == HdlcFrame.Flag); // flags between frames
        int second = Next(waitingFor);
        int length = ((b & 0x07) << 8) | second;
        if (length < 7) throw new DlmsException($"HDLC: frame length {length} is too short");
        byte[] body = new byte[length];
        body[0] = (byte)b;
        body[1] = (byte)second;
        for (int i = 2; i < length; i++) body[i] = (byte)Next(waitingFor);
        if (Next(waitingFor) != HdlcFrame.Flag) throw new DlmsException("HDLC: a frame does not end with the flag 7E");
        return body;
    }

    private int Next(string waitingFor)
    {
        int b = _stream.ReadByte(_timeoutMs);
        if (b < 0) throw new DlmsException($"HDLC: no answer from {_stream.Description} to the {waitingFor} within {_timeoutMs} ms");
        return b;
    }

    /// <summary>DISC (the meter answers UA or DM), then the stream is closed.</summary>
    public void Dispose()
    {
        try
        {
            if (_connected)
            {
                Send(HdlcFrame.Disc, false, []);
                Receive("DISC");
            }
        }
        catch (Exception e) when (e is DlmsException or IOException)
        {
            // Closing anyway: the meter's inactivity time-out ends the link.
        }
        _connected = false;
        _stream.Dispose();
    }
}
