namespace Meter.Dlms
{
    /// <summary>
    /// Values of the ACSE fields DLMS/COSEM uses (Green Book, ACSE APDUs: AARQ/AARE, "Application context names"
    /// and "Authentication mechanism names"; object identifiers under {joint-iso-ccitt(2) country(16) country-name(756)
    /// identified-organization(5) DLMS-UA(8)}).
    /// </summary>
    public static class AcseConstants
    {
        /// <summary>BER of 2.16.756.5.8: the common prefix of the DLMS UA object identifiers.</summary>
        public static readonly byte[] DlmsUaOidPrefix = { 0x60, 0x85, 0x74, 0x05, 0x08 };
        /// <summary>Arc after the prefix: application-context-name (1) or mechanism-name (2).</summary>
        public const int ContextArc = 1, MechanismArc = 2;

        /// <summary>Application context: Logical_Name_Referencing_No_Ciphering (2.16.756.5.8.1.1).</summary>
        public const int ContextLnNoCiphering = 1;

        /// <summary>Mechanism names: lowest level security (…2.0), low level security (…2.1).</summary>
        public const int MechanismLowest = 0, MechanismLow = 1;

        /// <summary>Association-result.</summary>
        public const int ResultAccepted = 0, ResultRejectedPermanent = 1, ResultRejectedTransient = 2;

        /// <summary>Associate-source-diagnostic, acse-service-user [1].</summary>
        public const int DiagnosticNull = 0, DiagnosticNoReasonGiven = 1, DiagnosticContextNotSupported = 2,
            DiagnosticMechanismNotRecognised = 11, DiagnosticMechanismRequired = 12,
            DiagnosticAuthenticationFailure = 13, DiagnosticAuthenticationRequired = 14;

        /// <summary>ConfirmedServiceError initiateError [1] / ServiceError initiate [6] values.</summary>
        public const int InitiateOther = 0, InitiateVersionTooLow = 1, InitiateIncompatibleConformance = 2,
            InitiatePduSizeTooShort = 3;

        /// <summary>The DLMS version this server speaks (Green Book: DLMS version 6).</summary>
        public const int DlmsVersion = 6;

        /// <summary>VAA-name of the InitiateResponse for LN referencing.</summary>
        public const int VaaNameLn = 0x0007;
    }
}
