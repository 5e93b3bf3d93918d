using Meter.Hal;

namespace Meter.Device.Tests.Fakes;

/// <summary>
/// An MCP23S17 (IOCON.BANK = 0, SEQOP = 0) seen through <see cref="ISpiDevice"/>: register file
/// with IODIR = 0xFF after reset; GPIO reads return external levels on inputs and the latch on
/// outputs. Records every register write in order.
/// </summary>
internal sealed class ExpanderChipModel : ISpiDevice
{
    public readonly byte[] Registers = new byte[0x16];
    public int ExternalLevels;
    public List<(byte Register, byte Value)> RegisterWrites { get; } = new();

    public ExpanderChipModel()
    {
        Registers[0x00] = 0xFF;
        Registers[0x01] = 0xFF;
    }

    public int Directions => Registers[0x00] | (Registers[0x01] << 8);
    public int Latch => Registers[0x14] | (Registers[0x15] << 8);
    public int PullUps => Registers[0x0C] | (Registers[0x0D] << 8);

    /// <summary>Level on the pins: latch where output, external level where input.</summary>
    public int PinLevels => (Latch & ~Directions) | (ExternalLevels & Directions);

    public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
    {
        Assert.Equal(writeBuffer.Length, readBuffer.Length);
        Array.Clear(readBuffer);
        byte register = writeBuffer[1];
        if (writeBuffer[0] == 0x40)
        {
            for (int i = 2; i < writeBuffer.Length; i++, register++)
            {
                Registers[register] = writeBuffer[i];
                RegisterWrites.Add((register, writeBuffer[i]));
            }
        }
        else if (writeBuffer[0] == 0x41)
        {
            for (int i = 2; i < writeBuffer.Length; i++, register++)
                readBuffer[i] = register == 0x12 ? (byte)PinLevels : register == 0x13 ? (byte)(PinLevels >> 8) : Registers[register];
        }
        else throw new InvalidOperationException($"unexpected MCP23S17 control byte 0x{writeBuffer[0]:X2}");
    }
}
