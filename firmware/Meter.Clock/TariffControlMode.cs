namespace Meter.Clock
{
    /// <summary>
    /// How the active tariff is chosen (OMNIPOWER "Z13 Tariff control plan": 000 disabled,
    /// 001 module port control, 002 register control, otherwise a programmed timetable).
    /// </summary>
    public enum TariffControlMode
    {
        /// <summary>000: no tariffs; everything is registered in T1.</summary>
        Disabled = 0,

        /// <summary>001: external control through the module's tariff inputs (DD code).</summary>
        ModuleInputs = 1,

        /// <summary>002: register control: the tariff is set by command.</summary>
        Register = 2,

        /// <summary>A programmed timetable driven by the clock.</summary>
        Timetable = 3,
    }
}
