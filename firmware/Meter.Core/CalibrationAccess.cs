using Meter.Hal;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The metering chip's calibration registers (Meter.Hal CalibrationKind; on the ADE7880 its DSP registers) as OBIS objects 1-0:128.K.P (manufacturer-specific group
    /// C = 128, IEC 62056-61 §7.3.3; as tools/MeterTool/MeterAddresses.cs): K = 1 xVGAIN, 2 xIGAIN,
    /// 3 xPGAIN, 4 xPHCAL, 5 xVRMSOS, 6 xIRMSOS, P = phase 1–3. Legal data (the table checks the
    /// password level and the seal). The chip driver maps each kind to its register. Every accepted write is saved in
    /// the storage's calibration record (<see cref="CalibrationRecord"/>), which <see cref="Restore"/> gives the chip
    /// configuration at the next start-up, before the chip is started.
    /// </summary>
    public sealed class CalibrationAccess : ObisValueOwner
    {
        /// <summary>Calibration group C = 128 (manufacturer-specific, IEC 62056-61 §7.3.3).</summary>
        public const int CalibrationGroup = 128;
        /// <summary>K of 1-0:128.K.P: 1 xVGAIN, 2 xIGAIN, 3 xPGAIN, 4 xPHCAL, 5 xVRMSOS, 6 xIRMSOS.</summary>
        public const int CalibrationKinds = 6;

        private readonly MeteringCycle _metering;
        private readonly EnergyCycle _cycle;
        private readonly MeterTime _time;
        private readonly EventRouting _events;
        private readonly CalibrationRecord _record;

        /// <summary>
        /// Calibration of the chip <paramref name="metering"/> drives; <paramref name="cycle"/> takes the
        /// energy metered so far before a write, at the <paramref name="time"/> of the last cycle or tick;
        /// <paramref name="record"/> keeps the calibration over a restart.
        /// </summary>
        public CalibrationAccess(MeteringCycle metering, EnergyCycle cycle, MeterTime time, EventRouting events, CalibrationRecord record)
        {
            _metering = metering;
            _cycle = cycle;
            _time = time;
            _events = events;
            _record = record;
        }

        /// <summary>True when <see cref="Restore"/> applied a stored calibration (false: none stored, or refused).</summary>
        public bool Restored { get; private set; }

        /// <summary>
        /// Start-up, after the storage opened and before the chip's first configuration (MeterStartUp): the stored
        /// calibration, when the meter was calibrated over the optical port, replaces the board/preset values. A stored
        /// set the chip does not take (a value outside its registers) is refused whole, never applied in part: a
        /// StorageRepair event (detail <see cref="StorageArea.Calibration"/>, new value 1), and the preset values stay.
        /// </summary>
        public void Restore()
        {
            Restored = false;
            if (!_record.HasValues) return;
            for (int kind = 1; kind <= CalibrationKinds; kind++)
            {
                for (int phase = 1; phase <= 3; phase++)
                {
                    if (!FitsChip(kind, _record.Get(kind, phase)))
                    {
                        _events.Log(EventKind.StorageRepair, StorageArea.Calibration, 0, 1);
                        return;
                    }
                }
            }
            for (int kind = 1; kind <= CalibrationKinds; kind++)
            {
                for (int phase = 1; phase <= 3; phase++) _metering.ChipConfiguration.SetCalibration(kind, phase, (int)_record.Get(kind, phase));
            }
            Restored = true;
        }

        private bool FitsChip(int kind, long value)
        {
            if (value < int.MinValue || value > int.MaxValue) return false;
            try
            {
                _metering.Chip.CheckCalibration(kind, (int)value);
            }
            catch (System.ArgumentException)
            {
                return false;
            }
            return true;
        }

        /// <summary>
        /// True for a calibration register 1-0:128.kind.phase (kind 1 … <see cref="CalibrationKinds"/>,
        /// phase 1–3): <see cref="Write"/> logs each change with its old and new value.
        /// </summary>
        public static bool IsCalibrationRegister(ObisCode code)
        {
            return code.A == 1 && code.C == CalibrationGroup && code.D >= 1 && code.D <= CalibrationKinds && code.E >= 1 && code.E <= 3;
        }

        /// <summary>The code of calibration register <paramref name="kind"/> of <paramref name="phase"/>.</summary>
        public static ObisCode CodeOf(int kind, int phase)
        {
            return new ObisCode(1, 0, CalibrationGroup, (byte)kind, (byte)phase, 255);
        }

        /// <summary>Reads calibration register <paramref name="kind"/> (1..6, see <see cref="CalibrationKinds"/>) of phase 1..3.</summary>
        public bool TryRead(int kind, int phase, out int value)
        {
            value = 0;
            if (phase < 1 || phase > 3) return false;
            if (!CalibrationKind.IsDefined(kind)) return false;
            value = _metering.ChipConfiguration.GetCalibration(kind, phase);
            return true;
        }

        /// <summary>
        /// Writes a calibration register (legal data: the table already checked password level
        /// and the seal) to the running chip in place (ADE7880 data sheet Rev. A, "Digital Signal
        /// Processor": DSP RAM may be changed without stopping the DSP; MeteringCycle.ApplyCalibration),
        /// so the chip is not reset and its energy runs on. The energy metered so far is taken
        /// first all the same: a write the chip refuses stops the driver, and the next cycle's
        /// start of the chip then loses nothing. Logged once, as <see cref="EventKind.LegalDataChange"/>
        /// with detail kind × 16 + phase and the old and new value (the optical port's own record of
        /// the write is not logged again, see <see cref="IsCalibrationRegister"/>). A
        /// refused write restores the old value and answers <see cref="ObisWriteResult.Rejected"/>.
        /// The value taken by the chip is then saved in the calibration record (legal data survives a power failure); a
        /// save the NV memory refuses puts the old value back on the chip and answers Rejected too, so the chip never
        /// runs on a value the NV memory does not hold.
        /// </summary>
        public ObisWriteResult Write(int kind, int phase, int value)
        {
            if (phase < 1 || phase > 3) return ObisWriteResult.UnknownObject;
            int old;
            if (!TryRead(kind, phase, out old)) return ObisWriteResult.UnknownObject;
            try
            {
                _metering.SetCalibration(kind, phase, value);
            }
            catch (System.ArgumentException)
            {
                return ObisWriteResult.OutOfRange;
            }
            _cycle.Run(_time.NowMs);
            if (!_metering.ApplyCalibration(kind, phase))
            {
                // Not taken: the configuration keeps the old value, which the next start of the chip writes.
                _metering.ChipConfiguration.SetCalibration(kind, phase, old);
                return ObisWriteResult.Rejected;
            }
            if (!_record.Save(_metering.ChipConfiguration))
            {
                // The NV memory still holds the old set: so must the chip. Not taken either, the driver counts as
                // stopped and the next cycle starts the chip from the configuration, which has the old value.
                _metering.ChipConfiguration.SetCalibration(kind, phase, old);
                _metering.ApplyCalibration(kind, phase);
                return ObisWriteResult.Rejected;
            }
            _events.Log(EventKind.LegalDataChange, kind * 16 + phase, old, value);
            return ObisWriteResult.Accepted;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            int result;
            if (!TryRead(code.D, code.E, out result)) return false;
            value = result;
            return true;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            return Write(code.D, code.E, (int)value);
        }
    }
}
