namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Wire format, access and reset value of every <see cref="Register"/>, from the ADE7880
    /// data sheet Rev. A, Table 30 (DSP data memory RAM), Table 31 (RUN), Table 32 (billable)
    /// and Table 33 (configuration and power quality). Also the encoding and decoding of the
    /// padded/sign-extended wire forms.
    /// </summary>
    public static class RegisterMap
    {
        /// <summary>Reset value meaning "not applicable" (measurement and status registers).</summary>
        public const long NoResetValue = -1;

        /// <summary>The wire format of <paramref name="register"/>; <see cref="WireFormat.None"/> if unallocated.</summary>
        public static WireFormat FormatOf(Register register)
        {
            ushort a = (ushort)register;
            // Table 30: DSP data memory RAM.
            if (a >= 0x4380 && a <= 0x43B9)
            {
                if (a == 0x4387 || a == 0x4396 || a == 0x4397 || (a >= 0x439A && a <= 0x439E) || a == 0x43A0 || a == 0x43A1)
                    return WireFormat.None;
                return a == (ushort)Register.VLEVEL ? WireFormat.Zp28S : WireFormat.Zpse24;
            }
            if (a >= 0x43C0 && a <= 0x43C6) return WireFormat.Zp24S;      // xIRMS/xVRMS: 24, 32 ZP, S
            if (a == (ushort)Register.ISUM) return WireFormat.Zp28S;       // 28, 32 ZP, S
            if (a == (ushort)Register.RUN) return WireFormat.U16;          // Table 31
            // Table 32: billable registers, 32-bit signed; 0xE406..0xE408 reserved.
            if (a >= 0xE400 && a <= 0xE40E) return (a >= 0xE406 && a <= 0xE408) ? WireFormat.None : WireFormat.S32;
            switch (register)
            {
                // Table 33.
                case Register.IPEAK:
                case Register.VPEAK:
                case Register.STATUS0:
                case Register.STATUS1:
                case Register.MASK0:
                case Register.MASK1:
                case Register.CHECKSUM:
                case Register.LAST_RWDATA32:
                    return WireFormat.U32;
                case Register.AIMAV:
                case Register.BIMAV:
                case Register.CIMAV:
                    return WireFormat.Zp20U;
                case Register.OILVL:
                case Register.OVLVL:
                case Register.SAGLVL:
                    return WireFormat.Zp24U;
                case Register.VNOM:
                    return WireFormat.Zp24S; // Table 33: 24, 32 ZP, S

                case Register.PHSTATUS:
                case Register.ANGLE0:
                case Register.ANGLE1:
                case Register.ANGLE2:
                case Register.PHNOLOAD:
                case Register.LINECYC:
                case Register.ZXTOUT:
                case Register.COMPMODE:
                case Register.GAIN:
                case Register.CFMODE:
                case Register.CF1DEN:
                case Register.CF2DEN:
                case Register.CF3DEN:
                case Register.PHSIGN:
                case Register.CONFIG:
                case Register.HCONFIG:
                case Register.APERIOD:
                case Register.BPERIOD:
                case Register.CPERIOD:
                case Register.APNOLOAD:
                case Register.VARNOLOAD:
                case Register.VANOLOAD:
                case Register.LAST_ADD:
                case Register.LAST_RWDATA16:
                    return WireFormat.U16;
                case Register.APF:
                case Register.BPF:
                case Register.CPF:
                    return WireFormat.S16;
                case Register.APHCAL:
                case Register.BPHCAL:
                case Register.CPHCAL:
                    return WireFormat.Zp10U;
                case Register.MMODE:
                case Register.ACCMODE:
                case Register.LCYCMODE:
                case Register.PEAKCYC:
                case Register.SAGCYC:
                case Register.CFCYC:
                case Register.HSDC_CFG:
                case Register.VERSION:
                case Register.DSPWP_SET:
                case Register.Reserved_E7E4:
                case Register.LAST_RWDATA8:
                case Register.DSPWP_SEL:
                case Register.CONFIG3:
                case Register.LAST_OP:
                case Register.WTHR:
                case Register.VARTHR:
                case Register.VATHR:
                case Register.HX:
                case Register.HY:
                case Register.HZ:
                case Register.LPOILVL:
                case Register.CONFIG2:
                    return WireFormat.U8;
            }
            // Waveform samples and instantaneous powers: 24 bits, 32 SE, signed.
            if (a >= 0xE50C && a <= 0xE51B) return WireFormat.Se24;
            // Harmonic engine results 0xE880..0xE89F: 32-bit words, 24-bit signed, 32 SE.
            if (a >= 0xE880 && a <= 0xE89F) return WireFormat.Se24;
            return WireFormat.None;
        }

        /// <summary>Bytes the register occupies on the wire (0 when unallocated).</summary>
        public static int WireBytes(WireFormat format)
        {
            switch (format)
            {
                case WireFormat.U8: return 1;
                case WireFormat.U16:
                case WireFormat.S16:
                case WireFormat.Zp10U: return 2;
                case WireFormat.None: return 0;
                default: return 4;
            }
        }

        /// <summary>Read/write access of <paramref name="register"/>.</summary>
        public static RegisterAccess AccessOf(Register register)
        {
            if (FormatOf(register) == WireFormat.None) return RegisterAccess.Unallocated;
            ushort a = (ushort)register;
            if (a >= 0x4380 && a <= 0x43B9) return RegisterAccess.ReadWrite;
            if (a >= 0x43C0 && a <= 0x43C7) return RegisterAccess.ReadOnly;
            if (a >= 0xE400 && a <= 0xE40E) return RegisterAccess.ReadOnly;
            if (a >= 0xE50C && a <= 0xE51B) return RegisterAccess.ReadOnly;
            if (a >= 0xE880 && a <= 0xE89F) return RegisterAccess.ReadOnly;
            switch (register)
            {
                case Register.IPEAK:
                case Register.VPEAK:
                case Register.AIMAV:
                case Register.BIMAV:
                case Register.CIMAV:
                case Register.CHECKSUM:
                case Register.LAST_RWDATA32:
                case Register.PHSTATUS:
                case Register.ANGLE0:
                case Register.ANGLE1:
                case Register.ANGLE2:
                case Register.PHNOLOAD:
                case Register.PHSIGN:
                case Register.VERSION:
                case Register.Reserved_E7E4:
                case Register.LAST_RWDATA8:
                case Register.APF:
                case Register.BPF:
                case Register.CPF:
                case Register.APERIOD:
                case Register.BPERIOD:
                case Register.CPERIOD:
                case Register.LAST_ADD:
                case Register.LAST_RWDATA16:
                case Register.LAST_OP:
                    return RegisterAccess.ReadOnly;
                case Register.DSPWP_SET:
                case Register.DSPWP_SEL:
                    return RegisterAccess.WriteOnly;
                default:
                    return RegisterAccess.ReadWrite;
            }
        }

        /// <summary>
        /// The value (as on the wire) the register holds after power-up or reset, or
        /// <see cref="NoResetValue"/> where the data sheet gives none (measurements, status).
        /// </summary>
        public static long ResetValueOf(Register register)
        {
            ushort a = (ushort)register;
            if (a >= 0x4380 && a <= 0x43B9) return FormatOf(register) == WireFormat.None ? NoResetValue : 0;
            if (a >= 0xE400 && a <= 0xE40E) return 0; // Table 32: 0x00000000
            switch (register)
            {
                case Register.RUN: return 0x0000;
                case Register.OILVL: return 0xFFFFFF;
                case Register.OVLVL: return 0xFFFFFF;
                case Register.SAGLVL: return 0x000000;
                case Register.MASK0: return 0;
                case Register.MASK1: return 0;
                case Register.CHECKSUM: return 0xAFFA63B9;
                case Register.VNOM: return 0;
                case Register.LINECYC: return 0xFFFF;
                case Register.ZXTOUT: return 0xFFFF;
                case Register.COMPMODE: return 0x01FF;
                case Register.GAIN: return 0x0000;
                case Register.CFMODE: return 0x0EA0;
                case Register.CF1DEN: return 0x0000;
                case Register.CF2DEN: return 0x0000;
                case Register.CF3DEN: return 0x0000;
                case Register.APHCAL: return 0;
                case Register.BPHCAL: return 0;
                case Register.CPHCAL: return 0;
                case Register.CONFIG: return 0x0002;
                case Register.MMODE: return 0x1C;
                case Register.ACCMODE: return 0x80;
                case Register.LCYCMODE: return 0x78;
                case Register.PEAKCYC: return 0x00;
                case Register.SAGCYC: return 0x00;
                case Register.CFCYC: return 0x01;
                case Register.HSDC_CFG: return 0x00;
                case Register.DSPWP_SET: return 0x00;
                case Register.Reserved_E7E4: return 0x08;
                case Register.DSPWP_SEL: return 0xAD;
                case Register.HCONFIG: return 0x08;
                case Register.APNOLOAD: return 0;
                case Register.VARNOLOAD: return 0;
                case Register.VANOLOAD: return 0;
                case Register.CONFIG3: return 0x01;
                case Register.WTHR: return 0x03;
                case Register.VARTHR: return 0x03;
                case Register.VATHR: return 0x03;
                case Register.HX: return 3;
                case Register.HY: return 5;
                case Register.HZ: return 7;
                case Register.LPOILVL: return 0x07;
                case Register.CONFIG2: return 0x00;
                default: return NoResetValue;
            }
        }

        /// <summary>Whether the register is signed (two's complement) once decoded.</summary>
        public static bool IsSigned(WireFormat format)
        {
            return format == WireFormat.S16 || format == WireFormat.S32 || format == WireFormat.Zpse24
                || format == WireFormat.Zp24S || format == WireFormat.Zp28S || format == WireFormat.Se24;
        }

        /// <summary>Decodes a raw wire word into the register's numeric value (sign restored).</summary>
        public static int Decode(WireFormat format, uint raw)
        {
            switch (format)
            {
                case WireFormat.U8: return (int)(raw & 0xFF);
                case WireFormat.U16: return (int)(raw & 0xFFFF);
                case WireFormat.S16: return (short)(raw & 0xFFFF);
                case WireFormat.Zp10U: return (int)(raw & 0x3FF);
                case WireFormat.Zp20U: return (int)(raw & 0xFFFFF);
                case WireFormat.Zp24U: return (int)(raw & 0xFFFFFF);
                // 24-bit signed data: bit 23 is the sign whatever the padding (ZP, ZPSE or SE).
                case WireFormat.Zpse24:
                case WireFormat.Zp24S:
                case WireFormat.Se24: return ((int)(raw << 8)) >> 8;
                case WireFormat.Zp28S: return ((int)(raw << 4)) >> 4;
                default: return (int)raw;
            }
        }

        /// <summary>
        /// Encodes a value for writing: ZPSE sign-extends a 24-bit value to 28 bits and zeroes
        /// the top 4 (Table 30 footnote 2); ZP zeroes the padding; SE sign-extends to 32 bits.
        /// </summary>
        public static uint Encode(WireFormat format, int value)
        {
            switch (format)
            {
                case WireFormat.U8: return (uint)value & 0xFF;
                case WireFormat.U16:
                case WireFormat.S16: return (uint)value & 0xFFFF;
                case WireFormat.Zp10U: return (uint)value & 0x3FF;
                case WireFormat.Zp20U: return (uint)value & 0xFFFFF;
                case WireFormat.Zp24U:
                case WireFormat.Zp24S: return (uint)value & 0xFFFFFF;
                case WireFormat.Zpse24: return (uint)((((int)((uint)value << 8)) >> 8)) & 0x0FFFFFFF;
                case WireFormat.Zp28S: return (uint)value & 0x0FFFFFFF;
                case WireFormat.Se24: return (uint)(((int)((uint)value << 8)) >> 8);
                default: return (uint)value;
            }
        }

        /// <summary>Whether <paramref name="value"/> fits the register's value range.</summary>
        public static bool Fits(WireFormat format, int value)
        {
            switch (format)
            {
                case WireFormat.U8: return value >= 0 && value <= 0xFF;
                case WireFormat.U16: return value >= 0 && value <= 0xFFFF;
                case WireFormat.S16: return value >= -32768 && value <= 32767;
                case WireFormat.Zp10U: return value >= 0 && value <= 0x3FF;
                case WireFormat.Zp20U: return value >= 0 && value <= 0xFFFFF;
                case WireFormat.Zp24U: return value >= 0 && value <= 0xFFFFFF;
                case WireFormat.Zpse24:
                case WireFormat.Zp24S:
                case WireFormat.Se24: return value >= -0x800000 && value <= 0x7FFFFF;
                case WireFormat.Zp28S: return value >= -0x8000000 && value <= 0x7FFFFFF;
                default: return true;
            }
        }
    }
}
