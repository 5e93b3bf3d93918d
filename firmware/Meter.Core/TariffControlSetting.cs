using Meter.Clock;

namespace Meter.Core
{
    /// <summary>
    /// The tariff-control setting (W1 of <see cref="SettingsObjects.TariffControl"/>, value
    /// <see cref="SettingsRecord.TariffControl"/> of the settings record): one code M·100 + DD.
    /// M is the mode, numbered as OMNIPOWER "Z13 Tariff control plan" numbers its external modes
    /// (001 module port control, 002 register control); M = 0 is the programmed timetable (Kamstrup
    /// 351/382 configuration 4 "OOO Tariff control table"), the default, so a record written before
    /// this setting existed (0 there) keeps timetable control. DD is the Kamstrup 351/382
    /// configuration 1 "DD Input/output configuration" code under module control and 00 otherwise:
    /// 000 timetable; 101, 102, 107..114 module inputs with DD 01, 02, 07..14 (the codes whose
    /// tariff-control column says "Module", see Meter.Clock TariffInputDecoder); 200 register
    /// control (tariff commands on 0-0:96.14.0). Z13's 000 "tariff disabled" is not offered.
    /// </summary>
    public static class TariffControlSetting
    {
        /// <summary>000: the timetable (working-day switches, weekends and holidays).</summary>
        public const int Timetable = 0;
        /// <summary>M = 1 (Z13 001): the module inputs; the code is 100 + DD.</summary>
        public const int ModuleInputs = 100;
        /// <summary>200 (Z13 002): register control, the tariff set by command.</summary>
        public const int Register = 200;

        /// <summary>True for 000, 200 and 100 + a DD code with tariff inputs (01, 02, 07..14).</summary>
        public static bool IsValid(long code)
        {
            if (code == Timetable || code == Register) return true;
            return code > ModuleInputs && code < ModuleInputs + 100 && TariffInputDecoder.HasTariffInputs((int)(code - ModuleInputs));
        }

        /// <summary>
        /// True when <paramref name="tariffCount"/> tariffs cover every tariff the valid <paramref name="code"/> can
        /// select: the 4-tariff input codes 101 / 102 need 4 (Meter.Clock TariffInputDecoder), the others 2. Without
        /// this a 2-tariff meter would register what the inputs call T3 and T4 in T2 without a word.
        /// </summary>
        public static bool FitsTariffCount(long code, int tariffCount)
        {
            if (code <= ModuleInputs || code >= Register) return true;
            return new TariffInputDecoder((int)(code - ModuleInputs)).TariffCount <= tariffCount;
        }

        /// <summary>The code of module-input control with DD code <paramref name="ddCode"/> (not checked: see <see cref="IsValid"/>).</summary>
        public static int ForInputs(int ddCode)
        {
            return ModuleInputs + ddCode;
        }

        /// <summary>
        /// Puts <paramref name="tariffs"/> under the control <paramref name="code"/> (valid) names,
        /// with <paramref name="timetable"/> as its timetable. A mode already in force is kept as it
        /// is: a rebuilt timetable under register control keeps the commanded tariff, under input
        /// control the input levels. Entering register control starts in T1 until the first command.
        /// </summary>
        public static void Apply(TariffController tariffs, int code, TariffTimetable timetable)
        {
            if (code == Timetable)
            {
                tariffs.UseTimetable(timetable);
                return;
            }
            tariffs.ReplaceTimetable(timetable);
            if (code == Register)
            {
                if (tariffs.Mode != TariffControlMode.Register) tariffs.UseRegisterControl(0);
                return;
            }
            int ddCode = code - ModuleInputs;
            if (tariffs.Mode != TariffControlMode.ModuleInputs || tariffs.Inputs.Code != ddCode) tariffs.UseInputs(ddCode);
        }
    }
}
