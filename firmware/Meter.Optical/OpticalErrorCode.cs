namespace Meter.Optical
{
    /// <summary>
    /// Texts of the error messages "STX (ERnn) ETX BCC" (IEC 62056-21:2002 §6.3.10: an error
    /// message is a data set without address whose content is manufacturer-specific; the
    /// standard recommends texts that cannot be mistaken for data). This meter's codes:
    /// </summary>
    public static class OpticalErrorCode
    {
        /// <summary>Command not supported (P2, R2..R6, W2..W5, E2, unknown).</summary>
        public const string UnsupportedCommand = "ER01";
        /// <summary>Wrong password.</summary>
        public const string WrongPassword = "ER02";
        /// <summary>R1/W1 before a successful P1.</summary>
        public const string NotLoggedIn = "ER03";
        /// <summary>Port locked after repeated wrong passwords.</summary>
        public const string PortLocked = "ER04";
        /// <summary>No object with that OBIS code.</summary>
        public const string UnknownObject = "ER05";
        /// <summary>Object is read-only.</summary>
        public const string ReadOnly = "ER06";
        /// <summary>Password level too low for the object.</summary>
        public const string AccessDenied = "ER07";
        /// <summary>Legal data: seal / programming switch closed.</summary>
        public const string SealClosed = "ER08";
        /// <summary>Value text malformed for the object; also an R1 list entry number that is not two digits.</summary>
        public const string InvalidFormat = "ER09";
        /// <summary>Value outside the object's range; also the R1 list entry number 00 (entries are 01..99).</summary>
        public const string OutOfRange = "ER10";
        /// <summary>Value text too long.</summary>
        public const string TooLong = "ER11";
        /// <summary>Value refused by its owner.</summary>
        public const string Rejected = "ER12";
        /// <summary>Command data malformed (no "address(value)" shape, no STX).</summary>
        public const string MalformedCommand = "ER13";

        /// <summary>The error a refused write answers (also the event detail of a refused COSEM SET).</summary>
        public static string ForWriteResult(Meter.Obis.ObisWriteResult result)
        {
            switch (result)
            {
                case Meter.Obis.ObisWriteResult.UnknownObject: return UnknownObject;
                case Meter.Obis.ObisWriteResult.ReadOnly: return ReadOnly;
                case Meter.Obis.ObisWriteResult.AccessDenied: return AccessDenied;
                case Meter.Obis.ObisWriteResult.SealClosed: return SealClosed;
                case Meter.Obis.ObisWriteResult.InvalidFormat: return InvalidFormat;
                case Meter.Obis.ObisWriteResult.OutOfRange: return OutOfRange;
                case Meter.Obis.ObisWriteResult.TooLong: return TooLong;
                default: return Rejected;
            }
        }

        /// <summary>The number nn of an error text "ERnn" of this class (the detail of a refused write's event).</summary>
        public static int NumberOf(string error)
        {
            return (error[2] - '0') * 10 + (error[3] - '0');
        }
    }
}
