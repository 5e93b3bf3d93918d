using Meter.Obis;
using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>Password failures, lock-out and the event trail of logins and writes.</summary>
public class SecurityTests
{
    [Fact]
    public void Three_wrong_passwords_lock_the_port_for_sixty_minutes()
    {
        var rig = new OpticalRig(s => { s.MaximumPasswordFailures = 3; s.LockoutMinutes = 60; });
        rig.EnterProgramming();
        for (int i = 0; i < 3; i++)
            Assert.Equal("\u0002(ER02)\u0003\u0017", rig.Command("P1\u0002(11111111)\u0003"));
        long lockedAt = rig.Events.Events.Single(e => e.Kind == OpticalEventKind.PortLocked).TimeMs;
        // Even the right password is now refused with ER04 (0x15 ^ '0'^'4' = 0x11), unchecked.
        Assert.Equal("\u0002(ER04)\u0003\u0011", rig.Command("P1\u0002(00000000)\u0003"));
        Assert.Equal(0, rig.Server.GrantedLevel);
        Assert.True(rig.Server.IsLocked);

        // Still locked in a new session 59 minutes later.
        Assert.Equal("", rig.Command("B0\u0003"));
        rig.Probe.BaudRate = 300;
        rig.Run(59 * 60_000 - (rig.NowMs - lockedAt));
        rig.EnterProgramming();
        Assert.Equal("\u0002(ER04)\u0003\u0011", rig.Command("P1\u0002(00000000)\u0003"));
        Assert.Equal("", rig.Command("B0\u0003"));
        rig.Probe.BaudRate = 300;

        // After 60 minutes the right password works again.
        rig.Run(60 * 60_000 - (rig.NowMs - lockedAt) + 1);
        rig.EnterProgramming();
        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
        Assert.Equal(0, rig.Server.PasswordFailures);

        var kinds = rig.Events.Events.Select(e => e.Kind).ToArray();
        Assert.Equal(new[]
        {
            OpticalEventKind.PasswordRejected, OpticalEventKind.PasswordRejected, OpticalEventKind.PasswordRejected,
            OpticalEventKind.PortLocked, OpticalEventKind.LoginWhileLocked, OpticalEventKind.SessionEnded,
            OpticalEventKind.LoginWhileLocked, OpticalEventKind.SessionEnded, OpticalEventKind.LoginSucceeded,
        }, kinds);
        Assert.Equal(new[] { 1, 2, 3 }, rig.Events.Events.Take(3).Select(e => e.Detail));
        Assert.Equal(60, rig.Events.Events[3].Detail);
    }

    [Fact]
    public void A_successful_login_resets_the_failure_count()
    {
        var rig = new OpticalRig(s => s.MaximumPasswordFailures = 3);
        rig.EnterProgramming();
        rig.Command("P1\u0002(1)\u0003");
        rig.Command("P1\u0002(2)\u0003");
        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
        rig.Command("P1\u0002(3)\u0003"); // a failed P1 also drops the rights of the earlier one
        Assert.Equal(0, rig.Server.GrantedLevel);
        Assert.Equal(1, rig.Server.PasswordFailures);
        Assert.False(rig.Server.IsLocked);
    }

    [Fact]
    public void Second_level_password_grants_level_two()
    {
        var rig = new OpticalRig(s => s.Passwords = new[] { "00000000", "SECRET22" });
        rig.EnterProgramming();
        Assert.Equal("\u0006", rig.Command("P1\u0002(SECRET22)\u0003"));
        Assert.Equal(2, rig.Server.GrantedLevel);
        Assert.Equal("\u0006", rig.Command("W1\u00020.128.0(42)\u0003"));
        Assert.True(rig.Meter.Store.TryReadInteger(SampleMeter.LevelTwoParameter, out long v));
        Assert.Equal(42, v);
    }

    [Fact]
    public void Logins_and_writes_are_events_with_their_time()
    {
        var rig = new OpticalRig();
        rig.EnterProgramming();
        rig.Command("W1\u00020.8.0(30)\u0003");
        rig.Command("P1\u0002(00000000)\u0003");
        long loginTime = rig.NowMs;
        rig.Command("W1\u00020.8.0(30)\u0003");
        rig.Command("W1\u00020.8.0(99)\u0003");
        var e = rig.Events.Events;
        // A W1 before the login is a refused write with the error it got (ER03).
        Assert.Equal(OpticalEventKind.WriteRejected, e[0].Kind);
        Assert.Equal(StandardObjects.IntegrationPeriod, e[0].Code);
        Assert.Equal(3, e[0].Detail);
        Assert.Equal(OpticalEventKind.LoginSucceeded, e[1].Kind);
        Assert.Equal(1, e[1].Detail);
        Assert.InRange(loginTime - e[1].TimeMs, 0, 1000);
        Assert.Equal(OpticalEventKind.WriteAccepted, e[2].Kind);
        Assert.Equal(StandardObjects.IntegrationPeriod, e[2].Code);
        Assert.Equal(OpticalEventKind.WriteRejected, e[3].Kind);
        Assert.Equal(10, e[3].Detail); // ER10, out of range
        Assert.True(e[1].TimeMs < e[2].TimeMs && e[2].TimeMs < e[3].TimeMs);
    }

    [Fact]
    public void Password_is_changed_with_w1_and_never_read_back()
    {
        var rig = new OpticalRig();
        rig.Meter.Table.Add(new PasswordObject(1, rig.Settings, null));
        rig.EnterProgramming();
        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
        // R1 of the password object: "()" — data "0-0:96.128.1()" ETX, BCC: XOR of "0-0:96.128.1()" ETX = 0x10.
        Assert.Equal("\u00020-0:96.128.1()\u0003\u0010", rig.Command("R1\u00020-0:96.128.1()\u0003"));
        Assert.Equal("\u0002(ER11)\u0003\u0015", rig.Command("W1\u00020-0:96.128.1(12345678901234567)\u0003"));
        Assert.Equal("\u0002(ER09)\u0003\u001C", rig.Command("W1\u00020-0:96.128.1(a/b)\u0003"));
        Assert.Equal("\u0006", rig.Command("W1\u00020-0:96.128.1(Fresh-42)\u0003"));
        Assert.Equal("", rig.Command("B0\u0003"));
        rig.Probe.BaudRate = 300;
        rig.EnterProgramming();
        Assert.Equal("\u0002(ER02)\u0003\u0017", rig.Command("P1\u0002(00000000)\u0003"));
        Assert.Equal("\u0006", rig.Command("P1\u0002(Fresh-42)\u0003"));
    }
}
