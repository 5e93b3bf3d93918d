namespace Meter.Obis
{
    /// <summary>
    /// Who owns the values of the <see cref="StandardObjects"/>: for each group the source its
    /// reads go to and (for writable objects) the target its validated writes go to. A meter
    /// names its components here; a test or a sample puts one store behind all (<see cref="AllIn"/>).
    /// </summary>
    public sealed class StandardObjectOwners
    {
        /// <summary>Meter number, firmware version, meter constant, S0 pulse figure, CT ratio.</summary>
        public IObisValueSource Settings;
        /// <summary>Writes of the meter number, meter constant, pulse figure and CT ratio.</summary>
        public IObisValueTarget SettingsTarget;
        /// <summary>The clock and its local time and date parts.</summary>
        public IObisValueSource Clock;
        /// <summary>Setting the clock.</summary>
        public IObisValueTarget ClockTarget;
        /// <summary>Error register and status word.</summary>
        public IObisValueSource Status;
        /// <summary>The active tariff.</summary>
        public IObisValueSource Tariff;
        /// <summary>Commanding the tariff.</summary>
        public IObisValueTarget TariffTarget;
        /// <summary>The integration period.</summary>
        public IObisValueSource Period;
        /// <summary>Changing the integration period.</summary>
        public IObisValueTarget PeriodTarget;
        /// <summary>Billing period counter and the billing-period values (F = VZ) of energy and maximum demand.</summary>
        public IObisValueSource Billing;
        /// <summary>Energy registers (current values).</summary>
        public IObisValueSource Energy;
        /// <summary>Presetting an energy register.</summary>
        public IObisValueTarget EnergyTarget;
        /// <summary>Maximum and current demand.</summary>
        public IObisValueSource Demand;
        /// <summary>Instantaneous power, voltages, currents and frequency.</summary>
        public IObisValueSource Instantaneous;

        /// <summary>Every value read from <paramref name="source"/> and written to <paramref name="target"/>.</summary>
        public static StandardObjectOwners AllIn(IObisValueSource source, IObisValueTarget target)
        {
            StandardObjectOwners owners = new StandardObjectOwners();
            owners.Settings = source;
            owners.Clock = source;
            owners.Status = source;
            owners.Tariff = source;
            owners.Period = source;
            owners.Billing = source;
            owners.Energy = source;
            owners.Demand = source;
            owners.Instantaneous = source;
            owners.SettingsTarget = target;
            owners.ClockTarget = target;
            owners.TariffTarget = target;
            owners.PeriodTarget = target;
            owners.EnergyTarget = target;
            return owners;
        }
    }
}
