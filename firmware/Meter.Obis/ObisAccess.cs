namespace Meter.Obis
{
    /// <summary>How an object of the register table may be written through a programming interface.</summary>
    public enum ObisAccess
    {
        /// <summary>Never written from outside (measured values, status, billing history).</summary>
        ReadOnly = 0,

        /// <summary>Configuration: needs a login at the object's password level.</summary>
        Configuration = 1,

        /// <summary>
        /// Legal (metrologically relevant) data — calibration, meter constant, energy registers,
        /// CT ratio when locked: needs the password level AND the seal / programming switch open
        /// (MID 2014/32/EU Annex I §8.3-8.4 protection of legally relevant parameters).
        /// </summary>
        Legal = 2,
    }
}
