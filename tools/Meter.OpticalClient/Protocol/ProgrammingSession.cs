namespace Meter.OpticalClient.Protocol;

/// <summary>
/// A programming session on a client: opened with P1, closed with B0 on dispose.
/// </summary>
public sealed class ProgrammingSession : IMeterSession, IDisposable
{
    private readonly Iec62056Client _client;
    private bool _open;

    /// <summary>Signs on in programming mode and sends the password.</summary>
    public ProgrammingSession(Iec62056Client client, string address, int maximumBaud, string password)
    {
        _client = client;
        PasswordOperand = client.OpenProgramming(address, maximumBaud, password);
        _open = true;
    }

    /// <summary>The P0 operand the meter sent.</summary>
    public string PasswordOperand { get; }

    /// <inheritdoc />
    public IReadOnlyList<DataSet> Read(string address, string parameter = "") => _client.Read(address, parameter);

    /// <inheritdoc />
    public void Write(string address, string value) => _client.Write(address, value);

    /// <summary>Sends B0 (break) once.</summary>
    public void Dispose()
    {
        if (!_open) return;
        _open = false;
        try
        {
            _client.Break();
        }
        catch (IOException)
        {
            // The link is gone; the meter returns to idle after its inactivity time-out anyway.
        }
    }
}
