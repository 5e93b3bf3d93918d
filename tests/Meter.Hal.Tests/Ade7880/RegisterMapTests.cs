using CsCheck;
using Meter.Hal.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>The register map against rows copied from the ADE7880 data sheet Rev. A, Tables 30–33.</summary>
public class RegisterMapTests
{
    // address, name, bits on the wire, signed, reset value (-1 = N/A), read-only
    public static TheoryData<ushort, string, int, bool, long, bool> DataSheetRows => new()
    {
        // Table 30 (DSP data memory RAM): 24-bit signed gains/offsets as 32 ZPSE, default 0.
        { 0x4380, "AIGAIN", 32, true, 0, false },
        { 0x4386, "NIGAIN", 32, true, 0, false },
        { 0x4388, "DICOEFF", 32, true, 0, false },
        { 0x4389, "APGAIN", 32, true, 0, false },
        { 0x438B, "BPGAIN", 32, true, 0, false },
        { 0x438D, "CPGAIN", 32, true, 0, false },
        { 0x438F, "AIRMSOS", 32, true, 0, false },
        { 0x4395, "NIRMSOS", 32, true, 0, false },
        { 0x439F, "VLEVEL", 32, true, 0, false },
        { 0x43A5, "AFVAROS", 32, true, 0, false },
        { 0x43B9, "HZVRMSOS", 32, true, 0, false },
        { 0x43C0, "AIRMS", 32, true, -1, true },
        { 0x43C1, "AVRMS", 32, true, -1, true },
        { 0x43C5, "CVRMS", 32, true, -1, true },
        { 0x43C6, "NIRMS", 32, true, -1, true },
        // Table 31.
        { 0xE228, "RUN", 16, false, 0x0000, false },
        // Table 32 (billable): 32-bit signed, read-only, default 0.
        { 0xE400, "AWATTHR", 32, true, 0, true },
        { 0xE402, "CWATTHR", 32, true, 0, true },
        { 0xE403, "AFWATTHR", 32, true, 0, true },
        { 0xE409, "AFVARHR", 32, true, 0, true },
        { 0xE40B, "CFVARHR", 32, true, 0, true },
        { 0xE40C, "AVAHR", 32, true, 0, true },
        { 0xE40E, "CVAHR", 32, true, 0, true },
        // Table 33.
        { 0xE500, "IPEAK", 32, false, -1, true },
        { 0xE502, "STATUS0", 32, false, -1, false },
        { 0xE503, "STATUS1", 32, false, -1, false },
        { 0xE504, "AIMAV", 32, false, -1, true },
        { 0xE507, "OILVL", 32, false, 0xFFFFFF, false },
        { 0xE508, "OVLVL", 32, false, 0xFFFFFF, false },
        { 0xE509, "SAGLVL", 32, false, 0x000000, false },
        { 0xE50A, "MASK0", 32, false, 0, false },
        { 0xE50B, "MASK1", 32, false, 0, false },
        { 0xE50C, "IAWV", 32, true, -1, true },
        { 0xE513, "AWATT", 32, true, -1, true },
        { 0xE516, "AFVAR", 32, true, -1, true },
        { 0xE519, "AVA", 32, true, -1, true },
        { 0xE51F, "CHECKSUM", 32, false, 0xAFFA63B9, true },
        { 0xE5FF, "LAST_RWDATA32", 32, false, -1, true },
        { 0xE600, "PHSTATUS", 16, false, -1, true },
        { 0xE601, "ANGLE0", 16, false, -1, true },
        { 0xE60C, "LINECYC", 16, false, 0xFFFF, false },
        { 0xE60D, "ZXTOUT", 16, false, 0xFFFF, false },
        { 0xE60E, "COMPMODE", 16, false, 0x01FF, false },
        { 0xE60F, "GAIN", 16, false, 0x0000, false },
        { 0xE610, "CFMODE", 16, false, 0x0EA0, false },
        { 0xE611, "CF1DEN", 16, false, 0x0000, false },
        { 0xE614, "APHCAL", 16, false, 0x0000, false },
        { 0xE618, "CONFIG", 16, false, 0x0002, false },
        { 0xE700, "MMODE", 8, false, 0x1C, false },
        { 0xE701, "ACCMODE", 8, false, 0x80, false },
        { 0xE702, "LCYCMODE", 8, false, 0x78, false },
        { 0xE705, "CFCYC", 8, false, 0x01, false },
        { 0xE707, "VERSION", 8, false, -1, true },
        { 0xE7E4, "Reserved_E7E4", 8, false, 0x08, true },
        { 0xE7FE, "DSPWP_SEL", 8, false, 0xAD, false },
        { 0xE886, "VTHD", 32, true, -1, true },
        { 0xE900, "HCONFIG", 16, false, 0x08, false },
        { 0xE902, "APF", 16, true, -1, true },
        { 0xE905, "APERIOD", 16, false, -1, true },
        { 0xE9FE, "LAST_ADD", 16, false, -1, true },
        { 0xEA00, "CONFIG3", 8, false, 0x01, false },
        { 0xEA01, "LAST_OP", 8, false, -1, true },
        { 0xEA02, "WTHR", 8, false, 0x03, false },
        { 0xEA03, "VARTHR", 8, false, 0x03, false },
        { 0xEA04, "VATHR", 8, false, 0x03, false },
        { 0xEA08, "HX", 8, false, 3, false },
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
    [InlineData(0x4387)]
    public void Reserved_addresses_are_not_registers(ushort address)
    {
        Assert.Equal(WireFormat.None, RegisterMap.FormatOf((Register)address));
        Assert.Equal(RegisterAccess.Unallocated, RegisterMap.AccessOf((Register)address));
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
