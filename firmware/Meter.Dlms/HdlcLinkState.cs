namespace Meter.Dlms
{
    /// <summary>The server's data link state (IEC 62056-46 / Green Book 8.4, ISO/IEC 13239 normal response mode).</summary>
    public enum HdlcLinkState
    {
        /// <summary>Normal disconnected mode (NDM): only SNRM connects.</summary>
        Disconnected = 0,
        /// <summary>Normal response mode (NRM): I frames flow.</summary>
        Connected,
        /// <summary>Frame reject condition: a FRMR was sent; only SNRM or DISC leave it.</summary>
        FrameRejected,
    }
}
