namespace Meter.Hal.Simulation.Serial;

/// <summary>
/// One character as it travelled on a <see cref="VirtualSerialPair"/>: who sent it, its value,
/// when its start bit began and its stop bit ended (nanoseconds of virtual time), at which baud
/// rate it was sent, and whether the receiver got it (false when the receiver listened at
/// another rate, i.e. a framing error).
/// </summary>
public readonly record struct SerialCharacter(
    string Sender, byte Value, long StartNs, long EndNs, int Baud, bool Delivered);
