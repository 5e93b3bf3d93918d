using Meter.Hal;

namespace Meter.Device.Tests.Fakes;

/// <summary>
/// An MB85RS-series FRAM as its data sheet describes it, seen through <see cref="ISpiDevice"/>:
/// WREN sets the write enable latch, WRITE needs it and clears it at the end of the frame,
/// READ/WRITE take a 2- or 3-byte MSB-first address, RDID answers 04 7F 28 03.
/// </summary>
internal sealed class FramChipModel : ISpiDevice
{
    private readonly int _addressBytes;
    public byte[] Memory { get; }
    public bool WriteEnabled { get; private set; }
    public int Frames { get; private set; }
    public int RejectedWrites { get; private set; }
    public byte[] Id { get; set; } = { 0x04, 0x7F, 0x28, 0x03 };

    public FramChipModel(int size, int addressBytes)
    {
        Memory = new byte[size];
        _addressBytes = addressBytes;
    }

    public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
    {
        Assert.Equal(writeBuffer.Length, readBuffer.Length);
        Frames++;
        Array.Clear(readBuffer);
        switch (writeBuffer[0])
        {
            case 0x06: WriteEnabled = true; break;
            case 0x9F: for (int i = 1; i < readBuffer.Length && i <= 4; i++) readBuffer[i] = Id[i - 1]; break;
            case 0x03:
                {
                    int address = Address(writeBuffer);
                    for (int i = 1 + _addressBytes; i < writeBuffer.Length; i++) readBuffer[i] = Memory[(address++) % Memory.Length];
                    break;
                }
            case 0x02:
                {
                    if (!WriteEnabled) { RejectedWrites++; break; }
                    int address = Address(writeBuffer);
                    for (int i = 1 + _addressBytes; i < writeBuffer.Length; i++) Memory[(address++) % Memory.Length] = writeBuffer[i];
                    WriteEnabled = false; // the latch clears when CS rises after WRITE
                    break;
                }
            default: throw new InvalidOperationException($"unexpected FRAM op-code 0x{writeBuffer[0]:X2}");
        }
    }

    private int Address(byte[] frame)
    {
        int a = 0;
        for (int i = 1; i <= _addressBytes; i++) a = (a << 8) | frame[i];
        return a;
    }
}
