namespace Meter.Boards
{
    /// <summary>
    /// The analog front end of one board variant: voltage divider, current sensor and the
    /// metering chip's PGA gains, and the rms mains voltage and current that drive the ADCs to full
    /// scale. The ADE7880's analog inputs take at most ±0.5 V peak differential (ADE7880 data
    /// sheet Rev. C, Specifications, "Analog Inputs: Maximum Signal Levels"), i.e.
    /// 0.5 V / √2 = 353 553 µV rms for a sine, which is <see cref="FullScalePinMicrovoltsRms"/>.
    /// Integer arithmetic, rounded to the nearest unit; calibration (gain registers) trims the rest.
    /// A description only: Meter.Boards.Wiring maps it onto the chip's configuration.
    /// </summary>
    public sealed class AnalogFrontEnd
    {
        /// <summary>Full-scale rms sine at an ADE7880 input pin pair, µV: 500 000 / √2, rounded.</summary>
        public const long FullScalePinMicrovoltsRms = 353553;

        private AnalogFrontEnd(CurrentSensor sensor, int ctTurns, int burdenMilliohms, int shuntMicroohms, int currentPga,
                               int dividerTopOhms, int dividerBottomOhms, int voltagePga)
        {
            if (!IsPga(currentPga)) throw new System.ArgumentOutOfRangeException("currentPga", "ADE7880 PGA gain is 1, 2, 4, 8 or 16");
            if (!IsPga(voltagePga)) throw new System.ArgumentOutOfRangeException("voltagePga", "ADE7880 PGA gain is 1, 2, 4, 8 or 16");
            if (dividerTopOhms <= 0 || dividerBottomOhms <= 0) throw new System.ArgumentOutOfRangeException("dividerBottomOhms", "divider resistors must be positive");
            Sensor = sensor;
            CtTurns = ctTurns;
            BurdenMilliohms = burdenMilliohms;
            ShuntMicroohms = shuntMicroohms;
            CurrentPga = currentPga;
            DividerTopOhms = dividerTopOhms;
            DividerBottomOhms = dividerBottomOhms;
            VoltagePga = voltagePga;
        }

        /// <summary>A CT front end: <paramref name="ctTurns"/>:1 CT into a differential burden of <paramref name="burdenMilliohms"/> mΩ.</summary>
        public static AnalogFrontEnd ForCurrentTransformer(int ctTurns, int burdenMilliohms, int currentPga, int dividerTopOhms, int dividerBottomOhms)
        {
            if (ctTurns <= 0) throw new System.ArgumentOutOfRangeException("ctTurns", "CT turns ratio must be positive");
            if (burdenMilliohms <= 0) throw new System.ArgumentOutOfRangeException("burdenMilliohms", "burden must be positive");
            return new AnalogFrontEnd(CurrentSensor.CurrentTransformer, ctTurns, burdenMilliohms, 0, currentPga, dividerTopOhms, dividerBottomOhms, 1);
        }

        /// <summary>A shunt front end: <paramref name="shuntMicroohms"/> µΩ shunt.</summary>
        public static AnalogFrontEnd ForShunt(int shuntMicroohms, int currentPga, int dividerTopOhms, int dividerBottomOhms)
        {
            if (shuntMicroohms <= 0) throw new System.ArgumentOutOfRangeException("shuntMicroohms", "shunt must be positive");
            return new AnalogFrontEnd(CurrentSensor.Shunt, 0, 0, shuntMicroohms, currentPga, dividerTopOhms, dividerBottomOhms, 1);
        }

        /// <summary>Current sensor kind.</summary>
        public CurrentSensor Sensor { get; }
        /// <summary>CT turns ratio N (N:1); 0 for a shunt.</summary>
        public int CtTurns { get; }
        /// <summary>Differential burden across the CT secondary, mΩ; 0 for a shunt.</summary>
        public int BurdenMilliohms { get; }
        /// <summary>Shunt resistance, µΩ; 0 for a CT.</summary>
        public int ShuntMicroohms { get; }
        /// <summary>PGA1 gain of the phase current channels.</summary>
        public int CurrentPga { get; }
        /// <summary>Voltage divider upper resistance (mains side), Ω.</summary>
        public int DividerTopOhms { get; }
        /// <summary>Voltage divider lower resistance (across the ADC input), Ω.</summary>
        public int DividerBottomOhms { get; }
        /// <summary>PGA3 gain of the voltage channels.</summary>
        public int VoltagePga { get; }

        /// <summary>
        /// Rms mains voltage at ADC full scale, mV: 353 553 µV × (top + bottom) / bottom / PGA3.
        /// </summary>
        public int FullScaleVoltageMillivolts
        {
            get
            {
                long numerator = FullScalePinMicrovoltsRms * ((long)DividerTopOhms + DividerBottomOhms);
                long denominator = (long)DividerBottomOhms * VoltagePga * 1000;
                return (int)RoundedQuotient(numerator, denominator);
            }
        }

        /// <summary>
        /// Rms phase current at ADC full scale, mA. CT: 353 553 µV / burden (mΩ) × turns / PGA1
        /// (µV / mΩ = mA). Shunt: 353 553 µV × 1000 / shunt (µΩ) / PGA1 (µV / µΩ = A).
        /// </summary>
        public int FullScaleCurrentMilliamps
        {
            get
            {
                if (Sensor == CurrentSensor.CurrentTransformer)
                    return (int)RoundedQuotient(FullScalePinMicrovoltsRms * CtTurns, (long)BurdenMilliohms * CurrentPga);
                return (int)RoundedQuotient(FullScalePinMicrovoltsRms * 1000, (long)ShuntMicroohms * CurrentPga);
            }
        }

        private static bool IsPga(int gain)
        {
            return gain == 1 || gain == 2 || gain == 4 || gain == 8 || gain == 16;
        }

        private static long RoundedQuotient(long numerator, long denominator)
        {
            return (numerator + denominator / 2) / denominator;
        }
    }
}
