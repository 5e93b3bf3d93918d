namespace Meter.Tool.Dlms;

/// <summary>The A-XDR tags of the xDLMS Data CHOICE (Green Book, "Data"; Blue Book "Common data types").</summary>
public enum AxdrTag : byte
{
    NullData = 0, Array = 1, Structure = 2, Boolean = 3, BitString = 4, DoubleLong = 5, DoubleLongUnsigned = 6,
    OctetString = 9, VisibleString = 10, Utf8String = 12, Bcd = 13, Integer = 15, Long = 16, Unsigned = 17,
    LongUnsigned = 18, Long64 = 20, Long64Unsigned = 21, Enum = 22, Float32 = 23, Float64 = 24, DateTime = 25,
    Date = 26, Time = 27,
}
