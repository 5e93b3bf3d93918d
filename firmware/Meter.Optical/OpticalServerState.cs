namespace Meter.Optical
{
    /// <summary>Where the optical server is in the IEC 62056-21 exchange.</summary>
    public enum OpticalServerState
    {
        /// <summary>Idle at 300 Bd, waiting for a request message "/?[address]!" CR LF.</summary>
        Idle = 0,
        /// <summary>Request accepted; the identification message is due or being sent.</summary>
        Identifying = 1,
        /// <summary>Mode C: waiting for the acknowledgement/option-select message.</summary>
        AwaitingOptionSelect = 2,
        /// <summary>Sending the readout data message (after any baud switch).</summary>
        Readout = 3,
        /// <summary>Programming mode: P0 sent, handling P1/R1/W1/B0 frames.</summary>
        Programming = 4,
        /// <summary>Mode E: "ACK 2 Z 2" was accepted; the line carries HDLC for an <see cref="IModeESession"/>.</summary>
        ModeE = 5,
    }
}
