namespace Meter.Core
{
    /// <summary>
    /// Detail byte of <see cref="Meter.Storage.EventKind.MetrologyFault"/> events: which fault the
    /// ADE7880 driver or the pulse engine reported. One event per episode: a fault that persists
    /// over many cycles (a chip that does not answer) is logged when it starts, again only after a
    /// good cycle, so it cannot wear the event log.
    /// </summary>
    public static class MetrologyFaultDetail
    {
        /// <summary>The chip had reset by itself (STATUS1.RSTDONE, ADE7880 data sheet Rev. C "Interrupts"): re-initialised, the energy since the previous cycle lost. Old: STATUS1; new: resets recovered so far.</summary>
        public const int ChipReset = 1;

        /// <summary>The configuration checksum changed (STATUS1.CRC, data sheet "Configuration Register Protection"): re-initialised. Old: STATUS1; new: resets recovered so far.</summary>
        public const int ConfigurationChanged = 2;

        /// <summary>The chip does not answer on SPI (LAST_ADD check or no reset done). Old/new: 0; the cycles' energy stays in the chip.</summary>
        public const int NotResponding = 3;

        /// <summary>Start-up verification failed: a configuration register or the checksum read back wrong. Old: register address; new: the value read.</summary>
        public const int ConfigurationNotVerified = 4;

        /// <summary>A register read could not be verified against LAST_RWDATA (noisy SPI link). Old: register address.</summary>
        public const int ReadNotVerified = 5;

        /// <summary>Energy register reads of a cycle failed verification and were counted as zero. New: reads failed in that cycle.</summary>
        public const int EnergyReadsNotVerified = 6;

        /// <summary>
        /// S0 pulse backlog overrun (IEC 62053-31 output at its maximum rate; Meter.Metrology PulseOutput): pulses
        /// beyond the bounded backlog were dropped. Old: pulses dropped so far; new: overrun cycles so far.
        /// </summary>
        public const int PulseBacklogOverrun = 16;
    }
}
