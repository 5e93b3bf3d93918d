using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Obis;
using Meter.Simulation;
using static Meter.Hal.Simulation.Ade7880.SimulatedAde7880;

namespace Meter.Core.Tests;

/// <summary>
/// Calibration written over the OBIS table (1-0:128.K.P, as the optical port's W1) is legal data: it is kept in the
/// NV memory and the chip gets it at its first configuration after a restart on the same memory.
/// </summary>
public class CalibrationPersistenceTests
{
    // 1-0:128.2.1 = AIGAIN (kind 2, phase 1); 1-0:128.4.3 = CPHCAL (kind 4, phase 3).
    private static readonly ObisCode CurrentGainL1 = CalibrationAccess.CodeOf(CalibrationKind.CurrentGain, 1);
    private static readonly ObisCode PhaseCalL3 = CalibrationAccess.CodeOf(CalibrationKind.PhaseCalibration, 3);

    [Fact]
    public void A_calibration_write_survives_a_restart_on_the_same_memory_and_reaches_the_chip_at_its_start()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var first = MeterRig.Start(stateFile: state))
            {
                first.RunFor(TimeSpan.FromSeconds(5));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(first.Meter, CurrentGainL1, "1000", seal: true));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(first.Meter, PhaseCalL3, "12", seal: true));
                first.Stop();
            }
            using var second = MeterRig.Start(stateFile: state);
            var m = second.Meter;
            Assert.True(m.TryReadCalibration(CalibrationKind.CurrentGain, 1, out int gain));
            Assert.True(m.TryReadCalibration(CalibrationKind.PhaseCalibration, 3, out int phase));
            Assert.Equal((1000, 12), (gain, phase));
            Assert.Equal("1000", MeterRig.ValueText(m, CurrentGainL1));
            Assert.Equal(1000u, second.Board.Chip.Peek(Register.AIGAIN));
            // Every other register keeps the preset's value (0 on every preset).
            Assert.True(m.TryReadCalibration(CalibrationKind.CurrentGain, 2, out int other));
            Assert.Equal(0, other);
            Assert.Equal(0u, second.Board.Chip.Peek(Register.BIGAIN));
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }
}
