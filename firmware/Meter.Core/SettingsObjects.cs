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

        /// <summary>
        /// 0-0:128.4.0 tariff control (<see cref="TariffControlSetting"/>: 000 timetable, 1DD module inputs,
        /// 200 register control). IEC 62056-61 has no object for the tariff source: 0-0:13.0.0 (activity
        /// calendar) is the timetable itself, 0-0:96.14.0 the active tariff and 0-0:96.3.x the state of the
        /// I/O control signals, not their configuration; so the next free code of this group.
        /// </summary>
        public static readonly ObisCode TariffControl = new ObisCode(0, 0, 128, 4, 0, 255);

        /// <summary>0-0:128.5.0 device address of the sign-on "/?address!" (<see cref="DeviceAddressSetting"/>; DLMS: IEC local port setup 0-0:20.0.0 device_addr).</summary>
        public static readonly ObisCode DeviceAddress = new ObisCode(0, 0, 128, 5, 0, 255);

        /// <summary>0-0:13.0.0 working-day tariff switching list, written entry by entry (as tools/MeterTool MeterAddresses.TariffTable).</summary>
        public static readonly ObisCode TariffTable = new ObisCode(0, 0, 13, 0, 0, 255);

        /// <summary>Objects <see cref="MeterObjectTable.Declare"/> adds from here (the six above and the P1 password).</summary>
        public const int Count = 7;

        /// <summary>True for the settings whose writes <see cref="SettingsWriter"/> logs with old and new value.</summary>
        public static bool IsLoggedBySettingsWriter(ObisCode code)
        {
            return code == StandardObjects.PulseFigure || code == StandardObjects.CtRatio || code == StandardObjects.MeterNumber
                || code == BillingTargetDay || code == BillingIntervalCode || code == Identification || code == TariffTable || code == TariffControl
                || code == DeviceAddress
                || code == PasswordObject.CodeForLevel(1);
        }
    }
}
