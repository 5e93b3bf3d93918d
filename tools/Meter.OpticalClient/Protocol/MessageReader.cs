using Meter.OpticalClient.Transport;

namespace Meter.OpticalClient.Protocol;

/// <summary>
/// Reads whole messages from a transport with the standard's timeouts: the first character
/// within the response timeout, every further one within ta (IEC 62056-21:2002 §5.3).
/// </summary>
public sealed class MessageReader
{
    private readonly IOpticalTransport _transport;
    private readonly ClientTimings _timings;

    /// <summary>Creates a reader over <paramref name="transport"/>.</summary>
    public MessageReader(IOpticalTransport transport, ClientTimings timings)
    {
        _transport = transport;
        _timings = timings;
    }

    /// <summary>Called with the running byte count while a message arrives (progress of long reads).</summary>
    public Action<long>? BytesReceived { get; set; }

    /// <summary>True when the last <see cref="ReadLine"/> timed out without a single character (not even noise).</summary>
    public bool NothingReceived { get; private set; }

    /// <summary>
    /// Reads a "/…CR LF" line (identification). Bytes before '/' are skipped (wake-up NULs,
    /// line noise), as the notes advise for both sides.
    /// </summary>
    public byte[] ReadLine(string state)
    {
        var bytes = new List<byte>();
        int b;
        NothingReceived = true;
        do
        {
            b = Next(state, bytes.Count == 0 ? _timings.ResponseTimeoutMs : _timings.InterCharacterTimeoutMs, bytes.Count == 0, "no identification");
            NothingReceived = false;
        } while (b != '/');
        bytes.Add((byte)b);
        while (true)
        {
            b = Next(state, _timings.InterCharacterTimeoutMs, false, "identification stopped after " + Printable.Of(bytes.ToArray()));
            bytes.Add((byte)b);
            if (b == ControlCharacters.Lf && bytes[^2] == ControlCharacters.Cr) return bytes.ToArray();
            if (bytes.Count > 64)
                throw new MeterProtocolException(ProtocolErrorKind.MalformedIdentification, state,
                    $"identification longer than 64 characters without CR LF: {Printable.Of(bytes.ToArray())}");
        }
    }

    /// <summary>Reads one answer: ACK, NAK, or a SOH/STX-framed message up to its BCC; the first character may take <paramref name="extraWaitMs"/> longer than the response timeout.</summary>
    public ReceivedMessage ReadMessage(string state, int extraWaitMs = 0)
    {
        int first;
        do
        {
            first = Next(state, _timings.ResponseTimeoutMs + extraWaitMs, true, "no answer");
        } while (first == 0); // NUL fill characters carry nothing
        if (first == ControlCharacters.Ack || first == ControlCharacters.Nak) return ReceivedMessage.Single((byte)first);
        if (first != ControlCharacters.Stx && first != ControlCharacters.Soh)
        {
            var junk = new List<byte> { (byte)first };
            int more;
            while (junk.Count < 80 && (more = _transport.ReadByte(50)) >= 0) junk.Add((byte)more);
            throw new MeterProtocolException(ProtocolErrorKind.MalformedFrame, state,
                $"{state}: expected ACK, NAK, STX or SOH but received {Printable.Of(junk.ToArray())}");
        }
        var bytes = new List<byte> { (byte)first };
        while (true)
        {
            int b = Next(state, _timings.InterCharacterTimeoutMs, false, "message stopped after " + bytes.Count + " bytes");
            bytes.Add((byte)b);
            if (bytes.Count % 64 == 0) BytesReceived?.Invoke(bytes.Count);
            if (b == ControlCharacters.Etx || b == ControlCharacters.Eot)
            {
                int bcc = Next(state, _timings.InterCharacterTimeoutMs, false, "no BCC after " + (b == ControlCharacters.Etx ? "ETX" : "EOT"));
                bytes.Add((byte)bcc);
                BytesReceived?.Invoke(bytes.Count);
                return ReceivedMessage.Framed(bytes.ToArray());
            }
        }
    }

    private int Next(string state, int timeoutMs, bool waitingForAnswer, string what)
    {
        int b = _transport.ReadByte(timeoutMs);
        if (b < 0)
        {
            string limit = waitingForAnswer
                ? $"response timeout {timeoutMs} ms"
                : $"inter-character timeout ta = {timeoutMs} ms (IEC 62056-21 §5.3)";
            throw new MeterProtocolException(ProtocolErrorKind.Timeout, state, $"timeout in state '{state}': {what} within the {limit}");
        }
        return b;
    }
}
