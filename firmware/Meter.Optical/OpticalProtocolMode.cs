namespace Meter.Optical
{
    /// <summary>Protocol mode the meter offers in its identification (IEC 62056-21:2002 §6.4).</summary>
    public enum OpticalProtocolMode
    {
        /// <summary>Mode A: readout at the initial 300 Bd, no baud switch (§6.4.1).</summary>
        A = 0,
        /// <summary>Mode B: the meter switches baud right after its identification, readout only (§6.4.2).</summary>
        B = 1,
        /// <summary>Mode C: acknowledgement/option select, then readout or programming at the selected baud (§6.4.3).</summary>
        C = 2,
    }
}
