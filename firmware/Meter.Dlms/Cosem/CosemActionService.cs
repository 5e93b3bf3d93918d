namespace Meter.Dlms
{
    /// <summary>
    /// ACTION service, LN referencing, Action-Request-Normal (IEC 62056-5-3 / Green Book, ACTION service):
    /// Cosem-Method-Descriptor and OPTIONAL method-invocation-parameters (Data); the answer is
    /// Action-Response-Normal: Action-Result and OPTIONAL return-parameters (Get-Data-Result). A return value longer
    /// than the PDU is refused with other-reason (no block transfer with ACTION).
    /// </summary>
    public sealed class CosemActionService
    {
        private readonly CosemObjectDirectory _directory;
        private readonly byte[] _returnBuffer;
        private readonly AxdrReader _parameters = new AxdrReader();
        private readonly AxdrWriter _returnValue = new AxdrWriter();

        /// <param name="returnBuffer">Where return parameters are encoded (shared with the GET long data).</param>
        public CosemActionService(CosemObjectDirectory directory, byte[] returnBuffer)
        {
            _directory = directory;
            _returnBuffer = returnBuffer;
        }

        /// <summary>Serves the ACTION-Request after its tag.</summary>
        public CosemServiceStatus Handle(AxdrReader request, AxdrWriter response)
        {
            int choice = request.ReadByte();
            int invokeId = request.ReadByte();
            if (request.Failed) return CosemServiceStatus.Malformed;
            if (choice != CosemApduTag.Normal) return CosemServiceStatus.NotSupported;
            if (!CosemDescriptorReader.Read(request, out int classId, out int nameOffset, out int methodId))
                return CosemServiceStatus.Malformed;
            int present = request.ReadByte();
            int parametersStart = request.Position;
            if (present == 1 && !request.SkipData()) return CosemServiceStatus.Malformed;
            if ((present != 0 && present != 1) || request.Remaining != 0) return CosemServiceStatus.Malformed;

            _returnValue.Reset(_returnBuffer, 0, _returnBuffer.Length);
            ActionResult result = _directory.CheckMethod(classId, request.Buffer, nameOffset, methodId, out int index);
            if (result == ActionResult.Success)
            {
                _parameters.Reset(request.Buffer, parametersStart, request.Position - parametersStart);
                result = _directory.Action(index, methodId, _parameters, present == 1, _returnValue);
            }
            int returnLength = result == ActionResult.Success ? _returnValue.Length : 0;
            if (returnLength > 0 && (_returnValue.Overflow || 6 + returnLength > response.Remaining))
            {
                result = ActionResult.OtherReason;
                returnLength = 0;
            }
            response.WriteByte(CosemApduTag.ActionResponse);
            response.WriteByte(CosemApduTag.Normal);
            response.WriteByte(invokeId);
            response.WriteByte((int)result);
            if (returnLength == 0)
            {
                response.WriteByte(0); // return-parameters absent
                return CosemServiceStatus.Answered;
            }
            response.WriteByte(1);
            response.WriteByte(0); // Get-Data-Result: data
            response.WriteBytes(_returnBuffer, 0, returnLength);
            return CosemServiceStatus.Answered;
        }
    }
}
