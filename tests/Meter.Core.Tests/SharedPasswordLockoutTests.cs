using System.Text;
using Meter.Dlms;
using Meter.Optical;

namespace Meter.Core.Tests;

/// <summary>
/// Issue 18: wrong DLMS management passwords (LLS, the optical port's P1) count toward the same lockout as wrong P1
/// passwords on the optical port; while it runs the right password opens neither; it ends as the optical port's does.
/// </summary>
public class SharedPasswordLockoutTests
{
    private const string WrongPasswordError = "\u0002(" + OpticalErrorCode.WrongPassword + ")\u0003";
    private const string PortLockedError = "\u0002(" + OpticalErrorCode.PortLocked + ")\u0003";

    // Green Book LLS AARQ of the management client (SAP 1) with the password's bytes as calling-authentication-value.
    private static byte[] LlsAarq(string password)
    {
        string pw = Convert.ToHexString(Encoding.ASCII.GetBytes(password));
        string body = "A109060760857405080101 8A020780 8B0760857405080201 "
            + $"AC{password.Length + 2:X2}80{password.Length:X2}{pw} BE10040E01000000065F1F0400007E1F04B0";
        body = body.Replace(" ", "");
        return Convert.FromHexString($"60{body.Length / 2:X2}{body}");
    }

    // The AARE's result: 0 accepted, 1 rejected-permanent (the meter's CosemServer.LastAssociationResult).
    private static int Associate(ElectricityMeter m, string password)
    {
        byte[] aarq = LlsAarq(password);
        var response = new byte[512];
        var server = (CosemServer)m.Dlms;
        int n = server.HandleApdu(1, aarq, 0, aarq.Length, response, 0, response.Length);
        Assert.True(n > 0);
        Assert.Equal(0x61, response[0]); // AARE
        server.LinkClosed(); // each attempt on its own link, as a client would retry
        return server.LastAssociationResult;
    }

    private static string Wrong(string p1) => p1[0] == '9' ? "1" + p1[1..] : "9" + p1[1..];

    private static string Expected(string text)
    {
        byte bcc = 0;
        foreach (char c in text[1..]) bcc ^= (byte)c;
        return text + (char)bcc;
    }

    [Fact]
    public void Wrong_DLMS_passwords_and_a_wrong_P1_lock_both_ports_until_the_optical_lockout_ends()
    {
        var rig = new SerialMeterRig();
        ElectricityMeter m = rig.Meter;
        string p1 = m.Settings.Passwords[0];
        OpticalServer optical = m.Optical;
        int limit = 3; // OpticalPortSettings.MaximumPasswordFailures of the meter
        int lockoutMinutes = 60; // OpticalPortSettings.LockoutMinutes

        for (int i = 1; i < limit; i++)
        {
            Assert.Equal(1, Associate(m, Wrong(p1)));
            Assert.Equal(i, optical.PasswordFailures);
            Assert.False(optical.IsLocked);
        }

        // The limit-th wrong password, on the optical port: the lockout starts.
        rig.EnterProgramming();
        Assert.Equal(Expected(WrongPasswordError), rig.Command($"P1\u0002({Wrong(p1)})\u0003"));
        Assert.True(optical.IsLocked);

        // The right password is refused on both ports while it runs.
        Assert.Equal(Expected(PortLockedError), rig.Command($"P1\u0002({p1})\u0003"));
        Assert.Equal(0, optical.GrantedLevel);
        Assert.Equal(1, Associate(m, p1));
        rig.SignOff();

        // Just before its end still locked; after it (the optical port's rule: LockoutMinutes from the last failure) both open.
        rig.Wait(lockoutMinutes - 1);
        Assert.True(optical.IsLocked);
        Assert.Equal(1, Associate(m, p1));
        rig.Wait(1.1);
        Assert.False(optical.IsLocked);
        Assert.Equal(0, Associate(m, p1));
        rig.EnterProgramming();
        Assert.Equal("\u0006", rig.Command($"P1\u0002({p1})\u0003"));
        Assert.Equal(1, optical.GrantedLevel);
    }

    [Fact]
    public void Limit_wrong_DLMS_passwords_alone_lock_the_optical_port()
    {
        var rig = new SerialMeterRig();
        ElectricityMeter m = rig.Meter;
        string p1 = m.Settings.Passwords[0];
        for (int i = 0; i < 3; i++) Assert.Equal(1, Associate(m, Wrong(p1)));
        Assert.True(m.Optical.IsLocked);
        rig.EnterProgramming();
        Assert.Equal(Expected(PortLockedError), rig.Command($"P1\u0002({p1})\u0003"));
    }

    [Fact]
    public void A_right_DLMS_password_does_not_count()
    {
        var rig = new SerialMeterRig();
        ElectricityMeter m = rig.Meter;
        Assert.Equal(0, Associate(m, m.Settings.Passwords[0]));
        Assert.Equal(0, m.Optical.PasswordFailures);
    }
}
