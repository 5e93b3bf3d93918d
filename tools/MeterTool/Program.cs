using System.CommandLine;
using Meter.Tool.Cli;

namespace Meter.Tool;

/// <summary>METERTOOL entry point: the IEC 62056-21 optical-head client.</summary>
public static class Program
{
    /// <summary>Builds the command tree (also used by tests).</summary>
    public static RootCommand BuildRoot()
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("MeterTool: read, program, calibrate and fetch profiles from a meter over its IEC 62056-21 optical port "
            + "(a USB optical head with --port, or the virtual meter with --tcp).");
        globals.AddTo(root);
        root.Add(ReadoutCommand.Create(globals));
        root.Add(ReadWriteCommands.CreateRead(globals));
        root.Add(ReadWriteCommands.CreateWrite(globals));
        root.Add(SetClockCommand.Create(globals));
        root.Add(ConfigureCommand.Create(globals));
        root.Add(ReadListCommand.Create(globals));
        root.Add(ProfileCommand.Create(globals));
        root.Add(QualityCommand.Create(globals));
        root.Add(EventsCommand.Create(globals));
        root.Add(CalibrateCommand.Create(globals));
        root.Add(AccuracyCommand.Create());
        root.Add(CreditCommands.CreateCredit(globals));
        root.Add(CreditCommands.CreateToken());
        root.Add(PulseInputCommand.Create(globals));
        root.Add(BreakerCommands.CreateCommand(globals, "disconnect", 0, "Disconnect the consumer: remote_disconnect"));
        root.Add(BreakerCommands.CreateCommand(globals, "reconnect", 1, "remote_reconnect: connects in control modes 2 and 4, releases for the push button in 1, 3, 5, 6"));
        root.Add(BreakerCommands.CreateCommand(globals, "release", 2, "Release a disconnected meter for reconnection by its push button (modes 1, 3, 5, 6)"));
        root.Add(BreakerCommands.CreateLimiter(globals));
        return root;
    }

    /// <summary>Runs the command line; parse errors print a message and return non-zero.</summary>
    public static int Main(string[] args)
    {
        // No arguments: the usage (the list of commands) on stderr and exit 1, as for any other
        // missing argument. A parse error: one line naming the bad token, exit 1, instead of the
        // whole help page under it.
        if (args.Length == 0)
        {
            BuildRoot().Parse(["--help"]).Invoke(new InvocationConfiguration { Output = Console.Error });
            Console.Error.WriteLine("error: no command given: choose one of the commands above");
            return CommandRunner.BadArguments;
        }
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {parse.Errors[0].Message} (see MeterTool --help)");
            return CommandRunner.BadArguments;
        }
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = true });
    }
}
