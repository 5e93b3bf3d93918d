namespace Meter.Obis
{
    /// <summary>
    /// COSEM Demand register (IEC 62056-62 class_id 5): the average over the running
    /// integration period (e.g. 1.4.0), shown with the start of that period as capture time.
    /// The source gives the current average as the value and the period start as capture time.
    /// Never writable (the integration period itself is a separate Data object, 0.8.0).
    /// </summary>
    public sealed class DemandRegisterObject : ExtendedRegisterObject
    {
        /// <summary>A demand register over periods of <paramref name="periodSeconds"/>.</summary>
        public DemandRegisterObject(ObisCode code, ObisUnit unit, int scaler, int periodSeconds, IObisValueSource source)
            : base(code, ObisInterfaceClass.DemandRegister, unit, scaler, source)
        {
            if (periodSeconds <= 0) throw new System.ArgumentException("period must be positive");
            PeriodSeconds = periodSeconds;
        }

        /// <summary>Integration period in seconds (COSEM attribute "period").</summary>
        public int PeriodSeconds { get; }
    }
}
