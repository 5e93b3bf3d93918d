namespace Meter.Metrology
{
    /// <summary>What a pulse output (typically the calibration LED) shows while there is no consumption.</summary>
    public enum NoLoadIndication
    {
        /// <summary>Output off between pulses and without consumption (S0 outputs).</summary>
        Off = 0,

        /// <summary>Output steadily on without consumption ("LED on without consumption").</summary>
        On = 1,
    }
}
