using Meter.Tool.Dlms;
using Spectre.Console;

namespace Meter.Tool.Cli;

/// <summary>A progress bar on the console while a long DLMS answer arrives in blocks (only on an interactive terminal).</summary>
public static class DlmsProgress
{
    /// <summary>Runs <paramref name="work"/>, showing the bytes and blocks received; the total is not known before the last block, so the bar is indeterminate.</summary>
    public static T Run<T>(CosemClient client, string what, Func<T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected) return work();
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(what);
                task.IsIndeterminate = true;
                client.Progress = (bytes, blocks) => task.Description = $"{what}: {bytes} bytes in {blocks} blocks";
                try
                {
                    result = work();
                }
                finally
                {
                    client.Progress = null;
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                }
            });
        return result;
    }
}
