using Meter.Display;
using Meter.Hal;
using Meter.Metrology;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The LCD: the display lists of the settings shown from the register table (the same table
    /// the optical port reads), the indicators (quadrant, tariff, error and status codes, tamper
    /// symbols, phase symbols) and the frame sent to the panel only when it changed.
    /// </summary>
    public sealed class MeterDisplay
    {
        private readonly ILcdPanel _lcd;
        private readonly ObisTable _table;
        private readonly MeterSettings _settings;
        private readonly EnergyAccumulator _energy;
        private readonly MeteringConfiguration _phases;
        private readonly MeteringCycle _metering;
        private readonly TariffSelection _tariffs;
        private readonly MeterStatusWords _status;
        private readonly TamperMonitor _tamper;
        private readonly MeterTime _time;
        private readonly MeterIndicators _indicators = new MeterIndicators();
        private readonly LcdFrame _frame = new LcdFrame();
        private readonly LcdFrame _shownFrame = new LcdFrame();
        private DisplayController _display;
        private Prepayment _prepayment;

        /// <summary>Shows <paramref name="table"/> on <paramref name="lcd"/> (null: no panel) with the lists and format of <paramref name="settings"/>.</summary>
        public MeterDisplay(ILcdPanel lcd, ObisTable table, MeterSettings settings, EnergyAccumulator energy, MeteringConfiguration phases, MeteringCycle metering,
            TariffSelection tariffs, MeterStatusWords status, TamperMonitor tamper, MeterTime time)
        {
            _lcd = lcd;
            _table = table;
            _settings = settings;
            _energy = energy;
            _phases = phases;
            _metering = metering;
            _tariffs = tariffs;
            _status = status;
            _tamper = tamper;
            _time = time;
        }

        /// <summary>Composition: the prepayment symbol (on while prepayment is active) joins the status symbols.</summary>
        public void ShowPrepayment(Prepayment prepayment)
        {
            _prepayment = prepayment;
        }

        /// <summary>The display controller (after <see cref="Start"/>).</summary>
        public DisplayController Controller { get { return _display; } }

        /// <summary>Start-up, after the settings were restored: creates the controller and starts the automatic list.</summary>
        public void Start(long nowMs)
        {
            DisplayFormat format = new DisplayFormat();
            format.Decimals = DisplayFormat.DecimalsFromCode(_settings.DisplayDecimalsCode);
            _display = new DisplayController(new ObisTableDisplaySource(_table), format, _indicators, ListSettings.LegalDisplayCodes());
            // Normal and alternate lists from the settings (checked by SettingsRecord.TryApply or the writer, the same DisplayList rules).
            _display.AutomaticList.Configure(_settings.NormalDisplayList);
            _display.ManualList.Configure(_settings.AlternateDisplayList);
            // Battery list: the legal energy readings, readable while the meter runs on backup power.
            _display.BatteryList.Configure(new ObisCode[]
            {
                StandardObjects.ActiveImport, StandardObjects.ActiveExport, StandardObjects.ActiveImportT1, StandardObjects.ActiveImportT2,
            });
            _display.Start(nowMs);
        }

        /// <summary>
        /// Shows the display lists of the settings at once (after a list write): the lists are
        /// replaced and the LCD starts again at the first reading of the automatic list.
        /// </summary>
        public void ApplyLists()
        {
            _display.AutomaticList.Configure(_settings.NormalDisplayList);
            _display.ManualList.Configure(_settings.AlternateDisplayList);
            _display.Start(_time.NowMs);
            Refresh(_time.NowMs);
        }

        /// <summary>Energies shown with <paramref name="decimals"/> from the next <see cref="Refresh"/> on (verification mode).</summary>
        public void ChangeDecimals(DisplayDecimals decimals)
        {
            _display.Format.Decimals = decimals;
        }

        /// <summary>The display push button.</summary>
        public void PressButton(long nowMs)
        {
            _display.PressButton(nowMs);
            Refresh(nowMs);
        }

        /// <summary>The meter runs on its backup supply: the battery list.</summary>
        public void SetBackupPower(long nowMs)
        {
            _display.SetBackupPower(true, nowMs);
        }

        /// <summary>The disconnect control whose breaker symbol the LCD shows (null: none).</summary>
        public DisconnectControl Disconnect { get; set; }

        /// <summary>The power-quality objects whose failing week lights the quality-alarm symbol (null: quality measurement off).</summary>
        public PowerQualityObjects PowerQuality { get; set; }

        /// <summary>Renders the reading due at <paramref name="nowMs"/> with the indicators as they are now.</summary>
        public void Refresh(long nowMs)
        {
            if (_lcd == null) return;
            _indicators.Quadrant = _energy.IsNoLoad ? 0 : (int)_energy.LastQuadrant;
            _indicators.Tariff = _tariffs.Active + 1;
            _indicators.ErrorCode = _status.ErrorWord;
            // Status bits that need attention (clock not valid, pulse overrun, optical port locked) get a display screen; summer time does not.
            _indicators.StatusCode = _status.StatusWord & ~MeterStatusWords.StatusSummerTime;
            _indicators.StatusSymbols = _tamper.LcdSymbolFlags | (_prepayment != null ? _prepayment.LcdSymbolFlags : 0)
                | (Disconnect != null ? Disconnect.LcdSymbolFlags : 0)
                | (PowerQuality != null && PowerQuality.CurrentWeekFails ? LcdSymbols.QualityAlarm : 0);
            PhaseMeasurements m = _metering.Measurements;
            for (int phase = 0; phase < 3; phase++)
            {
                // Phase symbol (Kamstrup 382 "Mains voltage reading"): on with voltage above 10 % of
                // full scale and the phase above the metering cut-off (the starting threshold that
                // registers energy), flashing with voltage but below that cut-off.
                bool voltage = _phases.IsPhaseUsed(phase) && _metering.MeasurementsValid && InstantaneousValues.HasVoltage(_metering.MeasurementScale, m.VoltageRms[phase]);
                bool current = voltage && _energy.IsPhaseRunning(phase);
                _indicators.SetPhase(phase + 1, voltage, current);
            }
            _display.Render(nowMs, _frame);
            if (!_frame.SameAs(_shownFrame))
            {
                _shownFrame.CopyFrom(_frame);
                _lcd.Show(_frame);
            }
        }
    }
}
