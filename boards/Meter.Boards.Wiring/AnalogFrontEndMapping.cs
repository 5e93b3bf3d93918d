using Meter.Hal.Ade7880;

namespace Meter.Boards.Wiring
{
    /// <summary>A board's analog front end (<see cref="AnalogFrontEnd"/>, a description) onto the ADE7880's start-up configuration.</summary>
    public static class AnalogFrontEndMapping
    {
        /// <summary>Writes the board scaling and PGA gains of <paramref name="frontEnd"/> into <paramref name="configuration"/>.</summary>
        public static void ApplyTo(AnalogFrontEnd frontEnd, Ade7880Configuration configuration)
        {
            if (frontEnd == null) throw new System.ArgumentNullException("frontEnd");
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            configuration.FullScaleVoltageMillivolts = frontEnd.FullScaleVoltageMillivolts;
            configuration.FullScaleCurrentMilliamps = frontEnd.FullScaleCurrentMilliamps;
            configuration.Gain = Ade7880Configuration.GainRegisterFor(frontEnd.CurrentPga, frontEnd.VoltagePga);
        }
    }
}
