using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// The device address of the sign-on "/?address!" (IEC 62056-21:2002 §6.3.1: optional, at
    /// most 32 characters of 0-9, A-Z, a-z and space, leading zeros not significant), OBIS
    /// 0-0:128.5.0 (manufacturer specific, like the other settings of <see cref="SettingsObjects"/>;
    /// DLMS keeps it in the IEC local port setup 0-0:20.0.0, attribute device_addr). Unset ("")
    /// it is the meter number, when that is a valid address. Stored in the settings record's
    /// last spare value (<see cref="SettingsRecord.DeviceAddress"/>), 6 bits a character: so
    /// a written address has at most <see cref="MaximumLength"/> characters (the standard's 32
    /// is a maximum; a longer one is refused as too long); 0 there is "unset".
    /// </summary>
    public static class DeviceAddressSetting
    {
        /// <summary>Characters a written address may have (10 × 6 bits in one stored value).</summary>
        public const int MaximumLength = 10;

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

        /// <summary>The address the port answers to: <paramref name="configured"/>, or unset the meter number if that is an address (§6.3.1 characters, ≤ 32), else "" (general request only).</summary>
        public static string Effective(string configured, string meterNumber)
        {
            if (configured != null && configured.Length > 0) return configured;
            if (meterNumber == null || meterNumber.Length > 32) return "";
            for (int i = 0; i < meterNumber.Length; i++)
            {
                char c = meterNumber[i];
                if (c >= 128 || !OpticalPortSettings.IsAddressCharacter((byte)c)) return "";
            }
            return meterNumber;
        }

        /// <summary>The stored value of <paramref name="address"/> ("" → 0); the address must be valid or "".</summary>
        public static long Pack(string address)
        {
            long packed = 0;
            for (int i = 0; i < address.Length; i++) packed |= (long)CodeOf(address[i]) << (6 * i);
            return packed;
        }

        /// <summary>The address of a stored value; false for a value no <see cref="Pack"/> gives.</summary>
        public static bool TryUnpack(long packed, out string address)
        {
            address = "";
            if (packed < 0 || (packed >> (6 * MaximumLength)) != 0) return false;
            int length = 0;
            while (length < MaximumLength && ((packed >> (6 * length)) & 63) != 0) length++;
            if ((packed >> (6 * length)) != 0) return false; // a character after the end
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = CharOf((int)((packed >> (6 * i)) & 63));
            address = new string(chars);
            return true;
        }

        // 1..10 '0'..'9', 11..36 'A'..'Z', 37..62 'a'..'z', 63 space; 0 ends the address.
        private static int CodeOf(char c)
        {
            if (c >= '0' && c <= '9') return 1 + (c - '0');
            if (c >= 'A' && c <= 'Z') return 11 + (c - 'A');
            if (c >= 'a' && c <= 'z') return 37 + (c - 'a');
            return 63;
        }

        private static char CharOf(int code)
        {
            if (code <= 10) return (char)('0' + code - 1);
            if (code <= 36) return (char)('A' + code - 11);
            if (code <= 62) return (char)('a' + code - 37);
            return ' ';
        }
    }
}
