using System.Runtime.InteropServices;
using Meter.OpticalClient.Protocol;
using Meter.OpticalClient.Transport;
using Microsoft.Win32.SafeHandles;
using static MeterTool.Tests.Support.ScriptedMeter;

namespace MeterTool.Tests;

/// <summary>
/// <see cref="SerialTransport"/> (System.IO.Ports, 7E1) on a Linux pseudo-terminal — the way
/// the virtual meter's "--optical pty" port is opened. The test plays the meter on the master side.
/// </summary>
public class SerialTransportTests
{
    [DllImport("libc", SetLastError = true)] private static extern int posix_openpt(int flags);
    [DllImport("libc", SetLastError = true)] private static extern int grantpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int unlockpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern IntPtr ptsname(int fd);

    [Fact]
    public async Task Mode_A_readout_through_a_pty()
    {
        if (!OperatingSystem.IsLinux()) return; // pseudo-terminals as used here are Linux-only
        int master = posix_openpt(0x0002 | 0x0100); // O_RDWR | O_NOCTTY
        Assert.True(master >= 0, "posix_openpt failed");
        Assert.Equal(0, grantpt(master));
        Assert.Equal(0, unlockpt(master));
        string slave = Marshal.PtrToStringAnsi(ptsname(master))!;
        using var masterStream = new FileStream(new SafeFileHandle(master, ownsHandle: true), FileAccess.ReadWrite, 1);

        using var transport = new SerialTransport(slave);
        Assert.Equal(300, transport.BaudRate);
        var meterTask = Task.Run(() =>
        {
            // Wait for "/?!\r\n" from the client, answer as a mode A meter.
            var got = new List<byte>();
            var one = new byte[1];
            while (got.Count < 5 && masterStream.Read(one, 0, 1) == 1) got.Add(one[0]);
            Assert.Equal(A("/?!\r\n"), got);
            masterStream.Write(Cat(A("/ABC-Meter\r\n"), DataMessage("1.8.0(000123.456*kWh)\r\n!\r\n")));
            masterStream.Flush();
        });
        var readout = new Iec62056Client(transport).Readout("", 9600);
        await meterTask.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("ABC", readout.Identification.ManufacturerId);
        Assert.Equal("000123.456", Assert.Single(readout.DataSets).Value);
    }

    [Fact]
    public void The_same_pty_opens_again_for_the_next_session()
    {
        // The virtual meter keeps one pty for its whole run, so MeterTool opens it once per
        // command. The first session leaves the line at 300 Bd; the next open must still work
        // (it failed with "Value does not fall within the expected range" when opened 7E1).
        if (!OperatingSystem.IsLinux()) return;
        int master = posix_openpt(0x0002 | 0x0100); // O_RDWR | O_NOCTTY
        Assert.True(master >= 0, "posix_openpt failed");
        Assert.Equal(0, grantpt(master));
        Assert.Equal(0, unlockpt(master));
        string slave = Marshal.PtrToStringAnsi(ptsname(master))!;
        using var masterStream = new FileStream(new SafeFileHandle(master, ownsHandle: true), FileAccess.ReadWrite, 1);
        for (int session = 1; session <= 3; session++)
        {
            using var transport = new SerialTransport(slave);
            Assert.Equal(300, transport.BaudRate);
            transport.Write(A("/?!\r\n"));
            var got = new byte[5];
            int n = 0;
            while (n < 5) n += masterStream.Read(got, n, 5 - n);
            Assert.Equal(A("/?!\r\n"), got);
        }
    }

    [Fact]
    public void Missing_port_is_named()
    {
        var e = Assert.Throws<IOException>(() => new SerialTransport("/dev/does-not-exist-metertool"));
        Assert.Contains("/dev/does-not-exist-metertool", e.Message);
    }
}
