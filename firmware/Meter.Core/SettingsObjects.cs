using Meter.Obis;
using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// OBIS codes of the optical-port settings that have no standard object in
    /// <see cref="StandardObjects"/>: manufacturer-specific group C = 128 with A = 0 (IEC 62056-61
    /// §7.3.3: C = 128…199 manufacturer specific; A = 0 keeps them apart from the 1-0:128.K.P
    /// calibration registers). Also which writes <see cref="SettingsWriter"/> logs itself.
    /// </summary>
    public static class SettingsObjects
    {
        /// <summary>0-0:128.1.0 billing target day GG (1..28).</summary>
        public static readonly ObisCode BillingTargetDay = new ObisCode(0, 0, 128, 1, 0, 255);
        /// <summary>0-0:128.2.0 debiting interval code HH (00..24).</summary>
        public static readonly ObisCode BillingIntervalCode = new ObisCode(0, 0, 128, 2, 0, 255);
        /// <summary>0-0:128.3.0 identification text of the optical port's identification message.</summary>
        public static readonly ObisCode Identification = new ObisCode(0, 0, 128, 3, 0, 255);

        /// <summary>0-0:13.0.0 working-day tariff switching list, written entry by entry (as tools/MeterTool MeterAddresses.TariffTable).</summary>
        public static readonly ObisCode TariffTable = new ObisCode(0, 0, 13, 0, 0, 255);

        /// <summary>Objects <see cref="ObisBindings.CreateTable"/> adds from here (the four above and the P1 password).</summary>
        public const int Count = 5;

        /// <summary>True for the settings whose writes <see cref="SettingsWriter"/> logs with old and new value.</summary>
        public static bool IsLoggedBySettingsWriter(ObisCode code)
        {
            return code == StandardObjects.PulseFigure || code == StandardObjects.CtRatio || code == StandardObjects.MeterNumber
                || code == BillingTargetDay || code == BillingIntervalCode || code == Identification || code == TariffTable
                || code == PasswordObject.CodeForLevel(1);
        }
    }
}
