using Meter.Dlms;

namespace Meter.Core
{
    /// <summary>
    /// The management logical device's name (Green Book, "COSEM logical device name", up to 16 octets): the
    /// manufacturer's FLAG identifier the optical port's identification message starts with (IEC 62056-21 §6.3.2
    /// "XXX", written in capitals here: a small third letter there only announces the 20 ms reaction time), then the
    /// meter number 0-0:96.1.0 as serial number; of a meter number longer than 13 characters the last 13 are kept
    /// (they tell meters apart). Read from the settings each time: a new meter number shows at once.
    /// </summary>
    public sealed class MeterLogicalDeviceName : ILogicalDeviceName
    {
        private const int FlagLength = 3;
        private readonly MeterSettings _settings;

        public MeterLogicalDeviceName(MeterSettings settings)
        {
            if (settings == null) throw new System.ArgumentNullException(nameof(settings));
            _settings = settings;
        }

        /// <inheritdoc />
        public int CopyTo(byte[] destination, int offset)
        {
            string flag = _settings.ManufacturerId;
            string serial = _settings.MeterNumber;
            int p = offset;
            for (int i = 0; i < FlagLength && i < flag.Length; i++)
            {
                char c = flag[i];
                destination[p++] = (byte)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
            }
            int room = SapAssignmentObject.MaxNameLength - (p - offset);
            int from = serial.Length > room ? serial.Length - room : 0;
            for (int i = from; i < serial.Length; i++) destination[p++] = (byte)serial[i];
            return p - offset;
        }
    }
}
