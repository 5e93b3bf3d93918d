namespace Meter.Rig.Serial;

/// <summary>The bench rig refused a command (ERR) or answered outside the protocol; the message says which and quotes it.</summary>
public sealed class RigException(string message) : IOException(message);
