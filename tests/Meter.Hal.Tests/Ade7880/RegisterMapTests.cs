using CsCheck;
using Meter.Hal.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>
/// The register map against rows copied from the ADE7880 data sheet Tables 30–33.
/// <para>
/// Sources the rows were checked against (audit of issue 3): Table 32 and the head of Table 33
/// (0xE400–0xE505) against the data sheet Rev. A page 85 itself; every other row against the
/// register table that Tasmota's xnrg_23_ade7880.ino copies column by column from the data sheet
/// Rev. C (address, R/W, bit length, bit length during communication, type, default), with the
/// addresses also confirmed by ESPHome's ade7880_registers.h and ADI no-OS ade7880.c; the 32 ZPSE /
/// 32 ZP / 32 SE forms by the footnote of the DSP RAM table (ADE7854/58/68/78 Rev. G page 82, same
/// text). Two deliberate readings: xPHCAL is listed "16 ZP S" but the PHCAL register table defines
/// it as a field (0–383 lead, 512 + n lag), not two's complement, so it is handled as raw 10 bits;
/// ISUM is at 0x43C7 on the ADE7880 (0x43BF on the ADE7878).
/// </para>
/// </summary>
public class RegisterMapTests
{
    // address, name, bits on the wire, signed, reset value (-1 = N/A), read-only
    public static TheoryData<ushort, string, int, bool, long, bool> DataSheetRows => new()
    {
        // Table 30 (DSP data memory RAM): 24-bit signed gains/offsets as 32 ZPSE, default 0.
        { 0x4380, "AIGAIN", 32, true, 0, false },
        { 0x4381, "AVGAIN", 32, true, 0, false },
        { 0x4383, "BVGAIN", 32, true, 0, false },
        { 0x4384, "CIGAIN", 32, true, 0, false },
        { 0x4386, "NIGAIN", 32, true, 0, false },
        { 0x4388, "DICOEFF", 32, true, 0, false },
        { 0x4389, "APGAIN", 32, true, 0, false },
        { 0x438B, "BPGAIN", 32, true, 0, false },
        { 0x438D, "CPGAIN", 32, true, 0, false },
        { 0x438F, "AIRMSOS", 32, true, 0, false },
        { 0x4395, "NIRMSOS", 32, true, 0, false },
        { 0x439F, "VLEVEL", 32, true, 0, false },
        { 0x4398, "HPGAIN", 32, true, 0, false },
        { 0x4399, "ISUMLVL", 32, true, 0, false },
        { 0x43A2, "AFWATTOS", 32, true, 0, false },
        { 0x43A5, "AFVAROS", 32, true, 0, false },
        { 0x43AE, "HXWATTOS", 32, true, 0, false },
        { 0x43B9, "HZVRMSOS", 32, true, 0, false },
        { 0x43C0, "AIRMS", 32, true, -1, true },
        { 0x43C1, "AVRMS", 32, true, -1, true },
        { 0x43C5, "CVRMS", 32, true, -1, true },
        { 0x43C6, "NIRMS", 32, true, -1, true },
        { 0x43C7, "ISUM", 32, true, -1, true },
        // Table 31.
        { 0xE228, "RUN", 16, false, 0x0000, false },
        // Table 32 (billable): 32-bit signed, read-only, default 0.
        { 0xE400, "AWATTHR", 32, true, 0, true },
        { 0xE401, "BWATTHR", 32, true, 0, true },
        { 0xE402, "CWATTHR", 32, true, 0, true },
        { 0xE403, "AFWATTHR", 32, true, 0, true },
        { 0xE404, "BFWATTHR", 32, true, 0, true },
        { 0xE405, "CFWATTHR", 32, true, 0, true },
        { 0xE409, "AFVARHR", 32, true, 0, true },
        { 0xE40A, "BFVARHR", 32, true, 0, true },
        { 0xE40B, "CFVARHR", 32, true, 0, true },
        { 0xE40C, "AVAHR", 32, true, 0, true },
        { 0xE40D, "BVAHR", 32, true, 0, true },
        { 0xE40E, "CVAHR", 32, true, 0, true },
        // Table 33.
        { 0xE500, "IPEAK", 32, false, -1, true },
        { 0xE501, "VPEAK", 32, false, -1, true },
        { 0xE502, "STATUS0", 32, false, -1, false },
        { 0xE503, "STATUS1", 32, false, -1, false },
        { 0xE504, "AIMAV", 32, false, -1, true },
        { 0xE507, "OILVL", 32, false, 0xFFFFFF, false },
        { 0xE508, "OVLVL", 32, false, 0xFFFFFF, false },
        { 0xE509, "SAGLVL", 32, false, 0x000000, false },
        { 0xE50A, "MASK0", 32, false, 0, false },
        { 0xE50B, "MASK1", 32, false, 0, false },
        { 0xE50C, "IAWV", 32, true, -1, true },
        { 0xE50F, "INWV", 32, true, -1, true },
        { 0xE513, "AWATT", 32, true, -1, true },
        { 0xE516, "AFVAR", 32, true, -1, true },
        { 0xE519, "AVA", 32, true, -1, true },
        { 0xE51B, "CVA", 32, true, -1, true },
        { 0xE51F, "CHECKSUM", 32, false, 0xAFFA63B9, true },
        { 0xE520, "VNOM", 32, true, 0x000000, false },
        { 0xE5FF, "LAST_RWDATA32", 32, false, -1, true },
        { 0xE600, "PHSTATUS", 16, false, -1, true },
        { 0xE601, "ANGLE0", 16, false, -1, true },
        { 0xE603, "ANGLE2", 16, false, -1, true },
        { 0xE608, "PHNOLOAD", 16, false, -1, true },
        { 0xE60C, "LINECYC", 16, false, 0xFFFF, false },
        { 0xE60D, "ZXTOUT", 16, false, 0xFFFF, false },
        { 0xE60E, "COMPMODE", 16, false, 0x01FF, false },
        { 0xE60F, "GAIN", 16, false, 0x0000, false },
        { 0xE610, "CFMODE", 16, false, 0x0EA0, false },
        { 0xE611, "CF1DEN", 16, false, 0x0000, false },
        { 0xE613, "CF3DEN", 16, false, 0x0000, false },
        { 0xE614, "APHCAL", 16, false, 0x0000, false },   // see the class comment on xPHCAL
        { 0xE616, "CPHCAL", 16, false, 0x0000, false },
        { 0xE617, "PHSIGN", 16, false, -1, true },
        { 0xE618, "CONFIG", 16, false, 0x0002, false },
        { 0xE700, "MMODE", 8, false, 0x1C, false },
        { 0xE701, "ACCMODE", 8, false, 0x80, false },
        { 0xE702, "LCYCMODE", 8, false, 0x78, false },
        { 0xE703, "PEAKCYC", 8, false, 0x00, false },
        { 0xE704, "SAGCYC", 8, false, 0x00, false },
        { 0xE705, "CFCYC", 8, false, 0x01, false },
        { 0xE706, "HSDC_CFG", 8, false, 0x00, false },
        { 0xE707, "VERSION", 8, false, -1, true },
        { 0xE7E3, "DSPWP_SET", 8, false, 0x00, false },   // write-only
        { 0xE7E4, "Reserved_E7E4", 8, false, 0x08, true },
        { 0xE7FD, "LAST_RWDATA8", 8, false, -1, true },
        { 0xE7FE, "DSPWP_SEL", 8, false, 0xAD, false },   // write-only
        { 0xE880, "FVRMS", 32, true, -1, true },
        { 0xE886, "VTHD", 32, true, -1, true },
        { 0xE887, "ITHD", 32, true, -1, true },
        { 0xE900, "HCONFIG", 16, false, 0x08, false },
        { 0xE902, "APF", 16, true, -1, true },
        { 0xE904, "CPF", 16, true, -1, true },
        { 0xE905, "APERIOD", 16, false, -1, true },
        { 0xE907, "CPERIOD", 16, false, -1, true },
        { 0xE908, "APNOLOAD", 16, false, 0x0000, false },
        { 0xE90A, "VANOLOAD", 16, false, 0x0000, false },
        { 0xE9FE, "LAST_ADD", 16, false, -1, true },
        { 0xE9FF, "LAST_RWDATA16", 16, false, -1, true },
        { 0xEA00, "CONFIG3", 8, false, 0x01, false },
        { 0xEA01, "LAST_OP", 8, false, -1, true },
        { 0xEA02, "WTHR", 8, false, 0x03, false },
        { 0xEA03, "VARTHR", 8, false, 0x03, false },
        { 0xEA04, "VATHR", 8, false, 0x03, false },
        { 0xEA08, "HX", 8, false, 3, false },
        { 0xEA09, "HY", 8, false, 5, false },
        { 0xEA0A, "HZ", 8, false, 7, false },
        { 0xEC00, "LPOILVL", 8, false, 0x07, false },
        { 0xEC01, "CONFIG2", 8, false, 0x00, false },
    };

    [Theory]
    [MemberData(nameof(DataSheetRows))]
    public void Register_matches_the_data_sheet_row(ushort address, string name, int bits, bool signed, long reset, bool readOnly)
    {
        var register = (Register)address;
        Assert.Equal(name, register.ToString());
        var format = RegisterMap.FormatOf(register);
        Assert.Equal(bits / 8, RegisterMap.WireBytes(format));
        Assert.Equal(signed, RegisterMap.IsSigned(format));
        Assert.Equal(reset, RegisterMap.ResetValueOf(register));
        Assert.Equal(readOnly, RegisterMap.AccessOf(register) == RegisterAccess.ReadOnly);
    }

    [Theory]
    [InlineData(0xE406)] // Table 32: 0xE406..0xE408 reserved on the ADE7880 (AVARHR.. only on the ADE7878)
    [InlineData(0xE407)]
    [InlineData(0xE408)]
    [InlineData(0x4387)] // the DSP RAM gaps of the ADE7880 table: 0x4387, 0x4396–97, 0x439A–9E, 0x43A0–A1
    [InlineData(0x4396)]
    [InlineData(0x4397)]
    [InlineData(0x439A)]
    [InlineData(0x439E)]
    [InlineData(0x43A0)]
    [InlineData(0x43A1)]
    [InlineData(0x43BA)] // after HZVRMSOS
    public void Reserved_addresses_are_not_registers(ushort address)
    {
        Assert.Equal(WireFormat.None, RegisterMap.FormatOf((Register)address));
        Assert.Equal(RegisterAccess.Unallocated, RegisterMap.AccessOf((Register)address));
    }

    [Fact]
    public void The_dsp_ram_protection_registers_are_write_only()
    {
        Assert.Equal(RegisterAccess.WriteOnly, RegisterMap.AccessOf(Register.DSPWP_SEL));
        Assert.Equal(RegisterAccess.WriteOnly, RegisterMap.AccessOf(Register.DSPWP_SET));
    }

    [Theory]
    // 32 ZPSE (Table 30 footnote): 24-bit signed, sign-extended to 28 bits, top 4 bits zero.
    [InlineData(-1, 0x0FFFFFFFu)]
    [InlineData(-8388608, 0x0F800000u)]   // −2^23
    [InlineData(8388607, 0x007FFFFFu)]    // 2^23 − 1
    [InlineData(0x123456, 0x00123456u)]
    public void Zpse_encoding_follows_the_footnote(int value, uint wire)
    {
        Assert.Equal(wire, RegisterMap.Encode(WireFormat.Zpse24, value));
        Assert.Equal(value, RegisterMap.Decode(WireFormat.Zpse24, wire));
    }

    [Fact]
    public void Se_and_zp_decoding_restore_the_sign()
    {
        Assert.Equal(-8388608, RegisterMap.Decode(WireFormat.Se24, 0xFF800000));   // 32 SE
        Assert.Equal(-2, RegisterMap.Decode(WireFormat.Zp24S, 0x00FFFFFE));         // 24-bit signed, 32 ZP
        Assert.Equal(-134217728, RegisterMap.Decode(WireFormat.Zp28S, 0x08000000)); // 28-bit signed, 32 ZP
        Assert.Equal(0x3FF, RegisterMap.Decode(WireFormat.Zp10U, 0xFFFF));          // 10-bit phase calibration
        Assert.Equal(-1, RegisterMap.Decode(WireFormat.S16, 0xFFFF));
    }

    [Fact]
    public void Every_24_bit_signed_value_round_trips_in_each_wire_form()
    {
        Gen.Int[-8388608, 8388607].Sample(v =>
        {
            foreach (var f in new[] { WireFormat.Zpse24, WireFormat.Zp24S, WireFormat.Se24, WireFormat.Zp28S })
                if (RegisterMap.Decode(f, RegisterMap.Encode(f, v)) != v) return false;
            return (RegisterMap.Encode(WireFormat.Zpse24, v) & 0xF0000000) == 0;
        }, iter: 20000);
    }
}
