using Meter.Metrology;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// Ranges of the settings writable over the optical port; the same checks guard a W1 write
    /// and a settings record read back at boot.
    /// </summary>
    public static class SettingsRules
    {
        /// <summary>Smallest CT primary current, A (issue 4: 5/5 A … 3000/5 A).</summary>
        public const int MinimumCtPrimaryAmps = 5;

        /// <summary>S0 pulse figure 1 … 100 000 imp/kWh (Meter.Metrology PulseOutputSettings limits).</summary>
        public static bool IsPulseFigure(long value)
        {
            return value >= PulseOutputSettings.MinimumImpulsesPerKilowattHour && value <= PulseOutputSettings.MaximumImpulsesPerKilowattHour;
        }

        /// <summary>Billing target day GG 01 … 28 (Kamstrup 351 "Configuration 2"; Meter.Storage PeriodSchedule.ForBilling).</summary>
        public static bool IsBillingTargetDay(long value)
        {
            return value >= 1 && value <= 28;
        }

        /// <summary>Debiting interval code HH 00 … 24 (Meter.Storage PeriodSchedule.ForBilling).</summary>
        public static bool IsBillingIntervalCode(long value)
        {
            return value >= 0 && value <= 24;
        }

        /// <summary>CT primary 5 … 3000 A for the 5 A secondary (Kamstrup 351 "Transformer ratio"; Meter.Metrology CurrentTransformerRatio).</summary>
        public static bool IsCtPrimary(long value)
        {
            return value >= MinimumCtPrimaryAmps && value <= CurrentTransformerRatio.MaximumPrimaryAmpsFor5A;
        }

        /// <summary>1 … 16 value characters (IEC 62056-21 §6.5: printable, no "(", ")", "*", "/", "!").</summary>
        public static bool IsText(string value)
        {
            if (value == null || value.Length == 0 || value.Length > SettingsRecord.TextLength) return false;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c >= 128 || !TextDataObject.IsValueCharacter((byte)c)) return false;
            }
            return true;
        }
    }
}
