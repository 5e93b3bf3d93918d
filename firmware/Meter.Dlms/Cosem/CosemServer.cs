namespace Meter.Dlms
{
    /// <summary>
    /// The COSEM application layer server of one link (IEC 62056-5-3 / Green Book, application layer; LN
    /// referencing without ciphering): takes each APDU from the HDLC link or the IEC 62056-47 wrapper
    /// (<see cref="IApduHandler"/>), establishes and releases the application association (AARQ/AARE, RLRQ/RLRE)
    /// for the public client (lowest level security, read-only) and the management client (low level security,
    /// password through <see cref="IPasswordCheck"/>), and serves GET, SET and ACTION on the
    /// <see cref="ICosemObjects"/> within the association's rights. Bad or unsupported APDUs get an
    /// ExceptionResponse; nothing is thrown for any input and nothing is allocated per request.
    /// </summary>
    public sealed class CosemServer : IApduHandler
    {
        /// <summary>client-max-receive-pdu-size below this is refused (pdu-size-too-short): a
        /// Get-Response-With-Datablock needs 11 bytes to carry one byte of data.</summary>
        public const int MinClientPduSize = 12;

        private readonly CosemServerSettings _settings;
        private readonly IPasswordCheck _passwords;
        private readonly CosemAssociationState _association = new CosemAssociationState();
        private readonly CosemGetService _get;
        private readonly CosemSetService _set;
        private readonly CosemActionService _action;
        private readonly AarqRequest _aarq = new AarqRequest();
        private readonly XdlmsInitiateRequest _initiate = new XdlmsInitiateRequest();
        private readonly AxdrReader _request = new AxdrReader();
        private readonly AxdrReader _userInformation = new AxdrReader();
        private readonly AxdrWriter _response = new AxdrWriter();

        public CosemServer(ICosemObjects objects, IPasswordCheck passwords, CosemServerSettings settings)
        {
            if (settings.MaxReceivePduSize < MinClientPduSize || settings.MaxReceivePduSize > 0xFFFF)
                throw new System.ArgumentOutOfRangeException(nameof(settings), "MaxReceivePduSize 12..65535");
            if (settings.LongDataCapacity < 1 || settings.LongDataCapacity > 0xFFFF)
                throw new System.ArgumentOutOfRangeException(nameof(settings), "LongDataCapacity 1..65535");
            _settings = settings;
            _passwords = passwords;
            _association.Release();
            var directory = new CosemObjectDirectory(objects, _association, settings.ServerSap, settings.MaxReceivePduSize);
            byte[] longData = new byte[settings.LongDataCapacity];
            _get = new CosemGetService(directory, _association, longData);
            _set = new CosemSetService(directory, _association, longData);
            _action = new CosemActionService(directory, longData);
        }

        /// <summary>The association in force (read-only view for diagnostics and tests).</summary>
        public CosemAssociationState Association => _association;

        /// <summary>The fields of the last AARQ (e.g. the calling-AP-title).</summary>
        public AarqRequest LastAarq => _aarq;

        /// <summary>Association-result of the last AARQ.</summary>
        public int LastAssociationResult { get; private set; }
        /// <summary>acse-service-user diagnostic of the last AARQ.</summary>
        public int LastAssociationDiagnostic { get; private set; }

        /// <inheritdoc />
        public int HandleApdu(int clientAddress, byte[] request, int offset, int count, byte[] response, int responseOffset, int responseCapacity)
        {
            if (count < 1 || responseCapacity < 3) return 0;
            _request.Reset(request, offset, count);
            _response.Reset(response, responseOffset, responseCapacity);
            int tag = request[offset];
            if (tag == CosemApduTag.Aarq)
            {
                AbortLongTransfers();
                Associate(clientAddress);
            }
            else if (tag == CosemApduTag.Rlrq) Release();
            else if (tag == CosemApduTag.GetRequest || tag == CosemApduTag.SetRequest || tag == CosemApduTag.ActionRequest)
                Serve(clientAddress, tag, count, responseCapacity);
            else Exception(ExceptionResponse.StateServiceUnknown, ExceptionResponse.ServiceNotSupported);
            return _response.Overflow ? 0 : _response.Length;
        }

        /// <inheritdoc />
        public void LinkClosed()
        {
            AbortLongTransfers();
            _association.Release();
        }

        private void Serve(int clientAddress, int tag, int count, int responseCapacity)
        {
            // A request of another service ends a long GET or SET (they share the long-data buffer).
            if (tag != CosemApduTag.GetRequest) _get.Abort();
            if (tag != CosemApduTag.SetRequest) _set.Abort();
            if (!_association.Active || clientAddress != _association.ClientSap)
            {
                AbortLongTransfers();
                Exception(ExceptionResponse.StateServiceNotAllowed, ExceptionResponse.OperationNotPossible);
                return;
            }
            if (count > _settings.MaxReceivePduSize)
            {
                AbortLongTransfers();
                Exception(ExceptionResponse.StateServiceNotAllowed, ExceptionResponse.PduTooLong);
                return;
            }
            int service = tag == CosemApduTag.GetRequest ? XdlmsConformance.Get
                : tag == CosemApduTag.SetRequest ? XdlmsConformance.Set : XdlmsConformance.Action;
            if (!_association.Allows(service))
            {
                AbortLongTransfers();
                Exception(ExceptionResponse.StateServiceNotAllowed, ExceptionResponse.ServiceNotSupported);
                return;
            }
            // The answer may not exceed what the client said it can receive.
            int limit = _association.ClientMaxPdu < responseCapacity ? _association.ClientMaxPdu : responseCapacity;
            _response.Reset(_response.Buffer, _response.Position, limit);
            _request.ReadByte(); // the tag
            CosemServiceStatus status = tag == CosemApduTag.GetRequest ? _get.Handle(_request, _response)
                : tag == CosemApduTag.SetRequest ? _set.Handle(_request, _response) : _action.Handle(_request, _response);
            if (status == CosemServiceStatus.Answered && !_response.Overflow) return;
            _response.Rewind(_response.Position - _response.Length);
            if (status == CosemServiceStatus.Malformed) Exception(ExceptionResponse.StateServiceUnknown, ExceptionResponse.OtherReason);
            else if (status == CosemServiceStatus.NotSupported) Exception(ExceptionResponse.StateServiceUnknown, ExceptionResponse.ServiceNotSupported);
            else if (status == CosemServiceStatus.NotNegotiated) Exception(ExceptionResponse.StateServiceNotAllowed, ExceptionResponse.ServiceNotSupported);
            else Exception(ExceptionResponse.StateServiceNotAllowed, ExceptionResponse.PduTooLong);
        }

        private void AbortLongTransfers()
        {
            _get.Abort();
            _set.Abort();
        }

        private void Exception(int stateError, int serviceError) => ExceptionResponse.Write(_response, stateError, serviceError);

        // RLRQ ([APPLICATION 2], reason and user-information optional): the association ends, RLRE reason normal.
        private void Release()
        {
            int length = _request.Remaining >= 2 ? _request.Buffer[_request.Position + 1] : -1;
            if (length != _request.Remaining - 2)
            {
                Exception(ExceptionResponse.StateServiceUnknown, ExceptionResponse.OtherReason);
                return;
            }
            AbortLongTransfers();
            _association.Release();
            AareWriter.WriteRelease(_response);
        }

        // AARQ → AARE (Green Book, ACSE association establishment; xDLMS initiate). A new AARQ ends the association
        // in force first.
        private void Associate(int clientSap)
        {
            _association.Release();
            if (!_aarq.Parse(_request)) { Reject(AcseConstants.DiagnosticNoReasonGiven); return; }
            if (_aarq.ApplicationContext != AcseConstants.ContextLnNoCiphering)
            {
                Reject(AcseConstants.DiagnosticContextNotSupported);
                return;
            }
            bool management = clientSap == _settings.ManagementClientSap;
            if (!management && clientSap != _settings.PublicClientSap) { Reject(AcseConstants.DiagnosticNoReasonGiven); return; }
            int mechanism = _aarq.Mechanism;
            if (management)
            {
                // The management client must authenticate with LLS (a password).
                if (mechanism == -1 || mechanism == AcseConstants.MechanismLowest || (mechanism == AcseConstants.MechanismLow && _aarq.PasswordOffset < 0))
                {
                    Reject(AcseConstants.DiagnosticAuthenticationRequired);
                    return;
                }
                if (mechanism != AcseConstants.MechanismLow) { Reject(AcseConstants.DiagnosticMechanismNotRecognised); return; }
            }
            else if (mechanism != -1 && mechanism != AcseConstants.MechanismLowest)
            {
                Reject(AcseConstants.DiagnosticMechanismNotRecognised); // the public client has no security
                return;
            }
            if (_aarq.UserInformationOffset < 0) { Reject(AcseConstants.DiagnosticNoReasonGiven); return; }
            _userInformation.Reset(_request.Buffer, _aarq.UserInformationOffset, _aarq.UserInformationLength);
            int conformance = 0;
            int initiateError = CheckInitiate(ref conformance);
            if (initiateError >= 0)
            {
                Answer(AcseConstants.ResultRejectedPermanent, AcseConstants.DiagnosticNoReasonGiven, -1,
                    AareWriter.UserInformationError, initiateError);
                return;
            }
            // The password last, so that a request refused for other reasons does not count as a wrong password.
            if (management && !_passwords.Check(clientSap, _request.Buffer, _aarq.PasswordOffset, _aarq.PasswordLength))
            {
                Reject(AcseConstants.DiagnosticAuthenticationFailure);
                return;
            }
            if (!management) mechanism = AcseConstants.MechanismLowest;
            _association.Establish(clientSap, !management, mechanism, conformance, _initiate.ClientMaxReceivePduSize);
            Answer(AcseConstants.ResultAccepted, AcseConstants.DiagnosticNull, management ? mechanism : -1,
                AareWriter.UserInformationInitiateResponse, conformance);
        }

        // The initiate error code (ConfirmedServiceError, initiate) or -1 when the InitiateRequest is acceptable.
        private int CheckInitiate(ref int conformance)
        {
            if (!_initiate.Parse(_userInformation)) return AcseConstants.InitiateOther;
            if (_initiate.DedicatedKeyPresent || !_initiate.ResponseAllowed) return AcseConstants.InitiateOther; // no ciphering; confirmed AA only
            if (_initiate.ProposedVersion < AcseConstants.DlmsVersion) return AcseConstants.InitiateVersionTooLow;
            conformance = _initiate.ProposedConformance & _settings.Conformance;
            if (conformance == 0) return AcseConstants.InitiateIncompatibleConformance;
            if (_initiate.ClientMaxReceivePduSize < MinClientPduSize) return AcseConstants.InitiatePduSizeTooShort;
            return -1;
        }

        private void Reject(int diagnostic)
            => Answer(AcseConstants.ResultRejectedPermanent, diagnostic, -1, AareWriter.UserInformationNone, 0);

        private void Answer(int result, int diagnostic, int mechanism, int userInformation, int value)
        {
            LastAssociationResult = result;
            LastAssociationDiagnostic = diagnostic;
            _response.Rewind(_response.Position - _response.Length);
            AareWriter.Write(_response, result, diagnostic, mechanism, userInformation, value, _settings.MaxReceivePduSize);
        }
    }
}
