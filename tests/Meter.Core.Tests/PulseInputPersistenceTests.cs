using Meter.Hal.Simulation.Storage;
using Meter.Obis;
using Meter.Simulation;
using Xunit.Abstractions;

namespace Meter.Core.Tests;

/// <summary>
/// The pulse input through the whole meter (virtual meter, DD code 03: I/O 1 pulse input): an hour at the maximum
/// frequency counts exactly; the count and the input level survive a mains-fail save and a restart exactly (a
/// pulse held over the restart is not counted again); a cut without that save loses at most the save step
/// (10 pulses); a cut at every byte of the mains-fail save boots with the final count or the last step, never another.
/// </summary>
public class PulseInputPersistenceTests
{
    private readonly ITestOutputHelper _output;

    public PulseInputPersistenceTests(ITestOutputHelper output) => _output = output;

    internal static VirtualMeterHost Start(string? state = null, int? inputCode = 3, CapturedLcd? lcd = null) =>
        new(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = "balanced",
            Optical = "none",
            StateFile = state,
            Start = MeterRig.WednesdayMidnightLocal,
            InputCode = inputCode,
        }, lcd);

    // 120 ms pulses (8.33 Hz) for 3 s from 10 ms after now: rising edges at +10 + 120 k, each accepted 20 ms later,
    // so k = 0..24 fall inside the 3 s: 25 pulses. The feed then stops (input de-energised).
    internal static void FeedTwentyFive(VirtualMeterHost host)
    {
        host.FeedPulses(1000.0 / 120);
        host.RunFor(TimeSpan.FromSeconds(3));
        host.FeedPulses(0);
        host.RunFor(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void An_hour_at_the_maximum_frequency_through_the_meter_counts_every_pulse()
    {
        using var host = Start();
        host.RunFor(TimeSpan.FromSeconds(2));
        host.FeedPulses(1000.0 / 60);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        host.RunFor(TimeSpan.FromHours(1));
        _output.WriteLine($"an hour at 16.67 Hz: {watch.Elapsed.TotalSeconds:0.0} s");
        // 60 000 periods of 60 ms in the hour; the last pulse rises 50 ms before its end and is accepted 30 ms before.
        Assert.Equal(60000, host.Meter.Inputs.PulseCount);
        Assert.Equal(60000, host.PulseFeed!.PulsesBy(host.VirtualMilliseconds - 1));
    }

    [Fact]
    public void The_count_and_a_pulse_held_over_a_restart_survive_the_mains_fail_save_exactly()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var host = Start(state))
            {
                FeedTwentyFive(host);
                Assert.Equal(25, host.Meter.Inputs.PulseCount);
                host.Board.TariffInput1!.Set(false); // a 26th pulse starts and is held
                host.RunFor(TimeSpan.FromSeconds(1));
                Assert.Equal(26, host.Meter.Inputs.PulseCount);
            } // mains-fail save
            using (var host = Start(state, inputCode: null))
            {
                host.Board.TariffInput1!.Set(false); // still energised at power-up: the same pulse, not a new one
                host.RunFor(TimeSpan.FromSeconds(2));
                Assert.Equal(26, host.Meter.Inputs.PulseCount);
                host.Board.TariffInput1.Set(true);
                host.RunFor(TimeSpan.FromSeconds(1));
                host.Board.TariffInput1.Set(false);
                host.RunFor(TimeSpan.FromSeconds(1));
                Assert.Equal(27, host.Meter.Inputs.PulseCount);
            }
        }
        finally { MeterRig.DeleteState(state); }
    }

    [Fact]
    public void A_cut_without_the_mains_fail_save_loses_at_most_the_save_step()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var host = Start(state))
            {
                FeedTwentyFive(host);
                host.CutPower();
            }
            using (var host = Start(state, inputCode: null))
            {
                // Saved at 10 and 20 pulses: 5 of 25 lost, fewer than the step of 10.
                Assert.Equal(20, host.Meter.Inputs.PulseCount);
                Assert.True(25 - host.Meter.Inputs.PulseCount <= ModuleInputs.SaveStepPulses);
            }
        }
        finally { MeterRig.DeleteState(state); }
    }

    [Fact]
    public void A_cut_at_every_byte_of_the_mains_fail_save_boots_with_the_final_count_or_the_last_step()
    {
        using var host = Start(); // RAM NV memory
        FeedTwentyFive(host);
        int stepSeen = 0, finalSeen = 0;
        long bytes = TornWriteRig.CutDuring(host, "balanced", 1, lastByteOfEachWrite: true,
            () => host.Meter.OnMainsFail(host.VirtualMilliseconds),
            r =>
            {
                long count = r.Inputs.PulseCount;
                if (count == 20) stepSeen++;
                else { Assert.Equal(25, count); finalSeen++; }
                Assert.Equal(3, r.Inputs.Code); // the settings in the same record are never torn
            });
        _output.WriteLine($"{bytes} bytes cut: count 20 (last step) {stepSeen}, 25 (final) {finalSeen}");
        Assert.True(stepSeen > 0 && finalSeen > 0, $"step {stepSeen}, final {finalSeen}");
    }
}
