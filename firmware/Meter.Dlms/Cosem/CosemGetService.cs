namespace Meter.Dlms
{
    /// <summary>
    /// GET service, LN referencing (IEC 62056-5-3 / Green Book, GET service and its block transfer):
    /// Get-Request-Normal, -With-List and -Next. An answer longer than the PDU the client accepts is encoded whole
    /// into the server's long-data buffer and sent as Get-Response-With-Datablock, block numbers from 1, the client
    /// pulling each next block with Get-Request-Next naming the block it got. Any other request aborts a long GET.
    /// An attribute the object writes in parts (<see cref="ICosemObjects.GetSelected"/>: a profile's buffer, with or
    /// without selective access) is generated on demand: the long-data buffer holds only the bytes of the next
    /// blocks, refilled by the object when a block needs more, so its length has no cap but the object's own.
    /// </summary>
    public sealed class CosemGetService
    {
        // Header of Get-Response-With-Datablock: C4 02 invoke-id last-block block-number(4) raw-data choice (0).
        private const int BlockHeaderLength = 9;

        private readonly CosemObjectDirectory _directory;
        private readonly CosemAssociationState _association;
        private readonly byte[] _long;
        private readonly AxdrWriter _data = new AxdrWriter();
        private readonly AxdrReader _parameters = new AxdrReader();
        private readonly CosemGetCursor _cursor = new CosemGetCursor();
        private int _longLength, _longSent, _streamIndex, _streamAttribute;
        private bool _streaming;
        private long _blockNumber;
        private bool _longActive;

        /// <param name="longData">Buffer for a whole long answer (shared with ACTION: a new request ends the long
        /// GET anyway).</param>
        public CosemGetService(CosemObjectDirectory directory, CosemAssociationState association, byte[] longData)
        {
            _directory = directory;
            _association = association;
            _long = longData;
        }

        /// <summary>A long GET is running (blocks are left to send).</summary>
        public bool LongGetActive => _longActive;

        /// <summary>Ends a long GET (new request, release).</summary>
        public void Abort() => _longActive = false;

        /// <summary>Serves the GET-Request after its tag (the reader is at the request choice).</summary>
        public CosemServiceStatus Handle(AxdrReader request, AxdrWriter response)
        {
            int choice = request.ReadByte();
            int invokeId = request.ReadByte();
            if (request.Failed) return CosemServiceStatus.Malformed;
            if (choice != CosemApduTag.Next) Abort();
            switch (choice)
            {
                case CosemApduTag.Normal: return Normal(request, response, invokeId);
                case CosemApduTag.Next: return Next(request, response, invokeId);
                case CosemApduTag.WithList:
                    return _association.Allows(XdlmsConformance.MultipleReferences)
                        ? WithList(request, response, invokeId) : CosemServiceStatus.NotSupported;
                default: return CosemServiceStatus.NotSupported;
            }
        }

        private CosemServiceStatus Normal(AxdrReader request, AxdrWriter response, int invokeId)
        {
            if (!CosemDescriptorReader.Read(request, out int classId, out int nameOffset, out int attributeId))
                return CosemServiceStatus.Malformed;
            int selection = CosemDescriptorReader.ReadSelection(request, out int selector, out int parametersOffset);
            if (selection < 0 || request.Remaining != 0) return CosemServiceStatus.Malformed;
            if (!SelectionNegotiated(selection)) return CosemServiceStatus.NotNegotiated;
            _data.Reset(_long, 0, _long.Length);
            DataAccessResult result = GetValue(classId, request, nameOffset, attributeId, selection, selector, parametersOffset, out int index);
            if (result != DataAccessResult.Success)
            {
                WriteHeader(response, CosemApduTag.Normal, invokeId);
                response.WriteByte(1); // Get-Data-Result: data-access-result
                response.WriteByte((int)result);
                return CosemServiceStatus.Answered;
            }
            if (!_cursor.More && 4 + _data.Length <= response.Remaining)
            {
                WriteHeader(response, CosemApduTag.Normal, invokeId);
                response.WriteByte(0); // Get-Data-Result: data
                response.WriteBytes(_long, 0, _data.Length);
                return CosemServiceStatus.Answered;
            }
            // Too long for one PDU: the raw data of the blocks is the encoded Data, written on demand when the
            // object has more (_cursor.More).
            _streamIndex = index;
            _streamAttribute = attributeId;
            return StartBlocks(response, invokeId, _cursor.More);
        }

        // An access-selection may only be used when the association negotiated selective access (Green Book,
        // conformance block bit 21 selective-access: the client proposes it, the server grants it in the AARE).
        private bool SelectionNegotiated(int selection)
            => selection == 0 || _association.Allows(XdlmsConformance.SelectiveAccess);

        // Checks access and reads one attribute (with its selective access, if any) into _data; a value longer
        // than the long-data buffer that the object cannot write in parts is refused.
        private DataAccessResult GetValue(int classId, AxdrReader request, int nameOffset, int attributeId,
            int selection, int selector, int parametersOffset, out int index)
        {
            DataAccessResult result = _directory.CheckAttribute(classId, request.Buffer, nameOffset, attributeId, false, out index);
            if (result != DataAccessResult.Success) return result;
            if (selection > 0 && selector == 0) return DataAccessResult.OtherReason; // access-selector 0 is not defined
            AxdrReader parameters = null;
            if (selection > 0)
            {
                _parameters.Reset(request.Buffer, parametersOffset, request.Position - parametersOffset);
                parameters = _parameters;
            }
            _cursor.Begin(selector);
            result = _directory.GetSelected(index, attributeId, selector, parameters, _cursor, _data);
            if (result == DataAccessResult.Success && _data.Overflow) return DataAccessResult.OtherReason;
            return result;
        }

        private CosemServiceStatus WithList(AxdrReader request, AxdrWriter response, int invokeId)
        {
            int count = request.ReadLength();
            if (count < 1) return CosemServiceStatus.Malformed;
            _data.Reset(_long, 0, _long.Length);
            _data.WriteLength(count);
            for (int i = 0; i < count; i++)
            {
                if (!CosemDescriptorReader.Read(request, out int classId, out int nameOffset, out int attributeId))
                    return CosemServiceStatus.Malformed;
                int selection = CosemDescriptorReader.ReadSelection(request, out int selector, out int parametersOffset);
                if (selection < 0) return CosemServiceStatus.Malformed;
                if (!SelectionNegotiated(selection)) return CosemServiceStatus.NotNegotiated;
                int mark = _data.Position;
                _data.WriteByte(0); // Get-Data-Result: data
                DataAccessResult result = GetValue(classId, request, nameOffset, attributeId, selection, selector, parametersOffset, out int index);
                if (result == DataAccessResult.Success && _cursor.More) result = DataAccessResult.OtherReason; // one list answer holds whole values only
                if (result != DataAccessResult.Success)
                {
                    _data.Rewind(mark);
                    _data.WriteByte(1); // Get-Data-Result: data-access-result
                    _data.WriteByte((int)result);
                }
            }
            if (request.Remaining != 0) return CosemServiceStatus.Malformed;
            if (_data.Overflow) return CosemServiceStatus.TooLong;
            if (3 + _data.Length <= response.Remaining)
            {
                WriteHeader(response, CosemApduTag.WithList, invokeId);
                response.WriteBytes(_long, 0, _data.Length);
                return CosemServiceStatus.Answered;
            }
            // The raw data of the blocks is the SEQUENCE OF Get-Data-Result.
            return StartBlocks(response, invokeId, false);
        }

        private CosemServiceStatus StartBlocks(AxdrWriter response, int invokeId, bool streaming)
        {
            if (!_association.Allows(XdlmsConformance.BlockTransferWithGet)) return CosemServiceStatus.TooLong;
            _longLength = _data.Length;
            _longSent = 0;
            _blockNumber = 0;
            _longActive = true;
            _streaming = streaming;
            return SendBlock(response, invokeId);
        }

        private CosemServiceStatus Next(AxdrReader request, AxdrWriter response, int invokeId)
        {
            long received = request.ReadBigEndian(4);
            if (request.Failed || request.Remaining != 0) return CosemServiceStatus.Malformed;
            if (!_longActive) return BlockRefused(response, invokeId, received, DataAccessResult.NoLongGetInProgress);
            if (received != _blockNumber)
            {
                Abort();
                return BlockRefused(response, invokeId, received, DataAccessResult.LongGetAborted);
            }
            return SendBlock(response, invokeId);
        }

        private CosemServiceStatus SendBlock(AxdrWriter response, int invokeId)
        {
            int room = response.Remaining - BlockHeaderLength;
            int chunk = room - 1;                  // raw-data length in one byte below 128
            if (chunk >= 0x80) chunk = room - 2;   // 81 xx
            if (chunk >= 0x100) chunk = room - 3;  // 82 xx xx
            if (chunk < 1) { Abort(); return CosemServiceStatus.TooLong; }
            if (_longLength - _longSent < chunk && !Refill())
            {
                Abort();
                return BlockRefused(response, invokeId, _blockNumber + 1, DataAccessResult.LongGetAborted);
            }
            int rest = _longLength - _longSent;
            int length = rest < chunk ? rest : chunk;
            bool last = length == rest && !_streaming;
            _blockNumber++;
            WriteHeader(response, CosemApduTag.WithDatablock, invokeId);
            response.WriteByte(last ? 1 : 0);
            response.WriteBigEndian(_blockNumber, 4);
            response.WriteByte(0); // raw-data [0] IMPLICIT OCTET STRING
            response.WriteLength(length);
            response.WriteBytes(_long, _longSent, length);
            _longSent += length;
            if (last) _longActive = false;
            return CosemServiceStatus.Answered;
        }

        // Streaming: the bytes not yet sent move to the front of the long-data buffer and the object writes its
        // next elements behind them, until a block's worth is there or the object is done. The buffer is the only
        // store, so a value of any length (a profile's buffer of months) needs no more memory than one buffer.
        private bool Refill()
        {
            while (_streaming && _longLength - _longSent < _long.Length / 2)
            {
                int pending = _longLength - _longSent;
                System.Array.Copy(_long, _longSent, _long, 0, pending);
                _data.Reset(_long, pending, _long.Length - pending);
                _cursor.Continue();
                DataAccessResult result = _directory.GetSelected(_streamIndex, _streamAttribute, _cursor.Selector, null, _cursor, _data);
                if (result != DataAccessResult.Success || _data.Overflow || (_data.Length == 0 && _cursor.More)) return false;
                _longSent = 0;
                _longLength = pending + _data.Length;
                _streaming = _cursor.More;
            }
            return true;
        }

        // Get-Response-With-Datablock carrying a data-access-result instead of raw data.
        private static CosemServiceStatus BlockRefused(AxdrWriter response, int invokeId, long blockNumber, DataAccessResult result)
        {
            WriteHeader(response, CosemApduTag.WithDatablock, invokeId);
            response.WriteByte(1);
            response.WriteBigEndian(blockNumber, 4);
            response.WriteByte(1); // data-access-result [1]
            response.WriteByte((int)result);
            return CosemServiceStatus.Answered;
        }

        private static void WriteHeader(AxdrWriter response, int choice, int invokeId)
        {
            response.WriteByte(CosemApduTag.GetResponse);
            response.WriteByte(choice);
            response.WriteByte(invokeId);
        }
    }
}
