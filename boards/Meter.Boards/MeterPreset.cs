namespace Meter.Boards
{
    /// <summary>
    /// Nameplate defaults of one meter type (nf.config "preset"): connection, currents, meter
    /// constant, S0 output and the front-end variant the board is built with for it.
    /// </summary>
    public sealed class MeterPreset
    {
        /// <summary>A preset.</summary>
        public MeterPreset(string name, int phases, int nominalVoltageVolts, int referenceCurrentMilliamps, int maxCurrentMilliamps,
                           bool transformerOperated, int meterConstantImpPerKwh, int s0ImpPerKwh, int s0PulseMilliseconds, AnalogFrontEnd frontEnd)
        {
            if (name == null) throw new System.ArgumentNullException("name");
            if (frontEnd == null) throw new System.ArgumentNullException("frontEnd");
            if (phases != 1 && phases != 3) throw new System.ArgumentOutOfRangeException("phases", "a meter has 1 or 3 phases");
            if (referenceCurrentMilliamps <= 0 || maxCurrentMilliamps < referenceCurrentMilliamps)
                throw new System.ArgumentOutOfRangeException("maxCurrentMilliamps", "need 0 < reference current <= maximum current");
            if (maxCurrentMilliamps >= frontEnd.FullScaleCurrentMilliamps)
                throw new System.ArgumentOutOfRangeException("maxCurrentMilliamps", "maximum current must stay below the front end's full scale");
            // IEC 62053-31:1998 §5.4, class A S0 output: pulse width at least 30 ms.
            if (s0PulseMilliseconds < 30) throw new System.ArgumentOutOfRangeException("s0PulseMilliseconds", "S0 pulses are at least 30 ms (IEC 62053-31)");
            Name = name;
            Phases = phases;
            NominalVoltageVolts = nominalVoltageVolts;
            ReferenceCurrentMilliamps = referenceCurrentMilliamps;
            MaxCurrentMilliamps = maxCurrentMilliamps;
            TransformerOperated = transformerOperated;
            MeterConstantImpPerKwh = meterConstantImpPerKwh;
            S0ImpPerKwh = s0ImpPerKwh;
            S0PulseMilliseconds = s0PulseMilliseconds;
            FrontEnd = frontEnd;
        }

        /// <summary>Preset name as written in nf.config.</summary>
        public string Name { get; }
        /// <summary>1 or 3.</summary>
        public int Phases { get; }
        /// <summary>Nominal phase-to-neutral voltage, V.</summary>
        public int NominalVoltageVolts { get; }
        /// <summary>Reference (Iref/In) current, mA.</summary>
        public int ReferenceCurrentMilliamps { get; }
        /// <summary>Maximum current Imax, mA.</summary>
        public int MaxCurrentMilliamps { get; }
        /// <summary><c>true</c> for a meter on external CTs (secondary quantities are registered).</summary>
        public bool TransformerOperated { get; }
        /// <summary>Test LED constant, imp/kWh.</summary>
        public int MeterConstantImpPerKwh { get; }
        /// <summary>S0 output constant, imp/kWh.</summary>
        public int S0ImpPerKwh { get; }
        /// <summary>S0 pulse width, ms.</summary>
        public int S0PulseMilliseconds { get; }
        /// <summary>Front-end variant (CT or shunt) the board is assembled with for this preset.</summary>
        public AnalogFrontEnd FrontEnd { get; }
    }
}
