namespace Meter.Hal
{
    /// <summary>
    /// A serial link whose character format can change while open: the optical port runs 7E1 for IEC 62056-21 and
    /// 8N1 for HDLC once mode E is agreed (IEC 62056-21:2002 Annex E). A link without it carries 8-bit bytes as they are
    /// (a TCP stand-in).
    /// </summary>
    public interface ISerialCharacterFormat
    {
        /// <summary>The format of both directions; set it only when nothing is being sent (as the baud rate).</summary>
        SerialCharacterFormat CharacterFormat { get; set; }
    }
}
