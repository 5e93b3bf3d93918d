using Meter.Metrology;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The energy registers' current values (IEC 62056-61 D = 8, time integral 1): A+, A−, R+, R−
    /// in Wh (scaler 0) on the primary side, and A+ / R+ per tariff. Billing-period values are the
    /// <see cref="BillingHistory"/>'s. Presetting a register (meter exchange) is not offered: refused.
    /// </summary>
    public sealed class EnergyRegisterValues : ObisValueOwner
    {
        private readonly EnergyAccumulator _energy;
        private readonly MeterSettings _settings;

        /// <summary>Values of <paramref name="energy"/> with the tariffs of <paramref name="settings"/>.</summary>
        public EnergyRegisterValues(EnergyAccumulator energy, MeterSettings settings)
        {
            _energy = energy;
            _settings = settings;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code.D != 8) return false;
            if (code.E == 0)
            {
                if (code.C < 1 || code.C > 4) return false;
                value = _energy.EnergyIn(TotalRegister(code.C), MeterChannel.Total, true, 0);
                return true;
            }
            int tariff = code.E - 1;
            if (tariff >= _settings.TariffCount) return false;
            if (code.C == 1) { value = _energy.ReadTariffActiveImport(tariff, true, 0); return true; }
            if (code.C == 3) { value = _energy.ReadTariffReactiveImport(tariff, true, 0); return true; }
            return false; // no per-tariff export registers in Meter.Metrology
        }

        // C = 1 … 4 (IEC 62056-61 Table 8): A+, A−, R+, R−.
        private static EnergyRegister TotalRegister(int c)
        {
            if (c == 1) return EnergyRegister.ActiveImport;
            if (c == 2) return EnergyRegister.ActiveExport;
            if (c == 3) return EnergyRegister.ReactiveImport;
            return EnergyRegister.ReactiveExport;
        }
    }
}
