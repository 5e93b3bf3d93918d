namespace Meter.Dlms
{
    /// <summary>
    /// SET service, LN referencing, Set-Request-Normal (IEC 62056-5-3 / Green Book, SET service): the value is
    /// checked to be one well-formed Data before the object sees it; the answer is Set-Response-Normal with the
    /// Data-Access-Result. Set with datablock and with-list are not implemented (not in the server's conformance).
    /// </summary>
    public sealed class CosemSetService
    {
        private readonly CosemObjectDirectory _directory;
        private readonly AxdrReader _value = new AxdrReader();

        public CosemSetService(CosemObjectDirectory directory) => _directory = directory;

        /// <summary>Serves the SET-Request after its tag.</summary>
        public CosemServiceStatus Handle(AxdrReader request, AxdrWriter response)
        {
            int choice = request.ReadByte();
            int invokeId = request.ReadByte();
            if (request.Failed) return CosemServiceStatus.Malformed;
            if (choice != CosemApduTag.Normal) return CosemServiceStatus.NotSupported;
            if (!CosemDescriptorReader.Read(request, out int classId, out int nameOffset, out int attributeId))
                return CosemServiceStatus.Malformed;
            int selection = CosemDescriptorReader.ReadSelection(request);
            int valueStart = request.Position;
            if (selection < 0 || !request.SkipData() || request.Remaining != 0) return CosemServiceStatus.Malformed;
            DataAccessResult result = DataAccessResult.OtherReason; // selective access: not implemented
            if (selection == 0)
            {
                result = _directory.CheckAttribute(classId, request.Buffer, nameOffset, attributeId, true, out int index);
                if (result == DataAccessResult.Success)
                {
                    _value.Reset(request.Buffer, valueStart, request.Position - valueStart);
                    result = _directory.Set(index, attributeId, _value);
                }
            }
            response.WriteByte(CosemApduTag.SetResponse);
            response.WriteByte(CosemApduTag.Normal);
            response.WriteByte(invokeId);
            response.WriteByte((int)result);
            return CosemServiceStatus.Answered;
        }
    }
}
