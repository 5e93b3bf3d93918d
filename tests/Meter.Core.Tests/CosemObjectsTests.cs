using System.Text;
using Meter.Dlms;
using Meter.Metrology;
using Meter.Obis;

namespace Meter.Core.Tests;

/// <summary>The meter's register table served as COSEM objects (<see cref="ObisTableCosemObjects"/>) through a
/// <see cref="CosemServer"/>, as the public client (SAP 16) sees it.</summary>
public class CosemObjectsTests
{
    // Green Book AARQ of the public client: LN referencing no ciphering, lowest security, InitiateRequest version 6,
    // conformance 00 7E 1F, max PDU 0x04B0.
    private static readonly byte[] PublicAarq = Bytes("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0");

    private sealed class NoPasswords : IPasswordCheck
    {
        public bool Check(int clientSap, byte[] password, int offset, int length) => false;
    }

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    private static byte[] Send(CosemServer server, byte[] apdu, int sap = 16)
    {
        var response = new byte[1024];
        int n = server.HandleApdu(sap, apdu, 0, apdu.Length, response, 0, response.Length);
        return response[..n];
    }

    // Get-Request-Normal (IEC 62056-5-3): C0 01, invoke-id-and-priority, class_id, logical name, attribute, no selection.
    private static byte[] Get(int classId, string logicalName, int attribute)
        => Bytes($"C0 01 C1 {classId:X4} {logicalName} {attribute:X2} 00");

    private static CosemServer Associated(ElectricityMeter m)
    {
        var server = new CosemServer(new ObisTableCosemObjects(m.Table), new NoPasswords(), new CosemServerSettings());
        byte[] aare = Send(server, PublicAarq);
        Assert.Equal(0x61, aare[0]);
        Assert.Equal(0, server.LastAssociationResult);
        return server;
    }

    [Fact]
    public void Energy_import_value_is_the_register_in_Wh_with_scaler_0_unit_Wh()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromMinutes(10));
        var m = host.Meter;
        var server = Associated(m);
        long wh = MeterRig.Wh(m, EnergyRegister.ActiveImport);
        Assert.True(wh > 0);

        byte[] value = Send(server, Get(3, "01 00 01 08 00 FF", 2));
        // Get-Response-Normal C4 01 C1, data (0), double-long-unsigned (6), 4 bytes big-endian.
        Assert.Equal(Bytes("C4 01 C1 00 06"), value[..5]);
        Assert.Equal(9, value.Length);
        Assert.Equal(wh, ((long)value[5] << 24) | ((long)value[6] << 16) | ((long)value[7] << 8) | value[8]);

        // scaler_unit: structure of 2 {integer 0, enum 30 = Wh}.
        Assert.Equal(Bytes("C4 01 C1 00 02 02 0F 00 16 1E"), Send(server, Get(3, "01 00 01 08 00 FF", 3)));
        // logical_name: octet-string of 6.
        Assert.Equal(Bytes("C4 01 C1 00 09 06 01 00 01 08 00 FF"), Send(server, Get(3, "01 00 01 08 00 FF", 1)));
    }

    [Fact]
    public void Every_energy_register_the_object_list_names_has_a_value_and_there_is_no_export_per_tariff()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromMinutes(1));
        var server = Associated(host.Meter);
        int energyRegisters = 0;
        for (int i = 0; i < host.Meter.Table.Count; i++)
        {
            ObisCode code = host.Meter.Table[i].Code;
            if (code.A != 1 || code.C < 1 || code.C > 4 || code.D != 8 || code.F != 255) continue; // IEC 62056-61: C 1..4 A+ A- R+ R-, D 8 time integral 1
            energyRegisters++;
            string ln = $"{code.A:X2} {code.B:X2} {code.C:X2} {code.D:X2} {code.E:X2} {code.F:X2}";
            byte[] answer = Send(server, Get((int)host.Meter.Table[i].ClassId, ln, 2));
            Assert.True(answer.Length > 4 && answer[3] == 0, $"{code}: {Convert.ToHexString(answer)}"); // Get-Data-Result: data
        }
        Assert.Equal(6, energyRegisters); // A+, A+ T1, A+ T2, A-, R+, R-
        // 1-0:2.8.1 / 2.8.2 (A- per tariff) are not objects of this meter: data-access-result object-undefined (4).
        Assert.Equal(Bytes("C4 01 C1 01 04"), Send(server, Get(3, "01 00 02 08 01 FF", 2)));
        Assert.Equal(Bytes("C4 01 C1 01 04"), Send(server, Get(3, "01 00 02 08 02 FF", 2)));
        // Nor is 1-0:2.6.0 (P- maximum demand): the demand meter keeps P+max only.
        Assert.Equal(Bytes("C4 01 C1 01 04"), Send(server, Get(4, "01 00 02 06 00 FF", 2)));
    }

    [Fact]
    public void Power_register_gives_its_scaler_and_unit_W()
    {
        using var host = MeterRig.Start();
        var server = Associated(host.Meter);
        var item = (RegisterObject)host.Meter.Table.Find(InstantaneousValues.ActivePowerL1)!;
        Assert.Equal(Bytes($"C4 01 C1 00 02 02 0F {(byte)(sbyte)item.Scaler:X2} 16 1B"),
            Send(server, Get(3, "01 00 15 07 00 FF", 3)));
    }

    [Fact]
    public void Clock_time_is_a_12_byte_date_time_of_the_meter_local_time()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromSeconds(5));
        var server = Associated(host.Meter);
        string text = MeterRig.ValueText(host.Meter, StandardObjects.Clock); // "(25-01-15 00:00:05)"
        byte[] answer = Send(server, Get(8, "00 00 01 00 00 FF", 2));
        Assert.Equal(Bytes("C4 01 C1 00 09 0C"), answer[..6]);
        Assert.Equal(2025, answer[6] << 8 | answer[7]);
        Assert.Equal(text, $"({(answer[6] << 8 | answer[7]) % 100:00}-{answer[8]:00}-{answer[9]:00} {answer[11]:00}:{answer[12]:00}:{answer[13]:00})");
        Assert.Equal(Bytes("00 80 00 00"), answer[14..]);
    }

    [Fact]
    public void The_public_client_may_not_write_and_an_unknown_object_is_undefined()
    {
        using var host = MeterRig.Start();
        var server = Associated(host.Meter);
        // Set-Request-Normal (C1 01 C1) of 1-0:1.8.0 attribute 2 to 0 by the public client: the register is
        // writable only as legal data (W1 with the seal open), which the public association never has:
        // Set-Response-Normal result scope-of-access-violated (13; the management client gets read-write-denied,
        // CosemWriteTests).
        Assert.Equal(Bytes("C5 01 C1 0D"), Send(server, Bytes("C1 01 C1 0003 01 00 01 08 00 FF 02 00 06 00 00 00 00")));
        Assert.Equal(Bytes("C4 01 C1 01 04"), Send(server, Get(3, "01 00 63 63 63 FF", 2))); // object-undefined
    }
}

/// <summary>The meter's own COSEM server (<see cref="ElectricityMeter.Dlms"/>): the management client's password is the
/// optical port's P1.</summary>
public class MeterDlmsServerTests
{
    private static string Hex(byte[] b) => Convert.ToHexString(b);

    private static byte[] Send(IApduHandler server, string hex, int sap)
    {
        byte[] apdu = Convert.FromHexString(hex.Replace(" ", ""));
        var response = new byte[1024];
        int n = server.HandleApdu(sap, apdu, 0, apdu.Length, response, 0, response.Length);
        return response[..n];
    }

    // Green Book LLS AARQ of the management client (SAP 1) with an 8-character password.
    internal static string LlsAarq(string password)
    {
        string pw = Hex(Encoding.ASCII.GetBytes(password));
        string body = "A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 "
            + $"AC {password.Length + 2:X2} 80 {password.Length:X2} {pw} BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0";
        return $"60 {body.Replace(" ", "").Length / 2:X2} {body}";
    }

    [Fact]
    public void Management_client_is_accepted_with_P1_and_refused_with_another_password()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        var server = (CosemServer)m.Dlms;
        string p1 = m.Settings.Passwords[0];
        Assert.Equal(8, p1.Length);

        Send(server, LlsAarq(p1), 1);
        Assert.Equal(0, server.LastAssociationResult);
        Assert.True(server.Association.Active);

        string wrong = p1[0] == '9' ? "1" + p1[1..] : "9" + p1[1..];
        Send(server, LlsAarq(wrong), 1);
        Assert.Equal(1, server.LastAssociationResult); // rejected-permanent
        Assert.False(server.Association.Active);
    }

    [Fact]
    public void The_meter_server_reads_the_energy_register()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromMinutes(5));
        var m = host.Meter;
        Send(m.Dlms, "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0", 16);
        byte[] answer = Send(m.Dlms, "C0 01 C1 0003 01 00 01 08 00 FF 02 00", 16);
        Assert.Equal("C401C10006", Hex(answer[..5]));
        Assert.Equal(MeterRig.Wh(m, EnergyRegister.ActiveImport), (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(answer.AsSpan(5)));
    }
}

/// <summary>The meter's logical device name in the SAP assignment 0-0:41.0.0 (Green Book: FLAG id + serial, ≤ 16 octets).</summary>
public class MeterSapAssignmentTests
{
    private static byte[] Send(IApduHandler server, string hex, int sap)
    {
        byte[] apdu = Convert.FromHexString(hex.Replace(" ", ""));
        var response = new byte[1024];
        int n = server.HandleApdu(sap, apdu, 0, apdu.Length, response, 0, response.Length);
        return response[..n];
    }

    [Fact]
    public void The_meter_names_its_logical_device_by_flag_id_and_meter_number()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Assert.Equal("OMf", m.Settings.ManufacturerId);
        Send(m.Dlms, "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0", 16);
        string expected = "OMF" + m.Settings.MeterNumber;
        byte[] answer = Send(m.Dlms, "C0 01 C1 0011 00 00 29 00 00 FF 02 00", 16);
        Assert.Equal("C401C100" + "0101" + "02021200010" + "9" + expected.Length.ToString("X2") + Convert.ToHexString(Encoding.ASCII.GetBytes(expected)),
            Convert.ToHexString(answer));
    }

    [Fact]
    public void A_long_meter_number_keeps_its_last_13_characters()
    {
        var settings = new MeterSettings { MeterNumber = "1234567890ABCDEF" };
        var buffer = new byte[20];
        int n = new MeterLogicalDeviceName(settings).CopyTo(buffer, 2);
        Assert.Equal(16, n);
        Assert.Equal("OMF4567890ABCDEF", Encoding.ASCII.GetString(buffer, 2, n));
    }
}
