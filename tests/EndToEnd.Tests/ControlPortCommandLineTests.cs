using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Meter.VirtualMeter;

namespace EndToEnd.Tests;

/// <summary>VirtualMeter's command line with <c>--control-port</c> and <c>--speed hold</c>: it says where the channel listens, and its time moves only by <c>advance</c>.</summary>
[Collection("console")]
public class ControlPortCommandLineTests
{
    [Fact]
    public void The_program_prints_its_control_port_and_held_time_reaches_the_duration_only_by_advance()
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var output = new StringWriter();
        var sync = TextWriter.Synchronized(output);
        Console.SetOut(sync);
        Console.SetError(TextWriter.Synchronized(new StringWriter()));
        try
        {
            int code = -1;
            var main = new Thread(() => code = Program.Main(["--optical", "none", "--control-port", "0", "--speed", "hold", "--duration", "1h",
                "--start", "2025-01-15T08:00:00Z", "--load", "balanced"]));
            main.Start();
            int port = 0;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (port == 0)
            {
                Assert.True(main.IsAlive, "the program ended before it listened");
                Assert.True(DateTime.UtcNow < deadline, "no control channel line within 60 s");
                Thread.Sleep(20);
                string text;
                lock (sync) text = output.ToString();
                var m = Regex.Match(text, @"control channel tcp:127\.0\.0\.1:(\d+)");
                if (m.Success) port = int.Parse(m.Groups[1].Value);
            }
            using var client = new TcpClient("127.0.0.1", port) { ReceiveTimeout = 60_000 };
            var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
            var writer = new StreamWriter(client.GetStream(), Encoding.ASCII) { NewLine = "\n", AutoFlush = true };
            writer.WriteLine("time");
            Assert.Equal("ok 2025-01-15T08:00:00Z", reader.ReadLine());
            Thread.Sleep(500);
            Assert.True(main.IsAlive); // held: a real-time second would not end an hour's run, but nothing moves at all
            writer.WriteLine("time");
            Assert.Equal("ok 2025-01-15T08:00:00Z", reader.ReadLine());
            writer.WriteLine("advance 1h");
            Assert.Equal("ok 2025-01-15T09:00:00Z", reader.ReadLine());
            Assert.True(main.Join(TimeSpan.FromSeconds(60)), "the run did not end at its duration");
            Assert.Equal(0, code);
            string final;
            lock (sync) final = output.ToString();
            // Balanced load: 3 × 230 V × 10 A × cos 18.19° × 1 h = 6.555 kWh (an hour, not the wall time the test took).
            Assert.True(Regex.IsMatch(final, @"A\+ 6\.55[3-6] kWh"), final);
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
