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
        root.Add(EventsCommand.Create(globals));
        root.Add(CalibrateCommand.Create(globals));
        return root;
    }

    /// <summary>Runs the command line; parse errors print a message and return non-zero.</summary>
    public static int Main(string[] args)
    {
        // No arguments: the help page (the list of commands). A parse error: one line naming the
        // bad token, exit 1, instead of the whole help page under it.
        var parse = BuildRoot().Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {parse.Errors[0].Message} (see MeterTool --help)");
            return CommandRunner.BadArguments;
        }
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = true });
    }
}
