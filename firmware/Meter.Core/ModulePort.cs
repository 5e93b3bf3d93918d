using Meter.Dlms;
using Meter.Hal;

namespace Meter.Core
{
    /// <summary>
    /// The board's second UART, for a communication module: HDLC (IEC 62056-46) from power-up, 8N1 at
    /// <see cref="MeterSettings.ModuleBaud"/> (9600 Bd by default), full duplex, for its own COSEM server; polled with the
    /// meter's tick, which drives the HDLC time-outs.
    /// </summary>
    public sealed class ModulePort
    {
        private readonly ISerialLink _link;
        private readonly int _baud;
        private readonly HdlcSerialPort _port;

        /// <summary>The port on <paramref name="link"/> at <paramref name="baud"/> for <paramref name="handler"/>.</summary>
        public ModulePort(ISerialLink link, int baud, IApduHandler handler)
        {
            if (link == null) throw new System.ArgumentNullException("link");
            _link = link;
            _baud = baud;
            _port = new HdlcSerialPort(link, new HdlcServerSettings(), handler, false);
        }

        /// <summary>The HDLC port.</summary>
        public HdlcSerialPort Port { get { return _port; } }

        /// <summary>Power-up at <paramref name="nowMs"/>: the line at its rate, 8N1, the link in NDM.</summary>
        public void Start(long nowMs)
        {
            _link.BaudRate = _baud;
            ISerialCharacterFormat formatted = _link as ISerialCharacterFormat;
            if (formatted != null) formatted.CharacterFormat = SerialCharacterFormat.EightNoneOne;
            _port.Restart(nowMs);
        }

        /// <summary>Serves the line at <paramref name="nowMs"/>.</summary>
        public void Poll(long nowMs)
        {
            _port.Poll(nowMs);
        }
    }
}
