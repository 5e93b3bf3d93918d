using Meter.Core;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Simulation;

/// <summary>What a bench does to the meter, for the control channel (Control/ControlCommands) and in-process tests.</summary>
public sealed partial class VirtualMeterHost
{
    /// <summary>Puts <paramref name="load"/> on every phase from the next cycle on, instead of the scenario's load.</summary>
    public void SetLoad(PhaseLoad load)
    {
        lock (_gate)
        {
            _loadOverride = [load, load, load];
            Array.Copy(_loadOverride, _loads, 3);
            ApplyLoads();
        }
    }

    /// <summary>Runs <paramref name="span"/> of virtual time now (whole metering cycles); returns the clock chip's time after it.</summary>
    /// <exception cref="ArgumentException">A span that is not a positive whole number of cycles.</exception>
    public DateTime Advance(TimeSpan span)
    {
        long ms = (long)span.TotalMilliseconds;
        if (ms <= 0 || ms % _cycleMs != 0) throw new ArgumentException($"advance {span}: give a positive whole number of metering cycles ({_cycleMs} ms)");
        lock (_gate)
        {
            if (_stopped) throw new InvalidOperationException("the virtual meter has stopped");
            long target = _virtualMs + ms;
            KeepRtcFileAhead(target);
            while (_virtualMs < target) Cycle();
            return Board.Rtc.ChipTime;
        }
    }

    /// <summary>The supply fails: the meter gets its mains-fail signal (and saves), then nothing runs but the clock until <see cref="RestoreSupply"/>.</summary>
    /// <exception cref="InvalidOperationException">The supply is already off.</exception>
    public void CutSupply()
    {
        lock (_gate)
        {
            if (_supplyOff) throw new InvalidOperationException("the supply is already off");
            Meter.OnMainsFail(_virtualMs);
            if (_port != null) Meter.Optical.EndSession(); // the head sees a dead port; a new session starts from idle
            _supplyOff = true;
        }
    }

    /// <summary>The supply returns: the firmware starts again on the same board (NV memory, clock, inputs), as at a power-up.</summary>
    /// <exception cref="InvalidOperationException">The supply is on, or DLMS ports are open (they hold the meter that was switched off).</exception>
    public void RestoreSupply()
    {
        lock (_gate)
        {
            if (!_supplyOff) throw new InvalidOperationException("the supply is already on");
            if (_dlms != null && _dlms.Any) throw new InvalidOperationException("power restore is not supported with --dlms / --dlms-hdlc");
            var meter = new ElectricityMeter(Settings(_preset, _options), Board.Hardware(_lcd)) { OpticalPortOnOwnClock = true };
            meter.Start(_virtualMs, Board.Rtc.ChipTime);
            Meter = meter;
            _supplyOff = false;
            _measurementInterval = QualityOn(_options) ? 1 : MeasurementInterval(_options.Speed);
        }
    }

    /// <summary>True while the supply is cut.</summary>
    public bool SupplyOff
    {
        get { lock (_gate) return _supplyOff; }
    }

    /// <summary>Pulses seen on the S0 output since the start (rising edges of the pin, which idles low), across power cuts.</summary>
    public long S0Pulses
    {
        get { lock (_gate) return (Board.S0.Edges + 1) / 2; }
    }
}
