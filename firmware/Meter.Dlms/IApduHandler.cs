namespace Meter.Dlms
{
    /// <summary>
    /// The layer above the data link (the COSEM application layer, <see cref="CosemServer"/>): receives each complete APDU the client
    /// sent (LLC header removed, segments joined) and writes its answer into the link's transmit buffer.
    /// </summary>
    public interface IApduHandler
    {
        /// <summary>Handles one APDU.</summary>
        /// <param name="clientAddress">The client's SAP: the HDLC client address, or the wrapper's source wPort
        /// (Green Book: the client SAP selects the association, e.g. 16 public client, 1 management).</param>
        /// <param name="request">Buffer holding the APDU (owned by the link: valid during the call only).</param>
        /// <param name="offset">Index of the APDU's first byte.</param>
        /// <param name="count">APDU length.</param>
        /// <param name="response">Where the answer goes.</param>
        /// <param name="responseOffset">Index of the answer's first byte.</param>
        /// <param name="responseCapacity">Most bytes the answer may have.</param>
        /// <returns>Length of the answer; 0 for none.</returns>
        int HandleApdu(int clientAddress, byte[] request, int offset, int count, byte[] response, int responseOffset, int responseCapacity);

        /// <summary>The data link was released (DISC, a new SNRM, inactivity time-out): an application association
        /// over it ends too.</summary>
        void LinkClosed();
    }
}
