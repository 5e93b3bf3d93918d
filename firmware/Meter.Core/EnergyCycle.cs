namespace Meter.Core
{
    /// <summary>
    /// One metering cycle: clock → tariff → chip read → registers → S0 → demand (MeteringCycle),
    /// then instantaneous values and metrology events, then the register save when a register
    /// crossed its save step (or the demand record when an integration period closed). No allocation.
    /// </summary>
    public sealed class EnergyCycle
    {
        private readonly MeterTime _time;
        private readonly TariffSelection _tariffs;
        private readonly MeteringCycle _metering;
        private readonly MetrologyEventLog _log;
        private readonly RegisterPersistence _registers;
        private int _cyclesSinceMeasurement;
        private PowerQualityRecorder _quality;

        /// <summary>Runs <paramref name="metering"/> at the <paramref name="time"/> with the tariff of <paramref name="tariffs"/>.</summary>
        public EnergyCycle(MeterTime time, TariffSelection tariffs, MeteringCycle metering, MetrologyEventLog log, RegisterPersistence registers)
        {
            _time = time;
            _tariffs = tariffs;
            _metering = metering;
            _log = log;
            _registers = registers;
        }

        /// <summary>Cycles between reads of the instantaneous values (rms, power, frequency); 1 = every cycle.</summary>
        public int MeasurementIntervalCycles { get; set; } = 1;

        /// <summary>Fed with every read of the instantaneous values (null: quality measurement off).</summary>
        public PowerQualityRecorder Quality { get { return _quality; } set { _quality = value; } }

        /// <summary>The cycle at <paramref name="nowMs"/> (energy-ready interrupt or the cycle timer).</summary>
        public void Run(long nowMs)
        {
            ReadEnergy(nowMs);
            bool due = ++_cyclesSinceMeasurement >= MeasurementIntervalCycles;
            if (due) _cyclesSinceMeasurement = 0;
            if (_log.AfterCycle(due) && _quality != null) _quality.Sample(_time.UtcSeconds, _metering.Measurements);
            // An integration period closed: the only moment a maximum can change (Meter.Core DemandRecord).
            if (_registers.DemandChanged) _registers.SaveDemand();
            else _registers.SaveRegisters(false);
        }

        /// <summary>
        /// The last cycle before the supply goes (mains fail at <paramref name="nowMs"/>): the energy the
        /// chip accumulated since the last cycle is read (it would die with the chip), then the registers
        /// and the demand state are saved whatever the save steps.
        /// </summary>
        public void RunBeforePowerDown(long nowMs)
        {
            ReadEnergy(nowMs);
            _log.LogFaults();
            _registers.SaveDemand(); // registers first, then the demand state (running period, maxima)
        }

        private void ReadEnergy(long nowMs)
        {
            _time.SetNow(nowMs);
            long utcSeconds = _time.ReadClock();
            int tariff = _tariffs.SelectForCycle(utcSeconds);
            _metering.Run(nowMs, utcSeconds, tariff);
        }
    }
}
