namespace Meter.Dlms
{
    /// <summary>
    /// Tags of the Data CHOICE (IEC 62056-5-3 / Green Book, "Data" type in the xDLMS ASN.1; A-XDR encoding
    /// IEC 61334-6): the first byte of every encoded value.
    /// </summary>
    public static class AxdrType
    {
        public const byte NullData = 0;
        public const byte Array = 1;
        public const byte Structure = 2;
        public const byte Boolean = 3;
        public const byte BitString = 4;
        public const byte DoubleLong = 5;          // Integer32
        public const byte DoubleLongUnsigned = 6;  // Unsigned32
        public const byte OctetString = 9;
        public const byte VisibleString = 10;
        public const byte Integer = 15;            // Integer8
        public const byte Long = 16;               // Integer16
        public const byte Unsigned = 17;           // Unsigned8
        public const byte LongUnsigned = 18;       // Unsigned16
        public const byte Long64 = 20;
        public const byte Long64Unsigned = 21;
        public const byte Enum = 22;

        /// <summary>COSEM date-time is an octet-string of 12 bytes (Blue Book, "Date and time formats").</summary>
        public const int DateTimeLength = 12;

        /// <summary>Size of the fixed-length content of an integer type; 0 for the other tags.</summary>
        public static int FixedSize(int tag)
        {
            switch (tag)
            {
                case Boolean: case Integer: case Unsigned: case Enum: return 1;
                case Long: case LongUnsigned: return 2;
                case DoubleLong: case DoubleLongUnsigned: return 4;
                case Long64: case Long64Unsigned: return 8;
                default: return 0;
            }
        }
    }
}
