using Meter.OpticalClient.Transport;

namespace Meter.OpticalClient.Protocol;

/// <summary>
/// The master side of IEC 62056-21:2002 (modes A, B, C): sign-on, readout and the
/// programming commands P1, R1, W1, B0, with the standard's timing and bounded repeats.
/// </summary>
public sealed class Iec62056Client
{
    private readonly IOpticalTransport _transport;
    private readonly ClientTimings _timings;
    private readonly MessageReader _reader;
    private int _reactionTimeMs;

    /// <summary>Creates a client over <paramref name="transport"/>.</summary>
    public Iec62056Client(IOpticalTransport transport, ClientTimings? timings = null)
    {
        _transport = transport;
        _timings = timings ?? new ClientTimings();
        _timings.Validate();
        _reader = new MessageReader(transport, _timings);
        _reactionTimeMs = _timings.ReactionTimeMs ?? 200;
    }

    /// <summary>Progress of long reads: bytes received so far in the current message.</summary>
    public Action<long>? BytesReceived
    {
        get => _reader.BytesReceived;
        set => _reader.BytesReceived = value;
    }

    /// <summary>Identification of the last sign-on.</summary>
    public Identification? Identification { get; private set; }

    /// <summary>
    /// The protocol mode to use (MeterTool --mode); null = the mode the meter's identification
    /// declares. A: no option select and no switch, the data message at 300 Bd (§6.4.1; a mode C
    /// meter sends it when no option select came within tt, §6.3.14 V); B: follow the meter's
    /// switch to the announced rate without acknowledgement (§6.4.2, a mode B meter only);
    /// C: acknowledgement / option select, then both switch (§6.4.3, a mode C meter only).
    /// </summary>
    public ProtocolMode? Mode { get; set; }

    /// <summary>
    /// The longest a mode C meter waits for an option select before it sends the readout at
    /// 300 Bd: tt ≤ 2200 ms (IEC 62056-21 §6.3.14 V; 1500 ms &lt; tt ≤ 2200 ms). A mode A read
    /// of such a meter waits this long on top of the response timeout.
    /// </summary>
    public const int OptionSelectTimeoutMaxMs = 2200;

    /// <summary>The rate the data phase runs at after the last sign-on.</summary>
    public int SessionBaud { get; private set; } = BaudRates.Initial;

    /// <summary>
    /// Sends "/?address!" at 300 Bd and reads the identification (§6.3.1, §6.3.2). An echo of
    /// the request (some heads echo) is skipped.
    /// </summary>
    public Identification SignOn(string address)
    {
        byte[] request = Frames.Request(address);
        _transport.SetBaudRate(BaudRates.Initial);
        _transport.DiscardInput();
        _transport.Write(request);
        byte[] line;
        try
        {
            line = _reader.ReadLine("identification");
        }
        catch (MeterProtocolException e) when (e.Kind == ProtocolErrorKind.Timeout && _reader.NothingReceived && _transport.BusyHint is string hint)
        {
            // A meter ignores a sign-on with another device address (IEC 62056-21 §6.3.1): say that first when one was given.
            string notThisAddress = address.Length == 0 ? ""
                : $"no identification: no meter with device address '{address}' answered (a meter is silent to another address); or ";
            throw new MeterProtocolException(ProtocolErrorKind.PortBusy, "identification",
                $"{notThisAddress}port busy: {_transport.Description} is connected but not a character came within {_timings.ResponseTimeoutMs} ms: {hint}");
        }
        if (line.AsSpan().SequenceEqual(request)) line = _reader.ReadLine("identification");
        var id = Protocol.Identification.Parse(line);
        Identification = id;
        // Answer no sooner than the meter allows: 200 ms, or 20 ms with a lower-case third ID letter.
        _reactionTimeMs = Math.Max(_timings.ReactionTimeMs ?? id.MinimumReactionTimeMs, id.MinimumReactionTimeMs);
        return id;
    }

    /// <summary>
    /// Data readout (§6.4.2 mode A, §6.4.3 mode B, §6.4.4 mode C with Y = '0'): signs on,
    /// negotiates the rate (≤ <paramref name="maximumBaud"/>), reads "STX data ! CR LF ETX BCC"
    /// and checks the BCC.
    /// </summary>
    public Readout Readout(string address, int maximumBaud)
    {
        var id = SignOn(address);
        ProtocolMode mode = ModeFor(id);
        EnterDataPhase(id, mode, maximumBaud, programming: false);
        ReceivedMessage message;
        try
        {
            // Mode A of a mode C meter: its readout comes once tt has passed without an option select.
            message = _reader.ReadMessage("readout", mode == ProtocolMode.A && id.Mode == ProtocolMode.C ? OptionSelectTimeoutMaxMs : 0);
        }
        finally
        {
            // After ETX BCC the meter is back in idle at the initial rate.
            _transport.SetBaudRate(BaudRates.Initial);
        }
        if (message.Kind != ReceivedKind.Data || message.IsPartial)
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, "readout",
                $"readout: expected STX … ETX BCC but received {message}");
        if (!message.BccValid)
            throw BccError("readout", message);
        string data = message.Data;
        if (!data.EndsWith("!\r\n", StringComparison.Ordinal))
            throw new MeterProtocolException(ProtocolErrorKind.MalformedFrame, "readout",
                "readout: data block does not end with \"!\" CR LF (IEC 62056-21 §6.3.4)");
        return new Readout(id, SessionBaud, DataBlockParser.Parse(data), message.Raw);
    }

    /// <summary>
    /// Opens programming mode (§6.4.4, Y = '1'): sign-on, option select, the meter's
    /// "SOH P0 STX (operand) ETX" password request, then "P1 (password)" which must be ACKed.
    /// Returns the P0 operand.
    /// </summary>
    /// <exception cref="MeterProtocolException">Kind <see cref="ProtocolErrorKind.PasswordRefused"/> when the password is refused.</exception>
    public string OpenProgramming(string address, int maximumBaud, string password)
    {
        if (Mode is ProtocolMode requested && requested != ProtocolMode.C)
            throw new ArgumentException($"--mode {requested}: programming needs mode C (IEC 62056-21 §6.4.3); modes A and B only read the readout");
        var id = SignOn(address);
        if (id.Mode != ProtocolMode.C)
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, "identification",
                $"the meter identifies as mode {id.Mode} (baud character '{id.BaudCharacter}'); programming needs mode C");
        EnterDataPhase(id, ProtocolMode.C, maximumBaud, programming: true);
        var p0 = ReadChecked("password request P0");
        if (p0.Kind != ReceivedKind.Command || p0.Command != "P0")
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, "password request P0",
                $"expected the password request SOH P0 STX (operand) ETX, received {p0}");
        string operand = p0.Data.Trim('(', ')');

        ReceivedMessage answer;
        try
        {
            answer = Exchange("P1", "(" + password + ")", "password P1");
        }
        catch (MeterProtocolException e) when (e.Kind == ProtocolErrorKind.Nak)
        {
            throw new MeterProtocolException(ProtocolErrorKind.PasswordRefused, "password P1",
                $"password refused: the meter answered NAK to P1 {_timings.MaximumRepeats + 1} times");
        }
        if (answer.Kind == ReceivedKind.Ack) return operand;
        var error = ErrorText(answer);
        if (error != null)
            throw new MeterProtocolException(ProtocolErrorKind.PasswordRefused, "password P1",
                $"password refused: the meter answered ({error}) {MeterErrorCodes.Describe(error)}", error);
        throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, "password P1",
            $"password P1: expected ACK, received {answer}");
    }

    /// <summary>
    /// R1 read (§6.3.6): "SOH R1 STX address(parameter) ETX BCC" → the data message's data
    /// sets. Partial blocks (EOT) are acknowledged and joined.
    /// </summary>
    public IReadOnlyList<DataSet> Read(string address, string parameter = "")
    {
        string state = "R1 " + address;
        var answer = Exchange("R1", address + "(" + parameter + ")", state);
        var data = new System.Text.StringBuilder();
        while (true)
        {
            string? error = ErrorText(answer);
            if (error != null)
                throw new MeterProtocolException(ProtocolErrorKind.MeterError, state,
                    $"{state}: the meter answered ({error}) {MeterErrorCodes.Describe(error)}", error);
            if (answer.Kind != ReceivedKind.Data)
                throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, state, $"{state}: expected a data message, received {answer}");
            data.Append(answer.Data);
            if (!answer.IsPartial) break;
            // Partial block: ACK asks for the next one (§6.3.6, R3-style blocks).
            _timings.Sleep(_reactionTimeMs);
            _transport.Write(Frames.Ack());
            answer = ReadChecked(state);
        }
        return DataBlockParser.Parse(data.ToString());
    }

    /// <summary>W1 write (§6.3.6): "SOH W1 STX address(value) ETX BCC" → ACK, else an error naming the meter's answer.</summary>
    public void Write(string address, string value)
    {
        string state = "W1 " + address;
        var answer = Exchange("W1", address + "(" + value + ")", state);
        if (answer.Kind == ReceivedKind.Ack) return;
        string? error = ErrorText(answer);
        if (error != null)
            throw new MeterProtocolException(ProtocolErrorKind.MeterError, state,
                $"{state}({value}): the meter answered ({error}) {MeterErrorCodes.Describe(error)}", error);
        throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, state, $"{state}: expected ACK, received {answer}");
    }

    /// <summary>B0 break (§6.3.6): "SOH B0 ETX BCC"; the meter returns to idle at 300 Bd without answering.</summary>
    public void Break()
    {
        _timings.Sleep(_reactionTimeMs);
        _transport.Write(Frames.Break());
        _transport.SetBaudRate(BaudRates.Initial);
    }

    // The mode of this exchange: the requested one if the meter can do it, else the meter's own.
    private ProtocolMode ModeFor(Identification id)
    {
        if (Mode is not ProtocolMode requested) return id.Mode;
        string meter = $"the meter identifies as mode {id.Mode} (baud character '{id.BaudCharacter}')";
        if (requested == ProtocolMode.A && id.Mode == ProtocolMode.B)
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, "identification",
                $"{meter}: it switches to {id.MaximumBaud} Bd after its identification, so it cannot be read in mode A at 300 Bd (IEC 62056-21 §6.4.2)");
        if (requested != ProtocolMode.A && requested != id.Mode)
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, "identification",
                $"{meter}: mode {requested} needs a meter that offers it (baud character {(requested == ProtocolMode.B ? "A..F, IEC 62056-21 §6.4.2" : "0..6, IEC 62056-21 §6.4.3")}); use --mode A or {id.Mode}");
        return requested;
    }

    private void EnterDataPhase(Identification id, ProtocolMode mode, int maximumBaud, bool programming)
    {
        switch (mode)
        {
            case ProtocolMode.A:
                SessionBaud = BaudRates.Initial;
                break;
            case ProtocolMode.B:
                // Mode B: the meter switches right after its identification; the master follows (§6.4.3).
                SessionBaud = id.MaximumBaud;
                _transport.SetBaudRate(SessionBaud);
                break;
            default:
                SessionBaud = BaudRates.Choose(id.MaximumBaud, maximumBaud);
                _timings.Sleep(_reactionTimeMs);
                byte[] ack = Frames.OptionSelect(SessionBaud, programming);
                _transport.Write(ack);
                // The option select goes out at 300 Bd; switch only after its last character left
                // (§6.4.4). Write returns once the characters are out, so only the rest of the
                // switch delay (counted from the ACK's start) remains.
                int transmitMs = TransmissionTimeMs(ack.Length, BaudRates.Initial);
                int remaining = _timings.BaudSwitchDelayMs - transmitMs;
                if (remaining > 0) _timings.Sleep(remaining);
                _transport.SetBaudRate(SessionBaud);
                break;
        }
    }

    /// <summary>Time to send <paramref name="characters"/> at <paramref name="baud"/>: 10 bits a character (start, 7 data, parity, stop).</summary>
    public static int TransmissionTimeMs(int characters, int baud) => (characters * 10 * 1000 + baud - 1) / baud;

    /// <summary>Sends a command; repeats it on NAK (bounded) and returns the checked answer.</summary>
    private ReceivedMessage Exchange(string command, string data, string state)
    {
        byte[] frame = Frames.Command(command, data);
        for (int attempt = 0; ; attempt++)
        {
            _timings.Sleep(_reactionTimeMs);
            _transport.Write(frame);
            var answer = ReadChecked(state);
            if (answer.Kind != ReceivedKind.Nak) return answer;
            if (attempt >= _timings.MaximumRepeats)
                throw new MeterProtocolException(ProtocolErrorKind.Nak, state,
                    $"{state}: the meter answered NAK {attempt + 1} times (repeat limit {_timings.MaximumRepeats})");
        }
    }

    /// <summary>Reads an answer; a framed answer with a bad BCC is NAKed and read again (bounded).</summary>
    private ReceivedMessage ReadChecked(string state)
    {
        for (int attempt = 0; ; attempt++)
        {
            var answer = _reader.ReadMessage(state);
            if (answer.BccValid) return answer;
            if (attempt >= _timings.MaximumRepeats) throw BccError(state, answer);
            _timings.Sleep(_reactionTimeMs);
            _transport.Write(Frames.Nak());
        }
    }

    private static MeterProtocolException BccError(string state, ReceivedMessage message)
    {
        byte computed = Bcc.OfMessage(message.Raw.AsSpan(0, message.Raw.Length - 1));
        return new MeterProtocolException(ProtocolErrorKind.BccMismatch, state,
            $"{state}: BCC mismatch, received 0x{message.Raw[^1]:X2}, computed 0x{computed:X2} over {message.Raw.Length - 2} bytes");
    }

    private static string? ErrorText(ReceivedMessage message)
    {
        if (message.Kind != ReceivedKind.Data) return null;
        IReadOnlyList<DataSet> sets;
        try
        {
            sets = message.DataSets;
        }
        catch (MeterProtocolException)
        {
            return null;
        }
        return sets.Count == 1 && sets[0].IsErrorMessage ? sets[0].Value : null;
    }
}
