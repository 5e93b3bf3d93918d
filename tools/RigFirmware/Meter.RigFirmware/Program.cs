using System;
using System.Device.Gpio;
using System.IO.Ports;
using System.Threading;
using nanoFramework.Hardware.Esp32;

namespace Meter.RigFirmware
{
    /// <summary>
    /// The bench rig on a second ESP32 (docs/bench-rig.md): the protocol on COM2 (GPIO 16 TX / 17 RX, 115200 8N1, to the
    /// PC through a USB-UART adapter), the meter's LED seen by a photodiode comparator on GPIO 4 (low while lit), the
    /// reference meter's pulse output counted in hardware (ESP32 PCNT) on GPIO 5. The logic is RigFirmware.Logic
    /// (host-tested); this file only wires it. The source is not driven: SET is kept and printed for the operator.
    /// </summary>
    public static class Program
    {
        /// <summary>The reference meter's pulse constant, imp/kWh (set to yours; high is better: 100 000 gives 0.01 Wh a pulse).</summary>
        private const long ReferenceImpulsesPerKilowattHour = 100000;
        private const int LedPin = 4, ReferencePin = 5;

        private static readonly object Sync = new object();
        private static readonly PulseGate Gate = new PulseGate();
        private static SerialPort _port;
        private static GpioPulseCounter _reference;

        /// <summary>Entry point: opens the pins and the port, then serves command lines for ever.</summary>
        public static void Main()
        {
            Configuration.SetPinFunction(16, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(17, DeviceFunction.COM2_RX);
            _port = new SerialPort("COM2", 115200, Parity.None, 8, StopBits.One);
            _port.Open();
            _reference = new GpioPulseCounter(ReferencePin);
            _reference.Polarity = GpioPulsePolarity.Rising;
            _reference.Start();
            GpioPin led = new GpioController().OpenPin(LedPin, PinMode.InputPullUp);
            led.DebounceTimeout = TimeSpan.FromMilliseconds(1);
            led.ValueChanged += OnLed;
            byte[] buffer = new byte[64];
            char[] line = new char[128];
            int length = 0;
            while (true)
            {
                int n = _port.BytesToRead > 0 ? _port.Read(buffer, 0, buffer.Length) : 0;
                for (int i = 0; i < n; i++)
                {
                    char c = (char)buffer[i];
                    if (c == '\n') { Handle(new string(line, 0, length)); length = 0; }
                    else if (length < line.Length) line[length++] = c;
                }
                lock (Sync)
                {
                    if (Gate.OnTick(ReferenceCount(), NowMs())) Send(Gate.Result(ReferenceImpulsesPerKilowattHour));
                }
                Thread.Sleep(2);
            }
        }

        private static void OnLed(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType != PinEventTypes.Falling) return; // the comparator pulls low when the LED flashes
            lock (Sync)
            {
                if (Gate.OnLedPulse(ReferenceCount(), NowMs())) Send(Gate.Result(ReferenceImpulsesPerKilowattHour));
            }
        }

        private static void Handle(string text)
        {
            RigCommand command = RigCommand.Parse(text);
            lock (Sync)
            {
                if (command.Kind == RigCommandKind.Stop)
                {
                    if (Gate.IsRunning) { Gate.Stop(); Send("ERR stopped"); }
                    Send("OK");
                    return;
                }
                if (Gate.IsRunning) { Send("ERR busy: a run is going on (STOP ends it)"); return; }
                switch (command.Kind)
                {
                    case RigCommandKind.Id: Send("OK RigFirmware 0.1, reference " + ReferenceImpulsesPerKilowattHour.ToString() + " imp/kWh"); break;
                    case RigCommandKind.Set: Console.WriteLine("set the source: " + text); Send("OK"); break;
                    case RigCommandKind.RunPulses: Gate.StartPulses(command.Count); break;
                    case RigCommandKind.RunTime: Gate.StartTimed(command.Count, ReferenceCount(), NowMs()); break;
                    default: Send("ERR " + command.Error); break;
                }
            }
        }

        private static long ReferenceCount() => (long)_reference.Read().Count;

        private static long NowMs() => DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;

        private static void Send(string line)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(line + "\n");
            _port.Write(bytes, 0, bytes.Length);
        }
    }
}
