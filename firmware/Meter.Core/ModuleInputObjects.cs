using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// OBIS codes of the pulse input and the alarm input (<see cref="ModuleInputs"/>). The pulse register is
    /// 0-1:24.2.1, shown "24.2.1": IEC 62056-61 group C = 24 holds the M-Bus/other-media values, D = 2 "M-Bus
    /// value", E = 1 the first; B = 1 the first channel — as a meter reading a water or gas meter over M-Bus shows
    /// it (DSMR uses the same code for the gas reading), so the value stays where a head-end looks for it whatever
    /// medium the pulses count. Its settings are manufacturer specific, next to the other settings (0-0:128.x.0;
    /// group C 128..199 is manufacturer specific, IEC 62056-61 §5.5): 0-0:128.20.0..3. The alarm counter
    /// is 0-0:96.51.4, after the tamper counters (<see cref="TamperObjects"/>, E = the event detail).
    /// </summary>
    public static class ModuleInputObjects
    {
        /// <summary>0-1:24.2.1 pulse-input register (class 3): pulses × 1000 / constant, unit and scaler from the unit code.</summary>
        public static readonly ObisCode PulseRegister = new ObisCode(0, 1, 24, 2, 1, 255);
        /// <summary>0-0:128.20.0 pulse constant, pulses per unit, 1..1 000 000 (W1).</summary>
        public static readonly ObisCode PulseConstant = new ObisCode(0, 0, 128, 20, 0, 255);
        /// <summary>0-0:128.20.1 pulse unit, the seeds' NN code: 0 none, 1 kWh, 2 m³, 3 L (W1).</summary>
        public static readonly ObisCode PulseUnit = new ObisCode(0, 0, 128, 20, 1, 255);
        /// <summary>0-0:128.20.2 the inputs' DD code when the tariff inputs are not in control: 00, 03, 04, 05, 18..21 (W1).</summary>
        public static readonly ObisCode InputCode = new ObisCode(0, 0, 128, 20, 2, 255);
        /// <summary>0-0:128.20.3 alarm mode: 0 off, 1 alarm (event, status, LCD), 2 alarm and disconnect request (W1).</summary>
        public static readonly ObisCode AlarmMode = new ObisCode(0, 0, 128, 20, 3, 255);
        /// <summary>0-0:96.51.4 alarm-input counter (activations over the meter's life).</summary>
        public static readonly ObisCode AlarmCounter = new ObisCode(0, 0, 96, 51, TamperDetail.AlarmInput, 255);

        /// <summary>Objects <see cref="MeterObjectTable.Declare"/> adds from here.</summary>
        public const int Count = 6;

        /// <summary>True for the settings <see cref="ModuleInputs"/> writes and logs itself.</summary>
        public static bool IsSetting(ObisCode code)
        {
            return code == PulseConstant || code == PulseUnit || code == InputCode || code == AlarmMode;
        }
    }
}
