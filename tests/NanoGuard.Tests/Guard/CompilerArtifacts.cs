namespace Meter.NanoGuard;

/// <summary>
/// What the C# compiler emits on its own when it compiles against .NET, and emits differently
/// (or not at all) against nanoFramework's mscorlib. The guard must not blame our code for
/// these, and must not let them hide anything else: each rule here is exact.
/// </summary>
internal static class CompilerArtifacts
{
    /// <summary>
    /// Assembly- and module-level attributes the compiler adds to every assembly it builds when
    /// the referenced corlib has them; nanoFramework's mscorlib lacks these, so the device build
    /// simply omits them. (DebuggableAttribute, which nanoFramework does have, is on the allow-list.)
    /// </summary>
    public static readonly HashSet<string> AssemblyLevelAttributes = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
        "System.Runtime.CompilerServices.RuntimeCompatibilityAttribute",
        // Module-level marker of the compiler's ref-safety rules version (C# 11 compilers and later).
        "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
    };

    /// <summary>
    /// Members the host compiler picks for a language construct where the device compiler picks
    /// another member that nanoFramework provides; the guard checks the device form instead.
    /// </summary>
    public static readonly Dictionary<string, string> DeviceForm = new(StringComparer.Ordinal)
    {
        // `lock (x)`: Roslyn uses Monitor.Enter(Object, ref Boolean) when it exists; against
        // nanoFramework's mscorlib (CoreLibrary System/Threading/Monitor.cs) it uses Enter(Object).
        ["System.Threading.Monitor::Enter(System.Object,System.Boolean&)"] = "System.Threading.Monitor::Enter(System.Object)",
    };

    /// <summary>
    /// Field-like events: Roslyn implements add_X/remove_X with the generic
    /// Interlocked.CompareExchange&lt;T&gt; when the corlib has it; nanoFramework's mscorlib has
    /// no generic CompareExchange, and Roslyn then emits Delegate.Combine/Remove without it.
    /// Allowed only inside an event's own add/remove accessor.
    /// </summary>
    public const string EventAccessorCompareExchange = "System.Threading.Interlocked::CompareExchange";
}
