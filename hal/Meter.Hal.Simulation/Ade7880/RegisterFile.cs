namespace Meter.Hal.Simulation.Ade7880;

/// <summary>
/// The simulated chip's register file: one slot per 16-bit address, with a flag for the
/// addresses that hold a register. The same operations as the dictionary it replaces, as
/// plain array accesses (the year-sim benchmark answers ~23 SPI frames and several dozen
/// register lookups per metering cycle). An absent address reads 0.
/// </summary>
internal sealed class RegisterFile
{
    private readonly uint[] _values = new uint[65536];
    private readonly bool[] _present = new bool[65536];

    /// <summary>Value at <paramref name="address"/> (0 when no register was ever stored there).</summary>
    public uint this[ushort address]
    {
        get => _values[address];
        set
        {
            _values[address] = value;
            _present[address] = true;
        }
    }

    /// <summary>Whether a register is stored at <paramref name="address"/>.</summary>
    public bool ContainsKey(ushort address) => _present[address];

    /// <summary>Removes every register.</summary>
    public void Clear()
    {
        Array.Clear(_values);
        Array.Clear(_present);
    }
}
