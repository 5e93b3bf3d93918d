using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// The device address of the sign-on "/?address!" (IEC 62056-21:2002 §6.3.1: optional, at
    /// most 32 characters of 0-9, A-Z, a-z and space, leading zeros not significant), OBIS
    /// 0-0:128.5.0 (manufacturer specific, like the other settings of <see cref="SettingsObjects"/>;
    /// DLMS keeps it in the IEC local port setup 0-0:20.0.0, attribute device_addr). Unset ("")
    /// it is the meter number, when that is a valid address. Stored in the settings record
    /// (<see cref="DeviceAddressRecord"/>); a longer one is refused as too long.
    /// </summary>
    public static class DeviceAddressSetting
    {
        /// <summary>Characters an address may have (IEC 62056-21 §6.3.1: at most 32).</summary>
        public const int MaximumLength = 32;

        /// <summary>True for 1 … <see cref="MaximumLength"/> address characters (§6.3.1).</summary>
        public static bool IsValid(string address)
        {
            if (address == null || address.Length == 0 || address.Length > MaximumLength) return false;
            for (int i = 0; i < address.Length; i++)
            {
                char c = address[i];
                if (c >= 128 || !OpticalPortSettings.IsAddressCharacter((byte)c)) return false;
            }
            return true;
        }

        /// <summary>The address the port answers to: <paramref name="configured"/>, or unset the meter number if that is an address (§6.3.1 characters, ≤ <see cref="MaximumLength"/>), else "" (general request only).</summary>
        public static string Effective(string configured, string meterNumber)
        {
            if (configured != null && configured.Length > 0) return configured;
            return IsValid(meterNumber) ? meterNumber : "";
        }
    }
}
