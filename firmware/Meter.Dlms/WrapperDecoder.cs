namespace Meter.Dlms
{
    /// <summary>
    /// Splits a TCP byte stream into IEC 62056-47 wrapper APDUs (header: version, source wPort, destination wPort,
    /// length; see <see cref="WrapperHeader"/>), one byte at a time, into one buffer sized at construction.
    /// </summary>
    public sealed class WrapperDecoder
    {
        private readonly byte[] _header = new byte[WrapperHeader.Length];
        private readonly byte[] _apdu;
        private int _headerCount;
        private int _apduCount;
        private bool _failed;

        /// <summary>A decoder for APDUs up to <paramref name="maxApduLength"/> bytes.</summary>
        public WrapperDecoder(int maxApduLength)
        {
            if (maxApduLength < 1 || maxApduLength > 0xFFFF)
                throw new System.ArgumentOutOfRangeException(nameof(maxApduLength), "1..65535");
            _apdu = new byte[maxApduLength];
        }

        /// <summary>Source wPort of the last APDU (the client's, on the server side).</summary>
        public int SourcePort { get; private set; }
        /// <summary>Destination wPort of the last APDU.</summary>
        public int DestinationPort { get; private set; }
        /// <summary>The APDU buffer; valid after <see cref="WrapperDecodeStatus.ApduReady"/> until the next byte.</summary>
        public byte[] Apdu => _apdu;
        /// <summary>Length of the last APDU.</summary>
        public int ApduLength { get; private set; }
        /// <summary>Why the stream was refused.</summary>
        public WrapperError LastError { get; private set; }

        /// <summary>Starts over (a new connection).</summary>
        public void Reset()
        {
            _headerCount = 0;
            _apduCount = 0;
            _failed = false;
            LastError = WrapperError.None;
        }

        /// <summary>Feeds one byte of the stream.</summary>
        public WrapperDecodeStatus Push(byte value)
        {
            if (_failed) return WrapperDecodeStatus.Failed;
            if (_headerCount < WrapperHeader.Length)
            {
                _header[_headerCount++] = value;
                if (_headerCount == 2 && WrapperHeader.ReadUInt16(_header, 0) != WrapperHeader.Version)
                    return Fail(WrapperError.BadVersion);
                if (_headerCount == WrapperHeader.Length)
                {
                    SourcePort = WrapperHeader.ReadUInt16(_header, 2);
                    DestinationPort = WrapperHeader.ReadUInt16(_header, 4);
                    ApduLength = WrapperHeader.ReadUInt16(_header, 6);
                    if (ApduLength == 0) return Fail(WrapperError.EmptyApdu);
                    if (ApduLength > _apdu.Length) return Fail(WrapperError.ApduTooLong);
                    _apduCount = 0;
                }
                return WrapperDecodeStatus.Pending;
            }
            _apdu[_apduCount++] = value;
            if (_apduCount < ApduLength) return WrapperDecodeStatus.Pending;
            _headerCount = 0; // the next byte starts the next header
            return WrapperDecodeStatus.ApduReady;
        }

        private WrapperDecodeStatus Fail(WrapperError error)
        {
            _failed = true;
            LastError = error;
            return WrapperDecodeStatus.Failed;
        }
    }
}
