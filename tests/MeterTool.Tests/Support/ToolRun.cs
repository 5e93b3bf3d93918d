namespace MeterTool.Tests.Support;

/// <summary>Runs MeterTool's Main in process with its console output captured.</summary>
internal static class ToolRun
{
    /// <summary>Exit code, stdout and stderr of MeterTool with <paramref name="args"/>.</summary>
    public static (int Code, string Out, string Error) Capture(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            int code = Meter.Tool.Program.Main(args);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
