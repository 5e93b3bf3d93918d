namespace Meter.Core
{
    /// <summary>
    /// Where the device address (<see cref="DeviceAddressSetting"/>, up to 32 characters) lives in the
    /// settings record: 6 bits a character (0 ends the address) in a 192-bit field made of value 127
    /// (<see cref="SettingsRecord.DeviceAddress"/>, bits 0..63) and the upper halves of values 1..4
    /// (<see cref="SettingsRecord.PulseFigure"/> … <see cref="SettingsRecord.CtPrimaryAmps"/>, bits 64..191).
    /// </summary>
    /// <remarks>
    /// Why this is safe, and why not a new layout version: values 1..4 hold settings below 2^31 that
    /// are never negative (<see cref="SettingsRules"/>), so every record ever written holds 0 in their
    /// upper 32 bits: the layout reserves those bits and nothing used them. The address is in the same
    /// record as before, so it is committed with it in one <c>WearLevelledRecord</c> slot (sequence,
    /// values, CRC-32): a cut during the write leaves the old record or the new one, never a mixture,
    /// and nothing in the storage layout moves (layout version 6 / 7 as before, no upgrade step, the
    /// virtual meter's state file unchanged). Characters 1..10 keep the bits the 10-character format
    /// gave them (bits 0..59 of value 127), so an address written before reads the same. A new layout
    /// version could not give the room: a 32-character record needs at least 2 · (8 + 3 · 8) = 64 bytes
    /// in two slots, and only 32 bytes lie unused between the profile's last block and the tail
    /// (Meter.Storage README, "Layout versions"). A firmware before this one refuses a record holding
    /// an address longer than 10 characters (its checks of values 1..4 fail) and starts on its defaults:
    /// write an address of at most 10 characters before going back to it.
    /// </remarks>
    public static class DeviceAddressRecord
    {
        /// <summary>Bits the field has: <see cref="DeviceAddressSetting.MaximumLength"/> characters of 6 bits.</summary>
        public const int Bits = 6 * DeviceAddressSetting.MaximumLength;

        /// <summary>First of the values whose upper halves continue the field after value 127.</summary>
        public const int FirstUpperHalf = SettingsRecord.PulseFigure;

        /// <summary>Puts <paramref name="address"/> (valid or "", which stores 0 = the meter number) into <paramref name="values"/>; the lower halves of values 1..4 are kept.</summary>
        public static void Store(string address, long[] values)
        {
            values[SettingsRecord.DeviceAddress] = 0;
            for (int i = 0; i < 4; i++) values[FirstUpperHalf + i] &= 0xFFFFFFFFL;
            for (int i = 0; i < address.Length; i++)
            {
                int code = CodeOf(address[i]);
                for (int b = 0; b < 6; b++)
                {
                    if (((code >> b) & 1) != 0) SetBit(values, 6 * i + b);
                }
            }
        }

        /// <summary>The address stored in <paramref name="values"/> ("" = unset); false when the field holds a character after the end (no <see cref="Store"/> gives that).</summary>
        public static bool TryRead(long[] values, out string address)
        {
            address = "";
            int length = 0;
            while (length < DeviceAddressSetting.MaximumLength && CodeAt(values, length) != 0) length++;
            for (int i = length; i < DeviceAddressSetting.MaximumLength; i++)
            {
                if (CodeAt(values, i) != 0) return false; // a character after the end
            }
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = CharOf(CodeAt(values, i));
            address = new string(chars);
            return true;
        }

        /// <summary>The lower 32 bits of value <paramref name="index"/> (1..4 share their value with the address field).</summary>
        public static int LowerHalf(long[] values, int index)
        {
            return (int)(values[index] & 0xFFFFFFFFL);
        }

        private static int CodeAt(long[] values, int character)
        {
            int code = 0;
            for (int b = 0; b < 6; b++)
            {
                if (IsSet(values, 6 * character + b)) code |= 1 << b;
            }
            return code;
        }

        // Field bit k: value 127 bit k (k < 64), else bit 32 + (k − 64) mod 32 of value 1 + (k − 64) / 32.
        private static bool IsSet(long[] values, int k)
        {
            if (k < 64) return ((values[SettingsRecord.DeviceAddress] >> k) & 1) != 0;
            return ((values[FirstUpperHalf + (k - 64) / 32] >> (32 + (k - 64) % 32)) & 1) != 0;
        }

        private static void SetBit(long[] values, int k)
        {
            if (k < 64) values[SettingsRecord.DeviceAddress] |= 1L << k;
            else values[FirstUpperHalf + (k - 64) / 32] |= 1L << (32 + (k - 64) % 32);
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
