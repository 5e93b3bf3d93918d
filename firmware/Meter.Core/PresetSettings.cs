using Meter.Boards;
using Meter.Metrology;

namespace Meter.Core
{
    /// <summary>Maps a board preset (nf.config <c>preset</c>) to the meter's settings.</summary>
    public static class PresetSettings
    {
        /// <summary>Settings for the preset named <paramref name="name"/> (ct-5-6a, direct-5-105a, single-phase-5-100a).</summary>
        /// <exception cref="System.ArgumentException">Unknown preset (the message lists the known ones).</exception>
        public static MeterSettings FromPresetName(string name)
        {
            return FromPreset(MeterPresets.ByName(name));
        }

        /// <summary>Settings for <paramref name="preset"/>: phases, front-end scaling, PGA gains, constants.</summary>
        public static MeterSettings FromPreset(MeterPreset preset)
        {
            if (preset == null) throw new System.ArgumentNullException("preset");
            MeterSettings settings = new MeterSettings();
            settings.PresetName = preset.Name;
            settings.Phases = preset.Phases;
            settings.FullScaleVoltageMillivolts = preset.FrontEnd.FullScaleVoltageMillivolts;
            settings.FullScaleCurrentMilliamps = preset.FrontEnd.FullScaleCurrentMilliamps;
            settings.NominalVoltageVolts = preset.NominalVoltageVolts;
            settings.CurrentPgaGain = preset.FrontEnd.CurrentPga;
            settings.VoltagePgaGain = preset.FrontEnd.VoltagePga;
            settings.MeterConstantImpPerKwh = preset.MeterConstantImpPerKwh;
            settings.S0ImpPerKwh = preset.S0ImpPerKwh;
            settings.S0PulseMilliseconds = preset.S0PulseMilliseconds;
            // A transformer-operated meter counts secondary energy; the CT ratio (primary/5 A) is
            // configured on site (Kamstrup 351 "Transformer ratio"), 5/5 until then.
            settings.CtPrimaryAmps = 5;
            settings.CtSecondaryAmps = 5;
            // Starting threshold (80 % of Un × Ist) for the class with the smallest Ist the meter is offered in,
            // so it starts at Ist whichever of its classes is on the nameplate: CT meters class B or C
            // (Kamstrup 351) → C, 0.001 In; direct meters class A or B (Kamstrup 382) → B, 0.004 Ib.
            settings.StartingThresholdMilliVoltAmperes = StartingThreshold.ApparentPowerMilliVoltAmperes(
                preset.TransformerOperated ? AccuracyClass.C : AccuracyClass.B,
                preset.TransformerOperated ? MeterConnectionKind.TransformerOperated : MeterConnectionKind.Direct,
                preset.ReferenceCurrentMilliamps, preset.NominalVoltageVolts * 1000L, StartingThreshold.DefaultMarginPercent);
            return settings;
        }
    }
}
