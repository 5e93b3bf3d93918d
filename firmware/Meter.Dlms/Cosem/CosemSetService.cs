namespace Meter.Dlms
{
    /// <summary>
    /// SET service, LN referencing (IEC 62056-5-3 / Green Book, SET service and its block transfer):
    /// Set-Request-Normal → Set-Response-Normal; Set-Request-With-First-Datablock and -With-Datablock (DataBlock-SA:
    /// last-block, block-number from 1, raw-data) → Set-Response-Datablock for each block and
    /// Set-Response-Last-Datablock with the result after the last. The value (whole, after the last block) is checked
    /// to be one well-formed Data before the object sees it. Set-Request-With-List is not implemented.
    /// </summary>
    public sealed class CosemSetService
    {
        private readonly CosemObjectDirectory _directory;
        private readonly CosemAssociationState _association;
        private readonly byte[] _long;
        private readonly byte[] _name = new byte[6];
        private readonly AxdrReader _value = new AxdrReader();
        private int _classId, _attributeId, _longLength;
        private long _blockNumber;
        private bool _longActive;

        /// <param name="longData">Where the blocks of a long SET are joined (shared with GET/ACTION: any other
        /// request ends a long SET).</param>
        public CosemSetService(CosemObjectDirectory directory, CosemAssociationState association, byte[] longData)
        {
            _directory = directory;
            _association = association;
            _long = longData;
        }

        /// <summary>Ends a long SET (another request, release).</summary>
        public void Abort() => _longActive = false;

        /// <summary>Serves the SET-Request after its tag.</summary>
        public CosemServiceStatus Handle(AxdrReader request, AxdrWriter response)
        {
            int choice = request.ReadByte();
            int invokeId = request.ReadByte();
            if (request.Failed) return CosemServiceStatus.Malformed;
            if (choice == CosemApduTag.Normal) { Abort(); return Normal(request, response, invokeId); }
            if ((choice != CosemApduTag.SetWithFirstDatablock && choice != CosemApduTag.SetWithDatablock)
                || !_association.Allows(XdlmsConformance.BlockTransferWithSet))
            {
                Abort();
                return CosemServiceStatus.NotSupported;
            }
            return choice == CosemApduTag.SetWithFirstDatablock ? FirstBlock(request, response, invokeId) : NextBlock(request, response, invokeId);
        }

        private CosemServiceStatus Normal(AxdrReader request, AxdrWriter response, int invokeId)
        {
            if (!CosemDescriptorReader.Read(request, out int classId, out int nameOffset, out int attributeId))
                return CosemServiceStatus.Malformed;
            int selection = CosemDescriptorReader.ReadSelection(request);
            int valueStart = request.Position;
            if (selection < 0 || !request.SkipData() || request.Remaining != 0) return CosemServiceStatus.Malformed;
            if (selection > 0 && !_association.Allows(XdlmsConformance.SelectiveAccess)) return CosemServiceStatus.NotNegotiated;
            DataAccessResult result = selection > 0 ? DataAccessResult.OtherReason // selective access: not implemented
                : Apply(classId, request.Buffer, nameOffset, attributeId, request.Buffer, valueStart, request.Position - valueStart);
            WriteHeader(response, CosemApduTag.Normal, invokeId);
            response.WriteByte((int)result);
            return CosemServiceStatus.Answered;
        }

        // Checks write access, then hands the (well-formed) value to the object.
        private DataAccessResult Apply(int classId, byte[] nameBuffer, int nameOffset, int attributeId, byte[] value, int offset, int count)
        {
            DataAccessResult result = _directory.CheckAttribute(classId, nameBuffer, nameOffset, attributeId, true, out int index);
            if (result != DataAccessResult.Success) return result;
            _value.Reset(value, offset, count);
            return _directory.Set(index, attributeId, _value);
        }

        private CosemServiceStatus FirstBlock(AxdrReader request, AxdrWriter response, int invokeId)
        {
            Abort();
            if (!CosemDescriptorReader.Read(request, out int classId, out int nameOffset, out int attributeId))
                return CosemServiceStatus.Malformed;
            int selection = CosemDescriptorReader.ReadSelection(request);
            if (selection < 0) return CosemServiceStatus.Malformed;
            if (selection > 0 && !_association.Allows(XdlmsConformance.SelectiveAccess)) return CosemServiceStatus.NotNegotiated;
            System.Array.Copy(request.Buffer, nameOffset, _name, 0, 6);
            _classId = classId;
            _attributeId = attributeId;
            _longLength = 0;
            _blockNumber = 0;
            _longActive = true;
            if (selection > 0) return Refuse(request, response, invokeId, DataAccessResult.OtherReason);
            // Refused at once when the attribute may not be written, before the client sends the rest.
            DataAccessResult access = _directory.CheckAttribute(classId, _name, 0, attributeId, true, out int _);
            if (access != DataAccessResult.Success) return Refuse(request, response, invokeId, access);
            return TakeBlock(request, response, invokeId);
        }

        private CosemServiceStatus NextBlock(AxdrReader request, AxdrWriter response, int invokeId)
        {
            if (!_longActive) return Refuse(request, response, invokeId, DataAccessResult.NoLongSetInProgress);
            return TakeBlock(request, response, invokeId);
        }

        // DataBlock-SA: last-block BOOLEAN, block-number Unsigned32, raw-data OCTET STRING.
        private CosemServiceStatus TakeBlock(AxdrReader request, AxdrWriter response, int invokeId)
        {
            int last = request.ReadByte();
            long blockNumber = request.ReadBigEndian(4);
            int length = request.ReadLength();
            if (request.Failed || length != request.Remaining) { Abort(); return CosemServiceStatus.Malformed; }
            DataAccessResult refusal = DataAccessResult.Success;
            if (blockNumber != _blockNumber + 1) refusal = DataAccessResult.DataBlockNumberInvalid;
            else if (length > _long.Length - _longLength) refusal = DataAccessResult.OtherReason; // longer than the buffer
            if (refusal != DataAccessResult.Success)
            {
                Abort();
                WriteLast(response, invokeId, refusal, blockNumber);
                return CosemServiceStatus.Answered;
            }
            System.Array.Copy(request.Buffer, request.Position, _long, _longLength, length);
            _longLength += length;
            _blockNumber = blockNumber;
            if (last == 0) // BOOLEAN: any other value is TRUE
            {
                WriteHeader(response, CosemApduTag.SetWithFirstDatablock, invokeId); // Set-Response-Datablock (2)
                response.WriteBigEndian(blockNumber, 4);
                return CosemServiceStatus.Answered;
            }
            Abort();
            // The joined raw data must be exactly one Data.
            _value.Reset(_long, 0, _longLength);
            DataAccessResult result = _value.SkipData() && _value.Remaining == 0
                ? Apply(_classId, _name, 0, _attributeId, _long, 0, _longLength)
                : DataAccessResult.TypeUnmatched;
            WriteLast(response, invokeId, result, blockNumber);
            return CosemServiceStatus.Answered;
        }

        // Set-Response-Last-Datablock with a refusal; the datablock is still checked for form.
        private CosemServiceStatus Refuse(AxdrReader request, AxdrWriter response, int invokeId, DataAccessResult result)
        {
            Abort();
            request.ReadByte();
            long blockNumber = request.ReadBigEndian(4);
            int length = request.ReadLength();
            if (request.Failed || length != request.Remaining) return CosemServiceStatus.Malformed;
            WriteLast(response, invokeId, result, blockNumber);
            return CosemServiceStatus.Answered;
        }

        // Set-Response-Last-Datablock ::= SEQUENCE { invoke-id-and-priority, result, block-number }.
        private static void WriteLast(AxdrWriter response, int invokeId, DataAccessResult result, long blockNumber)
        {
            WriteHeader(response, CosemApduTag.SetWithDatablock, invokeId);
            response.WriteByte((int)result);
            response.WriteBigEndian(blockNumber, 4);
        }

        private static void WriteHeader(AxdrWriter response, int choice, int invokeId)
        {
            response.WriteByte(CosemApduTag.SetResponse);
            response.WriteByte(choice);
            response.WriteByte(invokeId);
        }
    }
}
