namespace Meter.Hal.Device
{
    /// <summary>
    /// The raw 8-bit UART under a <see cref="SoftwareParitySerialLink"/>: System.IO.Ports on the
    /// board (<see cref="SerialPortUart"/>), a fake in tests. Nothing blocks on reads: callers
    /// read at most <see cref="BytesToRead"/> bytes.
    /// </summary>
    public interface IUartPort
    {
        /// <summary>Bit rate in baud; setting it reconfigures the open port.</summary>
        int BaudRate { get; set; }

        /// <summary>Bytes received and not yet read.</summary>
        int BytesToRead { get; }

        /// <summary>Reads up to <paramref name="count"/> bytes; returns how many were read.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends <paramref name="count"/> bytes; returns when the driver has taken them.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
