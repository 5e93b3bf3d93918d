namespace Meter.Dlms
{
    /// <summary>
    /// Finds HDLC frames type 3 in a serial byte stream, one byte at a time (IEC 62056-46 / Green Book 8.4).
    /// Type 3 frames are not byte-stuffed: a 7E inside a frame is data, the frame's end is found from the 11-bit
    /// length of the format field, and the byte after it must be the closing flag (which may also open the next
    /// frame, ISO/IEC 13239). Bytes outside frames are skipped. One buffer, sized at construction.
    /// </summary>
    public sealed class HdlcFrameDecoder
    {
        private const int StateHunting = 0;   // waiting for a flag
        private const int StateOpened = 1;    // after a flag: a format byte or more flags
        private const int StateCollecting = 2; // inside a frame
        private const int StateClosing = 3;   // all announced bytes read: the closing flag must come

        private readonly byte[] _buffer;
        private readonly HdlcFrame _frame = new HdlcFrame();
        private int _state;
        private int _count;
        private int _length;
        private int _maxInformationLength;

        /// <summary>A decoder whose buffer holds the longest frame the 11-bit length field allows.</summary>
        /// <param name="maxInformationLength">Longest information field accepted (the negotiated maximum receive length).</param>
        public HdlcFrameDecoder(int maxInformationLength)
        {
            _buffer = new byte[HdlcFrameWriter.MaxFrameLength];
            MaxInformationLength = maxInformationLength;
            _frame.Buffer = _buffer;
        }

        /// <summary>Longest information field accepted; longer frames are rejected with
        /// <see cref="HdlcRejectReason.InformationTooLong"/> (Green Book 8.4: the negotiated receive length).</summary>
        public int MaxInformationLength
        {
            get => _maxInformationLength;
            set
            {
                if (value < 1 || value > HdlcFrameWriter.MaxFrameLength)
                    throw new System.ArgumentOutOfRangeException(nameof(value), "maximum information length 1..2047");
                _maxInformationLength = value;
            }
        }

        /// <summary>The last frame found (valid after <see cref="HdlcDecodeStatus.FrameReady"/>, until the next byte).</summary>
        public HdlcFrame Frame => _frame;

        /// <summary>Why the last frame was dropped.</summary>
        public HdlcRejectReason LastRejection { get; private set; }

        /// <summary>True while part of a frame has been received (for the inter-character time-out).</summary>
        public bool InFrame => _state == StateCollecting || _state == StateClosing;

        /// <summary>Drops a partial frame and waits for the next flag.</summary>
        public void Reset()
        {
            _state = StateHunting;
            _count = 0;
        }

        /// <summary>Feeds one received byte.</summary>
        public HdlcDecodeStatus Push(byte value)
        {
            switch (_state)
            {
                case StateHunting:
                    if (value == HdlcFrameWriter.Flag) _state = StateOpened;
                    return HdlcDecodeStatus.Pending;
                case StateOpened:
                    if (value == HdlcFrameWriter.Flag) return HdlcDecodeStatus.Pending; // inter-frame fill
                    if ((value & 0xF0) != 0xA0) return Reject(HdlcRejectReason.BadFormatType);
                    _buffer[0] = value;
                    _count = 1;
                    _state = StateCollecting;
                    return HdlcDecodeStatus.Pending;
                case StateCollecting:
                    _buffer[_count++] = value;
                    if (_count == 2)
                    {
                        _length = ((_buffer[0] & 0x07) << 8) | value;
                        if (_length < 7) return Reject(HdlcRejectReason.FrameTooShort);
                        if (_length > _maxInformationLength + HdlcFrameWriter.MaxOverhead - 2)
                            return Reject(HdlcRejectReason.InformationTooLong);
                    }
                    if (_count == _length) _state = StateClosing;
                    return HdlcDecodeStatus.Pending;
                default: // StateClosing
                    if (value != HdlcFrameWriter.Flag) return Reject(HdlcRejectReason.LengthMismatch);
                    _state = StateOpened; // the closing flag may open the next frame
                    HdlcRejectReason reason = Parse();
                    if (reason != HdlcRejectReason.None)
                    {
                        LastRejection = reason;
                        return HdlcDecodeStatus.Rejected;
                    }
                    return HdlcDecodeStatus.FrameReady;
            }
        }

        private HdlcDecodeStatus Reject(HdlcRejectReason reason)
        {
            LastRejection = reason;
            Reset();
            return HdlcDecodeStatus.Rejected;
        }

        private HdlcRejectReason Parse()
        {
            int end = _length - 2; // FCS position
            int destinationSize = HdlcAddress.FieldLength(_buffer, 2, end);
            HdlcRejectReason reason = CheckAddressSize(destinationSize, 2, end);
            if (reason != HdlcRejectReason.None) return reason;
            int sourceAt = 2 + destinationSize;
            int sourceSize = HdlcAddress.FieldLength(_buffer, sourceAt, end);
            reason = CheckAddressSize(sourceSize, sourceAt, end);
            if (reason != HdlcRejectReason.None) return reason;
            int controlAt = sourceAt + sourceSize;
            if (controlAt >= end) return HdlcRejectReason.LengthMismatch;
            int headerLength = controlAt + 1;
            int rest = _length - headerLength;
            int informationOffset = 0, informationLength = 0;
            if (rest > 4)
            {
                // Information present: the HCS follows the header (Green Book 8.4).
                if (!Crc16X25.Check(_buffer, 0, headerLength + 2)) return HdlcRejectReason.BadHcs;
                informationOffset = headerLength + 2;
                informationLength = rest - 4;
            }
            else if (rest != 2) return HdlcRejectReason.LengthMismatch;
            if (!Crc16X25.Check(_buffer, 0, _length)) return HdlcRejectReason.BadFcs;
            if (informationLength > _maxInformationLength) return HdlcRejectReason.InformationTooLong;

            _frame.Segmented = (_buffer[0] & 0x08) != 0;
            _frame.DestinationSize = destinationSize;
            _frame.DestinationUpper = HdlcAddress.Upper(_buffer, 2, destinationSize);
            _frame.DestinationLower = HdlcAddress.Lower(_buffer, 2, destinationSize);
            _frame.SourceSize = sourceSize;
            _frame.SourceUpper = HdlcAddress.Upper(_buffer, sourceAt, sourceSize);
            _frame.SourceLower = HdlcAddress.Lower(_buffer, sourceAt, sourceSize);
            _frame.Control = _buffer[controlAt];
            _frame.InformationOffset = informationOffset;
            _frame.InformationLength = informationLength;
            return HdlcRejectReason.None;
        }

        private HdlcRejectReason CheckAddressSize(int size, int at, int end)
        {
            if (size == 0) return end - at >= HdlcAddress.MaxSize ? HdlcRejectReason.AddressTooLong : HdlcRejectReason.LengthMismatch;
            return size == 3 ? HdlcRejectReason.BadAddressSize : HdlcRejectReason.None;
        }
    }
}
