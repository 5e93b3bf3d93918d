namespace Meter.Hal
{
    /// <summary>
    /// How a metering chip's measurement codes (<see cref="PhaseMeasurements"/>) convert to units, in integer
    /// arithmetic: linear codes against the full-scale inputs. Display, readout and voltage quality only;
    /// energy uses <see cref="EnergyPerCount"/>.
    /// </summary>
    public sealed class MeasurementScale
    {
        private readonly long _fullScaleRmsCode;
        private readonly long _fullScalePowerCode;
        private readonly long _powerCodeMultiplier;
        private readonly long _periodClockHz;

        /// <summary>Creates the scale from the chip's data-sheet constants.</summary>
        /// <param name="fullScaleRmsCode">Rms code of a full-scale sine.</param>
        /// <param name="fullScalePowerCode">Power code × <paramref name="powerCodeMultiplier"/> at full-scale in-phase voltage and current.</param>
        /// <param name="powerCodeMultiplier">Factor from an instantaneous power register code to the power code.</param>
        /// <param name="periodClockHz">Clock of the period and angle measurements, Hz.</param>
        public MeasurementScale(long fullScaleRmsCode, long fullScalePowerCode, long powerCodeMultiplier, long periodClockHz)
        {
            _fullScaleRmsCode = fullScaleRmsCode;
            _fullScalePowerCode = fullScalePowerCode;
            _powerCodeMultiplier = powerCodeMultiplier;
            _periodClockHz = periodClockHz;
        }

        /// <summary>Rms code of a full-scale sine.</summary>
        public long FullScaleRmsCode { get { return _fullScaleRmsCode; } }

        /// <summary>Clock of the period and angle measurements, Hz.</summary>
        public long PeriodClockHz { get { return _periodClockHz; } }

        /// <summary>Rms code → mV (or mA with the full-scale current).</summary>
        public long RmsToMilli(int code, int fullScaleMilli)
        {
            return (long)code * fullScaleMilli / _fullScaleRmsCode;
        }

        /// <summary>Instantaneous power code → µW for the full-scale voltage (mV) and current (mA); within 64 bits (2^25 × 2^19 before the division).</summary>
        public long PowerToMicrowatts(int code, int fullScaleMillivolts, int fullScaleMilliamps)
        {
            return _powerCodeMultiplier * code * fullScaleMillivolts / _fullScalePowerCode * fullScaleMilliamps;
        }

        /// <summary>Period code → line frequency in mHz; 0 for a zero period.</summary>
        public long PeriodToMillihertz(int period)
        {
            if (period <= 0) return 0;
            return _periodClockHz * 1000 / period;
        }

        /// <summary>Angle code and period code → angle in hundredths of a degree.</summary>
        public long AngleToCentidegrees(int angleTicks, int period)
        {
            if (period <= 0) return 0;
            return (long)angleTicks * 36000 / period;
        }
    }
}
