using Meter.Obis;

namespace Meter.Optical
{
    /// <summary>
    /// The default readout: identification, clock (also as local time 0.9.1 and date 0.9.2) and status, the billing counter, energies total and
    /// per tariff with three billing periods for active energy, maximum demand with times,
    /// current demand, instantaneous values and frequency (the objects of <see cref="StandardObjects"/>).
    /// </summary>
    public static class DefaultReadout
    {
        /// <summary>Billing periods sent for the billing-relevant registers.</summary>
        public const int BillingPeriods = 3;

        /// <summary>Creates the default readout list.</summary>
        public static ReadoutList Create()
        {
            var list = new ReadoutList(32);
            list.Add(StandardObjects.MeterNumber);
            list.Add(StandardObjects.Clock);
            list.Add(StandardObjects.LocalTime);  // D0 readers expect time and date as 0.9.1 / 0.9.2 (VDEW)
            list.Add(StandardObjects.LocalDate);
            list.Add(StandardObjects.ErrorRegister);
            list.Add(StandardObjects.StatusRegister);
            list.Add(StandardObjects.BillingPeriodCounter);
            list.Add(StandardObjects.ActiveImport, BillingPeriods);
            list.Add(StandardObjects.ActiveImportT1, BillingPeriods);
            list.Add(StandardObjects.ActiveImportT2, BillingPeriods);
            list.Add(StandardObjects.ActiveExport, BillingPeriods);
            list.Add(StandardObjects.ReactiveImport);
            list.Add(StandardObjects.ReactiveExport);
            list.Add(StandardObjects.MaximumDemandImport, BillingPeriods);
            list.Add(StandardObjects.CurrentDemandImport);
            list.Add(StandardObjects.ActivePower);
            list.Add(StandardObjects.VoltageL1);
            list.Add(StandardObjects.VoltageL2);
            list.Add(StandardObjects.VoltageL3);
            list.Add(StandardObjects.CurrentL1);
            list.Add(StandardObjects.CurrentL2);
            list.Add(StandardObjects.CurrentL3);
            list.Add(StandardObjects.Frequency);
            return list;
        }
    }
}
