namespace Meter.Dlms
{
    /// <summary>
    /// The control field of HDLC frame type 3 (IEC 62056-46 / Green Book 8.4, ISO/IEC 13239),
    /// bit 0 sent first: I frame xxxP xxx0 (N(R) in bits 5..7, P/F bit 4, N(S) bits 1..3), S frames
    /// RR / RNR with N(R), U frames without sequence numbers.
    /// </summary>
    public static class HdlcControl
    {
        /// <summary>The poll (command) / final (response) bit.</summary>
        public const byte PollFinal = 0x10;

        /// <summary>Receive ready (S frame), without N(R) and P/F.</summary>
        public const byte RR = 0x01;
        /// <summary>Receive not ready (S frame), without N(R) and P/F.</summary>
        public const byte RNR = 0x05;

        /// <summary>Set normal response mode (U command), without P.</summary>
        public const byte SNRM = 0x83;
        /// <summary>Disconnect (U command).</summary>
        public const byte DISC = 0x43;
        /// <summary>Unnumbered acknowledge (U response).</summary>
        public const byte UA = 0x63;
        /// <summary>Disconnected mode (U response).</summary>
        public const byte DM = 0x0F;
        /// <summary>Frame reject (U response).</summary>
        public const byte FRMR = 0x87;
        /// <summary>Unnumbered information (U command or response).</summary>
        public const byte UI = 0x03;

        /// <summary>True for an information frame (bit 0 = 0).</summary>
        public static bool IsInformation(byte control) => (control & 0x01) == 0;

        /// <summary>True for a supervisory frame (bits 0..1 = 01).</summary>
        public static bool IsSupervisory(byte control) => (control & 0x03) == 0x01;

        /// <summary>The frame kind without sequence numbers and P/F: 0x00 for I frames, RR / RNR / 0x09 / 0x0D for
        /// S frames, the U code (SNRM, DISC, ...) otherwise.</summary>
        public static byte Kind(byte control)
        {
            if (IsInformation(control)) return 0x00;
            if (IsSupervisory(control)) return (byte)(control & 0x0F);
            return (byte)(control & 0xEF);
        }

        /// <summary>The P/F bit.</summary>
        public static bool IsPollFinal(byte control) => (control & PollFinal) != 0;

        /// <summary>N(S) of an I frame.</summary>
        public static int SendSequence(byte control) => (control >> 1) & 0x07;

        /// <summary>N(R) of an I or S frame.</summary>
        public static int ReceiveSequence(byte control) => (control >> 5) & 0x07;

        /// <summary>An I frame's control field.</summary>
        public static byte Information(int sendSequence, int receiveSequence, bool pollFinal)
            => (byte)(((receiveSequence & 0x07) << 5) | (pollFinal ? PollFinal : 0) | ((sendSequence & 0x07) << 1));

        /// <summary>An S frame's control field (kind = RR or RNR).</summary>
        public static byte Supervisory(byte kind, int receiveSequence, bool pollFinal)
            => (byte)(((receiveSequence & 0x07) << 5) | (pollFinal ? PollFinal : 0) | kind);

        /// <summary>A U frame's control field.</summary>
        public static byte Unnumbered(byte kind, bool pollFinal) => (byte)(kind | (pollFinal ? PollFinal : 0));
    }
}
