namespace Meter.Hal.Ade7880
{
    /// <summary>Access of a register (ADE7880 data sheet Rev. A, Tables 30–33, column R/W).</summary>
    public enum RegisterAccess
    {
        /// <summary>Not an allocated register: writes are ignored.</summary>
        Unallocated = 0,
        /// <summary>Read only.</summary>
        ReadOnly,
        /// <summary>Read and write.</summary>
        ReadWrite,
        /// <summary>Write only (the DSP RAM protection registers).</summary>
        WriteOnly,
    }
}
