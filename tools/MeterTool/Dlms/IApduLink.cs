namespace Meter.Tool.Dlms;

/// <summary>The DLMS data link or transport under the client's application layer: one APDU out, one APDU back.</summary>
public interface IApduLink : IDisposable
{
    /// <summary>Sends <paramref name="apdu"/> and returns the server's answer APDU.</summary>
    /// <exception cref="DlmsException">No answer in time, or a malformed or refused frame.</exception>
    byte[] Exchange(byte[] apdu);

    /// <summary>Called with the bytes received so far while a long answer arrives (progress), or null.</summary>
    Action<int>? BytesReceived { get; set; }
}
