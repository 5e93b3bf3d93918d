namespace Meter.Core
{
    /// <summary>
    /// What the module's two inputs do under a Kamstrup 351/382 configuration 1 "DD Input/output configuration"
    /// code (seed 000, table "DD"): I/O 1 is the pulse input for 03, 04, 05, 13, 14 and 18..21 ("Pulse in",
    /// inverted for 19 and 21); I/O 2 is the alarm input for 03, 04 and 07..10 (inverted for 04, 09, 10). The
    /// codes 07..14 share the pins with the tariff inputs (Meter.Clock TariffInputDecoder), whose setting
    /// (tariff control 1DD) then names the code; the others have "Communication" tariff control and are the
    /// inputs' own setting (<see cref="IsInputsSetting"/>).
    /// </summary>
    public static class ModuleInputCode
    {
        /// <summary>True when I/O 1 is the pulse input under <paramref name="dd"/>.</summary>
        public static bool HasPulseInput(int dd)
        {
            return dd == 3 || dd == 4 || dd == 5 || dd == 13 || dd == 14 || (dd >= 18 && dd <= 21);
        }

        /// <summary>True when the pulse input counts de-energised pulses ("Pulse in inv", 19 and 21).</summary>
        public static bool PulseInverted(int dd)
        {
            return dd == 19 || dd == 21;
        }

        /// <summary>True when I/O 2 is the alarm input under <paramref name="dd"/>.</summary>
        public static bool HasAlarmInput(int dd)
        {
            return dd == 3 || dd == 4 || (dd >= 7 && dd <= 10);
        }

        /// <summary>True when the alarm is active with I/O 2 de-energised ("inv. alarm in", 04, 09, 10).</summary>
        public static bool AlarmInverted(int dd)
        {
            return dd == 4 || dd == 9 || dd == 10;
        }

        /// <summary>
        /// True for the codes the inputs' own setting takes: 00 (no function) and the "Communication" codes with a
        /// pulse or alarm input (03, 04, 05, 18..21). 07..14 are set as tariff control 1DD, which owns the pins then.
        /// </summary>
        public static bool IsInputsSetting(long dd)
        {
            return dd == 0 || dd == 3 || dd == 4 || dd == 5 || (dd >= 18 && dd <= 21);
        }
    }
}
