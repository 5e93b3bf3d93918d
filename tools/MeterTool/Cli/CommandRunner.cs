using System.CommandLine;
using Meter.OpticalClient.Protocol;
using Spectre.Console;

namespace Meter.Tool.Cli;

/// <summary>Runs a command body and turns every expected failure into a one-line message and an exit code.</summary>
public static class CommandRunner
{
    /// <summary>Exit code: success.</summary>
    public const int Ok = 0;
    /// <summary>Exit code: bad arguments.</summary>
    public const int BadArguments = 1;
    /// <summary>Exit code: the protocol exchange failed.</summary>
    public const int ProtocolFailure = 2;
    /// <summary>Exit code: the link could not be opened or broke.</summary>
    public const int LinkFailure = 3;
    /// <summary>Exit code: calibration verification outside tolerance.</summary>
    public const int VerificationFailed = 4;
    /// <summary>Exit code: an unexpected internal error (a bug; reported without a stack trace).</summary>
    public const int InternalError = 70;

    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>, with error handling.</summary>
    public static void SetAction(Command command, Func<ParseResult, int> body) =>
        command.SetAction(parse => Run(() => body(parse)));

    /// <summary>Runs <paramref name="body"/>; prints failures without a stack trace.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (MeterProtocolException e)
        {
            Error($"{e.Kind}: {e.Message}");
            return ProtocolFailure;
        }
        catch (Meter.Tool.Dlms.DlmsException e)
        {
            Error("DLMS: " + e.Message);
            return ProtocolFailure;
        }
        catch (ArgumentException e)
        {
            Error(e.Message);
            return BadArguments;
        }
        catch (FormatException e)
        {
            Error(e.Message);
            return ProtocolFailure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException)
        {
            Error(e.Message);
            return LinkFailure;
        }
        catch (Exception e)
        {
            // A user never sees a stack trace; set METERTOOL_TRACE=1 to get one when reporting a bug.
            Error($"internal error ({e.GetType().Name}): {e.Message}");
            if (Environment.GetEnvironmentVariable("METERTOOL_TRACE") == "1") Console.Error.WriteLine(e);
            return InternalError;
        }
    }

    /// <summary>Runs <paramref name="work"/> under a status line showing received bytes (long reads).</summary>
    public static T WithProgress<T>(Iec62056Client client, string what, Func<T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
            return work();
        T result = default!;
        AnsiConsole.Status().Start(what, ctx =>
        {
            client.BytesReceived = n => ctx.Status($"{what}: {n} bytes received");
            try
            {
                result = work();
            }
            finally
            {
                client.BytesReceived = null;
            }
        });
        return result;
    }

    private static void Error(string message)
    {
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        err.MarkupLine("[red]error:[/] " + Markup.Escape(message));
    }
}
