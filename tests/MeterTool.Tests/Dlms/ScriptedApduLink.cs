using Meter.Tool.Dlms;

namespace MeterTool.Tests.Dlms;

/// <summary>An APDU link that records what the client sends and answers with hand-encoded APDUs, in order.</summary>
internal sealed class ScriptedApduLink : IApduLink
{
    private readonly Queue<byte[]> _answers;

    public ScriptedApduLink(params string[] hexAnswers) => _answers = new Queue<byte[]>(hexAnswers.Select(Hex));

    public List<byte[]> Sent { get; } = [];

    public Action<int>? BytesReceived { get; set; }

    public byte[] Exchange(byte[] apdu)
    {
        Sent.Add(apdu);
        if (_answers.Count == 0) throw new DlmsException("script: no answer left");
        return _answers.Dequeue();
    }

    public void Dispose()
    {
    }

    /// <summary>Hex with spaces allowed.</summary>
    public static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", ""));
}
