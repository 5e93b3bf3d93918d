namespace Meter.Dlms
{
    /// <summary>Where a link's frames go (a UART, a TCP socket, a test's list).</summary>
    public interface IFrameSink
    {
        /// <summary>Sends the bytes; the buffer is reused after the call.</summary>
        void Send(byte[] buffer, int offset, int count);
    }
}
