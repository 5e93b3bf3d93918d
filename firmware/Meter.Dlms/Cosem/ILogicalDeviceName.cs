namespace Meter.Dlms
{
    /// <summary>
    /// The logical device name of a server's logical device (Green Book, "COSEM logical device name": an
    /// octet-string of up to 16 octets, the first three the manufacturer's FLAG identifier), read on demand so that
    /// a changed serial number shows at once.
    /// </summary>
    public interface ILogicalDeviceName
    {
        /// <summary>Writes the name (at most <see cref="SapAssignmentObject.MaxNameLength"/> octets) into
        /// <paramref name="destination"/> from <paramref name="offset"/>; returns its length. Must not allocate.</summary>
        int CopyTo(byte[] destination, int offset);
    }
}
