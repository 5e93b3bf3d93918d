namespace Meter.Obis
{
    /// <summary>COSEM interface class ids (IEC 62056-62:2006 §4) the register table's objects are modelled on.</summary>
    public enum ObisInterfaceClass : ushort
    {
        /// <summary>Data (class_id 1): one value.</summary>
        Data = 1,
        /// <summary>Register (class_id 3): value + scaler_unit.</summary>
        Register = 3,
        /// <summary>Extended register (class_id 4): + status and capture_time.</summary>
        ExtendedRegister = 4,
        /// <summary>Demand register (class_id 5): current/last average over a period.</summary>
        DemandRegister = 5,
        /// <summary>Profile generic (class_id 7): a buffer of captured objects.</summary>
        ProfileGeneric = 7,
        /// <summary>Clock (class_id 8).</summary>
        Clock = 8,
        /// <summary>Special days table (class_id 11): dates with their own day profile (holidays).</summary>
        SpecialDaysTable = 11,
        /// <summary>Activity calendar (class_id 20): the tariff switching times.</summary>
        ActivityCalendar = 20,
    }
}
