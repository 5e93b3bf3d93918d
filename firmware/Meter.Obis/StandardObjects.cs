namespace Meter.Obis
{
    /// <summary>
    /// The OBIS codes (IEC 62056-61:2006, electricity A = 1) of a three-phase meter's standard
    /// objects, and <see cref="AddTo"/> which fills a register table with them, their scalers,
    /// units, readout formats and write rights. Other areas implement the values behind them.
    /// </summary>
    public static class StandardObjects
    {
        /// <summary>0-0:96.1.0 meter (serial) number, "C.1.0".</summary>
        public static readonly ObisCode MeterNumber = new ObisCode(0, 0, 96, 1, 0, 255);
        /// <summary>1-0:0.2.0 firmware version.</summary>
        public static readonly ObisCode FirmwareVersion = new ObisCode(1, 0, 0, 2, 0, 255);
        /// <summary>0-0:1.0.0 clock (COSEM Clock).</summary>
        public static readonly ObisCode Clock = new ObisCode(0, 0, 1, 0, 0, 255);
        /// <summary>0-0:0.9.1 local time "hhmmss" (IEC 62056-61 C = 0, D = 9; VDEW / D0 readout), from the clock.</summary>
        public static readonly ObisCode LocalTime = new ObisCode(0, 0, 0, 9, 1, 255);
        /// <summary>0-0:0.9.2 local date "YYMMDD" (IEC 62056-61 C = 0, D = 9; VDEW / D0 readout), from the clock.</summary>
        public static readonly ObisCode LocalDate = new ObisCode(0, 0, 0, 9, 2, 255);
        /// <summary>0-0:97.97.0 error register, "F.F".</summary>
        public static readonly ObisCode ErrorRegister = new ObisCode(0, 0, 97, 97, 0, 255);
        /// <summary>0-0:96.5.0 internal operating status word.</summary>
        public static readonly ObisCode StatusRegister = new ObisCode(0, 0, 96, 5, 0, 255);
        /// <summary>
        /// 0-0:96.14.0 tariff indicator: the active tariff 1..8 (the code DSMR P1 meters use);
        /// writable under register control (seeds: OMNIPOWER Z13 = 002 "Register control").
        /// </summary>
        public static readonly ObisCode ActiveTariff = new ObisCode(0, 0, 96, 14, 0, 255);
        /// <summary>1-0:0.1.0 billing period counter (VZ: the F value of the last closed period).</summary>
        public static readonly ObisCode BillingPeriodCounter = new ObisCode(1, 0, 0, 1, 0, 255);
        /// <summary>1-0:0.8.0 demand integration period, minutes.</summary>
        public static readonly ObisCode IntegrationPeriod = new ObisCode(0, 8, 0);
        /// <summary>1-0:0.3.0 active energy meter constant (test LED), imp/kWh — legal.</summary>
        public static readonly ObisCode MeterConstant = new ObisCode(0, 3, 0);
        /// <summary>1-0:0.3.3 S0 pulse output constant, imp/kWh (configuration; code assumed, see IEC 62056-61 group D=3).</summary>
        public static readonly ObisCode PulseFigure = new ObisCode(0, 3, 3);
        /// <summary>1-0:0.4.2 current transformer ratio, numerator — legal.</summary>
        public static readonly ObisCode CtRatio = new ObisCode(0, 4, 2);
        /// <summary>1-0:1.8.0 active energy import (A+), total.</summary>
        public static readonly ObisCode ActiveImport = new ObisCode(1, 8, 0);
        /// <summary>1-0:1.8.1 active energy import, tariff 1.</summary>
        public static readonly ObisCode ActiveImportT1 = new ObisCode(1, 8, 1);
        /// <summary>1-0:1.8.2 active energy import, tariff 2.</summary>
        public static readonly ObisCode ActiveImportT2 = new ObisCode(1, 8, 2);
        /// <summary>1-0:2.8.0 active energy export (A−), total. No A− per tariff (2.8.1, 2.8.2): the tariff registers
        /// are A+ and R+ (Meter.Metrology EnergyAccumulator), and the register record has no room for more without
        /// changing its length, which is part of the NV format (Meter.Core RegisterRecord).</summary>
        public static readonly ObisCode ActiveExport = new ObisCode(2, 8, 0);
        /// <summary>1-0:3.8.0 reactive energy import (R+), total.</summary>
        public static readonly ObisCode ReactiveImport = new ObisCode(3, 8, 0);
        /// <summary>1-0:4.8.0 reactive energy export (R−), total.</summary>
        public static readonly ObisCode ReactiveExport = new ObisCode(4, 8, 0);
        /// <summary>1-0:1.6.0 maximum demand, active import, with its time. No export maximum (2.6.0): the demand meter
        /// keeps P+max only (Meter.Core DemandValues).</summary>
        public static readonly ObisCode MaximumDemandImport = new ObisCode(1, 6, 0);
        /// <summary>1-0:1.4.0 current average demand, active import.</summary>
        public static readonly ObisCode CurrentDemandImport = new ObisCode(1, 4, 0);
        /// <summary>1-0:1.7.0 instantaneous active power import.</summary>
        public static readonly ObisCode ActivePower = new ObisCode(1, 7, 0);
        /// <summary>1-0:32.7.0 voltage L1.</summary>
        public static readonly ObisCode VoltageL1 = new ObisCode(32, 7, 0);
        /// <summary>1-0:52.7.0 voltage L2.</summary>
        public static readonly ObisCode VoltageL2 = new ObisCode(52, 7, 0);
        /// <summary>1-0:72.7.0 voltage L3.</summary>
        public static readonly ObisCode VoltageL3 = new ObisCode(72, 7, 0);
        /// <summary>1-0:31.7.0 current L1.</summary>
        public static readonly ObisCode CurrentL1 = new ObisCode(31, 7, 0);
        /// <summary>1-0:51.7.0 current L2.</summary>
        public static readonly ObisCode CurrentL2 = new ObisCode(51, 7, 0);
        /// <summary>1-0:71.7.0 current L3.</summary>
        public static readonly ObisCode CurrentL3 = new ObisCode(71, 7, 0);
        /// <summary>1-0:14.7.0 network frequency.</summary>
        public static readonly ObisCode Frequency = new ObisCode(14, 7, 0);

        /// <summary>Number of objects <see cref="AddTo"/> adds.</summary>
        public const int Count = 29;

        /// <summary>
        /// Adds the standard objects to <paramref name="table"/> with one owner for every value
        /// (a test store, a sample meter); see <see cref="AddTo(ObisTable, StandardObjectOwners)"/>.
        /// </summary>
        public static void AddTo(ObisTable table, IObisValueSource source, IObisValueTarget target)
        {
            AddTo(table, StandardObjectOwners.AllIn(source, target));
        }

        /// <summary>
        /// Adds the standard objects to <paramref name="table"/>, each with the owner
        /// <paramref name="owners"/> names for it. Values: energies in Wh (scaler 0, shown in kWh
        /// with 3 decimals), demand and power in W (shown in kW), voltages in 0.1 V, currents in
        /// mA, frequency in 0.01 Hz. Clock, meter number, tariff, integration period and pulse
        /// figure are configuration (level 1); energy registers, meter constant and CT ratio are
        /// legal (level 1 + seal open). Energy and maximum-demand registers keep billing values
        /// in <see cref="StandardObjectOwners.Billing"/>.
        /// </summary>
        public static void AddTo(ObisTable table, StandardObjectOwners owners)
        {
            if (table == null) throw new System.ArgumentNullException("table");
            if (owners == null) throw new System.ArgumentNullException("owners");
            var meterNumber = new TextDataObject(MeterNumber, 16, owners.Settings);
            meterNumber.AllowWrite(ObisAccess.Configuration, 1, owners.SettingsTarget);
            table.Add(meterNumber);
            table.Add(new TextDataObject(FirmwareVersion, 16, owners.Settings));
            var clock = new ClockObject(Clock, owners.Clock);
            clock.AllowWrite(ObisAccess.Configuration, 1, owners.ClockTarget);
            table.Add(clock);
            table.Add(new ClockPartObject(LocalTime, Clock, false, owners.Clock));
            table.Add(new ClockPartObject(LocalDate, Clock, true, owners.Clock));
            table.Add(new IntegerDataObject(ErrorRegister, 8, owners.Status) { Hexadecimal = true });
            table.Add(new IntegerDataObject(StatusRegister, 8, owners.Status) { Hexadecimal = true });
            table.Add(new IntegerDataObject(BillingPeriodCounter, 2, owners.Billing));
            AddInteger(table, ActiveTariff, 1, 1, 8, ObisAccess.Configuration, owners.Tariff, owners.TariffTarget);
            AddInteger(table, IntegrationPeriod, 2, 1, 60, ObisAccess.Configuration, owners.Period, owners.PeriodTarget);
            AddInteger(table, MeterConstant, 1, 1, 100000, ObisAccess.Legal, owners.Settings, owners.SettingsTarget);
            // Meter.Metrology PulseOutputSettings: 1 … 100 000 imp/kWh.
            AddInteger(table, PulseFigure, 1, 1, 100000, ObisAccess.Configuration, owners.Settings, owners.SettingsTarget);
            AddInteger(table, CtRatio, 1, 1, 10000, ObisAccess.Legal, owners.Settings, owners.SettingsTarget);
            AddEnergy(table, ActiveImport, ObisUnit.WattHour, owners.Billing, owners);
            AddEnergy(table, ActiveImportT1, ObisUnit.WattHour, owners.Billing, owners);
            AddEnergy(table, ActiveImportT2, ObisUnit.WattHour, owners.Billing, owners);
            AddEnergy(table, ActiveExport, ObisUnit.WattHour, owners.Billing, owners);
            AddEnergy(table, ReactiveImport, ObisUnit.VarHour, null, owners);
            AddEnergy(table, ReactiveExport, ObisUnit.VarHour, null, owners);
            var maximumImport = new ExtendedRegisterObject(MaximumDemandImport, ObisUnit.Watt, 0, owners.Demand) { Kilo = true, Decimals = 3, IntegerDigits = 2 };
            maximumImport.KeepBillingValuesIn(owners.Billing);
            table.Add(maximumImport);
            table.Add(new DemandRegisterObject(CurrentDemandImport, ObisUnit.Watt, 0, 900, owners.Demand)
            { Kilo = true, Decimals = 3, IntegerDigits = 2 });
            IObisValueSource now = owners.Instantaneous;
            table.Add(new RegisterObject(ActivePower, ObisUnit.Watt, 0, now) { Kilo = true, Decimals = 3, IntegerDigits = 2 });
            table.Add(new RegisterObject(VoltageL1, ObisUnit.Volt, -1, now) { Decimals = 1, IntegerDigits = 3 });
            table.Add(new RegisterObject(VoltageL2, ObisUnit.Volt, -1, now) { Decimals = 1, IntegerDigits = 3 });
            table.Add(new RegisterObject(VoltageL3, ObisUnit.Volt, -1, now) { Decimals = 1, IntegerDigits = 3 });
            table.Add(new RegisterObject(CurrentL1, ObisUnit.Ampere, -3, now) { Decimals = 2, IntegerDigits = 3 });
            table.Add(new RegisterObject(CurrentL2, ObisUnit.Ampere, -3, now) { Decimals = 2, IntegerDigits = 3 });
            table.Add(new RegisterObject(CurrentL3, ObisUnit.Ampere, -3, now) { Decimals = 2, IntegerDigits = 3 });
            table.Add(new RegisterObject(Frequency, ObisUnit.Hertz, -2, now) { Decimals = 2, IntegerDigits = 2 });
        }

        private static void AddInteger(ObisTable table, ObisCode code, int digits, long minimum, long maximum, ObisAccess access,
            IObisValueSource source, IObisValueTarget target)
        {
            var item = new IntegerDataObject(code, digits, source);
            item.SetWriteRange(minimum, maximum);
            item.AllowWrite(access, 1, target);
            table.Add(item);
        }

        private static void AddEnergy(ObisTable table, ObisCode code, ObisUnit unit, IObisValueSource billing, StandardObjectOwners owners)
        {
            var register = new RegisterObject(code, unit, 0, owners.Energy) { Kilo = true, Decimals = 3, IntegerDigits = 6 };
            if (billing != null) register.KeepBillingValuesIn(billing);
            // Presetting an energy register (meter exchange) is legal data: seal open only.
            register.SetWriteRange(0, 999999999999);
            register.AllowWrite(ObisAccess.Legal, 1, owners.EnergyTarget);
            table.Add(register);
        }
    }
}
