using Meter.Hal;
using Meter.Obis;

namespace Meter.Display
{
    /// <summary>
    /// The display's behaviour in (injected) time: which list and reading is shown, and the
    /// frame that shows it. Kamstrup 351/382 data sheets, "Display": the automatic list scrolls
    /// every 10 s; pushing the button switches to the manual list and steps through it; the
    /// meter returns to the automatic list 2 minutes after the last push; on backup power the
    /// battery list is shown and stepped by the button.
    /// </summary>
    /// <remarks>
    /// Time is a monotonic millisecond count given by the caller; nothing here reads a clock.
    /// Call <see cref="Render"/> a few times a second (and after every push) and give the frame
    /// to an <see cref="ILcdPanel"/>. Rendering allocates nothing.
    /// </remarks>
    public sealed class DisplayController
    {
        /// <summary>Automatic scroll period: "changes between the selected readings … every 10 secs".</summary>
        public const long ScrollPeriodMs = 10000;

        /// <summary>Return to automatic: "two min. after the last activation of the push button".</summary>
        public const long ManualTimeoutMs = 120000;

        private readonly IDisplayValueSource _source;
        private readonly DisplayFormat _format;
        private readonly MeterIndicators _indicators;
        private readonly DisplayList _automatic;
        private readonly DisplayList _manual;
        private readonly DisplayList _battery;

        private DisplayMode _mode = DisplayMode.Automatic;
        private int _index;
        private long _lastScrollMs;
        private long _lastPressMs;
        private bool _onBackupPower;
        private bool _started;

        /// <summary>
        /// A display reading from <paramref name="source"/>, formatted by <paramref name="format"/>,
        /// whose manual list always keeps <paramref name="legalCodes"/> (e.g. 1.8.0 and 2.8.0).
        /// </summary>
        public DisplayController(IDisplayValueSource source, DisplayFormat format, MeterIndicators indicators, ObisCode[] legalCodes)
        {
            if (source == null) throw new System.ArgumentNullException("source");
            if (format == null) throw new System.ArgumentNullException("format");
            if (indicators == null) throw new System.ArgumentNullException("indicators");
            _source = source;
            _format = format;
            _indicators = indicators;
            _automatic = new DisplayList(DisplayListKind.Automatic, null);
            _manual = new DisplayList(DisplayListKind.Manual, legalCodes);
            _battery = new DisplayList(DisplayListKind.Battery, null);
        }

        /// <summary>The automatic (scroll) list.</summary>
        public DisplayList AutomaticList => _automatic;

        /// <summary>The manual (push button) list.</summary>
        public DisplayList ManualList => _manual;

        /// <summary>The battery (backup power) list.</summary>
        public DisplayList BatteryList => _battery;

        /// <summary>The number format.</summary>
        public DisplayFormat Format => _format;

        /// <summary>The indicators shown with every reading.</summary>
        public MeterIndicators Indicators => _indicators;

        /// <summary>The list being shown.</summary>
        public DisplayMode Mode => _mode;

        /// <summary>
        /// Position in the list being shown; in automatic mode the readings are followed by the
        /// error-code screen (while there is an error code) and then the status screen (while
        /// there is a status code).
        /// </summary>
        public int Index => _index;

        /// <summary>True when the error-code screen ("Err", ID "F.F") is being shown.</summary>
        public bool ShowsErrorCode => _mode == DisplayMode.Automatic && _indicators.ErrorCode != 0 && _index == _automatic.Count;

        /// <summary>True when the status screen (status code in hexadecimal, ID "C.5.0") is being shown.</summary>
        public bool ShowsStatusCode => _mode == DisplayMode.Automatic && _indicators.StatusCode != 0 && _index == StatusScreenIndex();

        /// <summary>
        /// The OBIS code of the reading shown; false when none is (error screen, empty list).
        /// </summary>
        public bool TryGetCurrentCode(out ObisCode code)
        {
            DisplayList list = CurrentList();
            if (_index < list.Count)
            {
                code = list[_index];
                return true;
            }
            code = new ObisCode();
            return false;
        }

        /// <summary>Starts showing the first reading of the automatic list at <paramref name="nowMs"/>.</summary>
        public void Start(long nowMs)
        {
            _started = true;
            _mode = _onBackupPower ? DisplayMode.Battery : DisplayMode.Automatic;
            _index = 0;
            _lastScrollMs = nowMs;
        }

        /// <summary>
        /// Advances the display to <paramref name="nowMs"/>: scrolls the automatic list one
        /// reading every 10 s (several if the caller was late, keeping the 10 s grid), and
        /// leaves the manual list 2 minutes after the last push.
        /// </summary>
        public void Update(long nowMs)
        {
            if (!_started) Start(nowMs);
            if (_mode == DisplayMode.Manual && nowMs - _lastPressMs >= ManualTimeoutMs)
            {
                _mode = DisplayMode.Automatic;
                _index = 0;
                _lastScrollMs = _lastPressMs + ManualTimeoutMs;
            }
            if (_mode != DisplayMode.Automatic) return;
            int cycle = AutomaticCycleLength();
            if (cycle == 0)
            {
                _index = 0;
                _lastScrollMs = nowMs;
                return;
            }
            if (_index >= cycle) _index = 0; // list shortened or error cleared
            long elapsed = nowMs - _lastScrollMs;
            if (elapsed < ScrollPeriodMs) return;
            long steps = elapsed / ScrollPeriodMs;
            _index = (int)((_index + steps % cycle) % cycle);
            _lastScrollMs += steps * ScrollPeriodMs;
        }

        /// <summary>
        /// A push (and release) of the display button at <paramref name="nowMs"/>: from the
        /// automatic list it shows the first manual reading, then each push the next one; on
        /// backup power it steps the battery list.
        /// </summary>
        public void PressButton(long nowMs)
        {
            Update(nowMs);
            switch (_mode)
            {
                case DisplayMode.Battery:
                    _index = _battery.Count == 0 ? 0 : (_index + 1) % _battery.Count;
                    break;
                case DisplayMode.Manual:
                    _index = _manual.Count == 0 ? 0 : (_index + 1) % _manual.Count;
                    _lastPressMs = nowMs;
                    break;
                default:
                    if (_manual.Count == 0) return; // nothing to step through: stay in automatic
                    _mode = DisplayMode.Manual;
                    _index = 0;
                    _lastPressMs = nowMs;
                    break;
            }
        }

        /// <summary>
        /// Mains lost (<paramref name="onBackupPower"/> true) or back at <paramref name="nowMs"/>:
        /// on backup the battery list is shown from its first reading; when mains returns, the
        /// automatic list starts again.
        /// </summary>
        public void SetBackupPower(bool onBackupPower, long nowMs)
        {
            if (!_started) Start(nowMs);
            if (onBackupPower == _onBackupPower) return;
            _onBackupPower = onBackupPower;
            _mode = onBackupPower ? DisplayMode.Battery : DisplayMode.Automatic;
            _index = 0;
            _lastScrollMs = nowMs;
        }

        /// <summary>
        /// Advances to <paramref name="nowMs"/> (see <see cref="Update"/>) and fills
        /// <paramref name="frame"/> with the reading shown and the indicators.
        /// </summary>
        public void Render(long nowMs, LcdFrame frame)
        {
            if (frame == null) throw new System.ArgumentNullException("frame");
            Update(nowMs);
            frame.Clear();
            _indicators.WriteTo(frame, nowMs, _onBackupPower);
            if (ShowsErrorCode)
            {
                ValueFormatter.WriteErrorCode(_indicators.ErrorCode, frame);
                ObisIdFormatter.WriteErrorId(frame);
                return;
            }
            if (ShowsStatusCode)
            {
                ValueFormatter.WriteStatusCode(_indicators.StatusCode, frame);
                ObisIdFormatter.Write(StandardObjects.StatusRegister, frame);
                return;
            }
            ObisCode code;
            if (!TryGetCurrentCode(out code)) return; // empty list: value and ID fields stay blank
            ObisIdFormatter.Write(code, frame);
            long value;
            int scaler;
            ObisUnit unit;
            if (_source.TryRead(code, out value, out scaler, out unit))
                ValueFormatter.WriteValue(value, scaler, unit, _format, frame);
            else
                ValueFormatter.WriteUnavailable(frame);
        }

        private DisplayList CurrentList()
        {
            switch (_mode)
            {
                case DisplayMode.Manual: return _manual;
                case DisplayMode.Battery: return _battery;
                default: return _automatic;
            }
        }

        private int StatusScreenIndex() => _automatic.Count + (_indicators.ErrorCode != 0 ? 1 : 0);

        private int AutomaticCycleLength() => StatusScreenIndex() + (_indicators.StatusCode != 0 ? 1 : 0);
    }
}
