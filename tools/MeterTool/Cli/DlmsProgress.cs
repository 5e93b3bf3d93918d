using Meter.Tool.Dlms;
using Spectre.Console;

namespace Meter.Tool.Cli;

/// <summary>A progress bar on the console while a long DLMS answer arrives in blocks (only on an interactive terminal).</summary>
public static class DlmsProgress
{
    /// <summary>
    /// Runs <paramref name="work"/>, showing the bytes and blocks received; the bar's length is the total the client
    /// estimates from the first block (element count × first element), indeterminate until then.
    /// </summary>
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
                client.Progress = (bytes, blocks, expected) =>
                {
                    task.Description = $"{what}: {bytes} bytes in {blocks} blocks";
                    if (expected is not int total || total <= 0) return;
                    task.IsIndeterminate = false;
                    task.MaxValue = total;
                    task.Value = Math.Min(bytes, total * 0.99); // an estimate: full only when the last block came
                };
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
