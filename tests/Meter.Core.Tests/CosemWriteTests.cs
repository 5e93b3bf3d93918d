using System.Text;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// SET by the management client (SAP 1, LLS with P1) writes what the optical port's W1 may write, through the same
/// table, owners and event log; legal data is refused with the seal closed; the public client writes nothing.
/// Each DLMS outcome is compared with the event a W1 of the same value leaves on a second meter (what OpticalServer
/// does: table write at level 1, then WriteAccepted / WriteRejected with its ERnn).
/// </summary>
public class CosemWriteTests
{
    private static readonly ObisCode EnergyImport = new(1, 0, 1, 8, 0, 255);

    private static byte[] Send(ElectricityMeter m, string hex, int sap)
    {
        byte[] apdu = Convert.FromHexString(hex.Replace(" ", ""));
        var response = new byte[1024];
        return response[..m.Dlms.HandleApdu(sap, apdu, 0, apdu.Length, response, 0, response.Length)];
    }

    private static string Set(ElectricityMeter m, ObisCode code, int classId, string data, int sap = 1)
    {
        if (sap == 1) Send(m, MeterDlmsServerTests.LlsAarq(m.Settings.Passwords[0]), 1);
        else Send(m, MeterCosemClient.PublicAarqWithoutPdu + "04 B0", 16);
        string request = $"C1 01 C1 {classId:X4} {code.A:X2}{code.B:X2}{code.C:X2}{code.D:X2}{code.E:X2}{code.F:X2} 02 00 {data}";
        return Convert.ToHexString(Send(m, request, sap));
    }

    // The optical port's W1 of the same text on another meter: table write at P1's level, seal closed, then its event.
    private static EventRecord OpticalWrite(ObisCode code, string text)
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        ObisWriteResult result = MeterRig.Write(m, code, text, 1, false);
        if (result == ObisWriteResult.Accepted) m.Events.Record(OpticalEventKind.WriteAccepted, 0, code, 0);
        else m.Events.Record(OpticalEventKind.WriteRejected, 0, code, OpticalErrorCode.NumberOf(OpticalErrorCode.ForWriteResult(result)));
        return Newest(m);
    }

    private static EventRecord Newest(ElectricityMeter m)
    {
        var e = new EventRecord();
        Assert.True(m.Storage.Events.TryRead(0, e));
        return e;
    }

    private static void SameEvent(EventRecord expected, EventRecord actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Detail, actual.Detail);
        Assert.Equal(expected.OldValue, actual.OldValue);
        Assert.Equal(expected.NewValue, actual.NewValue);
    }

    [Fact]
    public void A_setting_is_written_through_the_settings_writer_with_the_optical_ports_event()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Assert.Equal("C501C100", Set(m, SettingsObjects.BillingTargetDay, 1, "11 0A")); // unsigned 10: success
        Assert.Equal(MeterRig.ValueText(m, SettingsObjects.BillingTargetDay), ValueAfterOpticalWrite(SettingsObjects.BillingTargetDay, "10"));
        SameEvent(OpticalWrite(SettingsObjects.BillingTargetDay, "10"), Newest(m));
    }

    private static string ValueAfterOpticalWrite(ObisCode code, string text)
    {
        using var host = MeterRig.Start();
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(host.Meter, code, text));
        return MeterRig.ValueText(host.Meter, code);
    }

    [Fact]
    public void An_energy_register_is_legal_data_refused_read_write_denied_and_logged_with_ER08()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromMinutes(2));
        var m = host.Meter;
        string before = MeterRig.ValueText(m, EnergyImport);
        Assert.Equal("C501C103", Set(m, EnergyImport, 3, "06 00000000"));
        Assert.Equal(before, MeterRig.ValueText(m, EnergyImport));
        EventRecord e = Newest(m);
        Assert.Equal(EventKind.PasswordFailure, e.Kind);
        Assert.Equal((int)OpticalEventKind.WriteRejected, e.Detail);
        Assert.Equal(8, e.NewValue); // ER08 seal closed
        SameEvent(OpticalWrite(EnergyImport, "0"), e);
    }

    [Theory]
    [InlineData("11 63", "FA", "99", 10)]     // billing target day 99: out of range → other-reason, ER10
    [InlineData("09 01 0A", "0C", null, 0)]   // an octet-string for an integer: type-unmatched (not written, not logged as a write)
    public void A_bad_value_answers_its_data_access_result(string data, string result, string? opticalText, int er)
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        string before = MeterRig.ValueText(m, SettingsObjects.BillingTargetDay);
        long logged = m.Storage.Events.TotalLogged;
        Assert.Equal("C501C1" + result, Set(m, SettingsObjects.BillingTargetDay, 1, data));
        Assert.Equal(before, MeterRig.ValueText(m, SettingsObjects.BillingTargetDay));
        if (opticalText == null) { Assert.Equal(logged, m.Storage.Events.TotalLogged); return; }
        Assert.Equal(er, Newest(m).NewValue);
        SameEvent(OpticalWrite(SettingsObjects.BillingTargetDay, opticalText), Newest(m));
    }

    [Fact]
    public void The_public_client_reads_but_may_not_write_scope_of_access_violated()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        long logged = m.Storage.Events.TotalLogged;
        Assert.Equal("C501C10D", Set(m, SettingsObjects.BillingTargetDay, 1, "11 0A", sap: 16));
        Assert.Equal(logged, m.Storage.Events.TotalLogged);
    }
}
