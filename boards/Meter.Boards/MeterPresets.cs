namespace Meter.Boards
{
    /// <summary>
    /// The presets nf.config names. Voltage divider on every variant: 1 MΩ + 1 kΩ, so
    /// 230 V rms is 65 % of the 353.9 V full scale.
    /// </summary>
    public static class MeterPresets
    {
        /// <summary>Names accepted by <see cref="ByName"/> (same list as tools/Deploy's nf.config reader).</summary>
        public static readonly string[] Names = new string[] { "ct-5-6a", "direct-5-105a", "single-phase-5-100a" };

        private const int DividerTopOhms = 1000000;
        private const int DividerBottomOhms = 1000;

        /// <summary>3-phase meter on external CTs, 5(6) A (like the Kamstrup 351): internal 2000:1 CTs, 50 Ω burden, PGA ×2 → 7.07 A full scale.</summary>
        public static MeterPreset CtFiveSixAmps()
        {
            return new MeterPreset("ct-5-6a", 3, 230, 5000, 6000, true, 10000, 10000, 30,
                AnalogFrontEnd.ForCurrentTransformer(2000, 50000, 2, DividerTopOhms, DividerBottomOhms));
        }

        /// <summary>3-phase direct meter 5(105) A (like the Kamstrup 382): 2500:1 CTs, 6.8 Ω burden, PGA ×1 → 130 A full scale.</summary>
        public static MeterPreset DirectFiveHundredFiveAmps()
        {
            return new MeterPreset("direct-5-105a", 3, 230, 5000, 105000, false, 1000, 1000, 30,
                AnalogFrontEnd.ForCurrentTransformer(2500, 6800, 1, DividerTopOhms, DividerBottomOhms));
        }

        /// <summary>Single-phase direct meter 5(100) A: 150 µΩ shunt, PGA ×16 → 147 A full scale.</summary>
        public static MeterPreset SinglePhaseFiveHundredAmps()
        {
            return new MeterPreset("single-phase-5-100a", 1, 230, 5000, 100000, false, 1000, 1000, 30,
                AnalogFrontEnd.ForShunt(150, 16, DividerTopOhms, DividerBottomOhms));
        }

        /// <summary>The preset called <paramref name="name"/>; throws <see cref="System.ArgumentException"/> naming the known ones otherwise.</summary>
        public static MeterPreset ByName(string name)
        {
            if (name == "ct-5-6a") return CtFiveSixAmps();
            if (name == "direct-5-105a") return DirectFiveHundredFiveAmps();
            if (name == "single-phase-5-100a") return SinglePhaseFiveHundredAmps();
            throw new System.ArgumentException("unknown meter preset; known: ct-5-6a, direct-5-105a, single-phase-5-100a", "name");
        }
    }
}
