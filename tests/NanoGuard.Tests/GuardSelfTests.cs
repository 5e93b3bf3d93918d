namespace Meter.NanoGuard.Tests;

/// <summary>
/// The guard proves it works: each construct nanoFramework cannot run, compiled from a small
/// snippet, is caught and named; a snippet that uses only allow-listed members passes.
/// </summary>
public class GuardSelfTests
{
    private static readonly HashSet<string> Own = new() { SnippetCompiler.AssemblyName };

    private static IReadOnlyList<Violation> Check(string source) =>
        MetadataGuard.Check(SnippetCompiler.Compile(source), Own, RepoFiles.AllowList);

    private static void AssertCaught(IReadOnlyList<Violation> violations, string where, string whatContains, ViolationRule rule)
    {
        Assert.True(violations.Any(v => v.Where == where && v.What.Contains(whatContains, StringComparison.Ordinal) && v.Rule == rule),
            $"expected {rule} of '{whatContains}' in {where}; got:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Generic_list_is_caught_and_named_with_our_type_and_member()
    {
        var v = Check("namespace Meter.Demo { public class Registers { public int Run() { var l = new System.Collections.Generic.List<int>(); return l.Count; } } }");
        AssertCaught(v, "Meter.Demo.Registers::Run", "System.Collections.Generic.List`1<System.Int32>", ViolationRule.GenericInstantiation);
        Assert.Contains(v, x => x.ToString().StartsWith("Meter.Demo.Registers::Run: uses the generic System.Collections.Generic.List`1<System.Int32>", StringComparison.Ordinal));
    }

    [Fact]
    public void Linq_is_caught()
    {
        var v = Check("using System.Linq; public class C { public int Run(int[] a) { return a.Where(x => x > 1).Count(); } }");
        AssertCaught(v, "C::Run", "System.Linq.Enumerable::Where<System.Int32>", ViolationRule.GenericInstantiation);
    }

    [Fact]
    public void Async_is_caught()
    {
        var v = Check("using System.Threading.Tasks; public class C { public async Task Run() { await Task.Yield(); } }");
        AssertCaught(v, "C::Run", "System.Threading.Tasks.Task", ViolationRule.TypeNotAllowed);
        Assert.Contains(v, x => x.Rule == ViolationRule.GenericInstantiation && x.What.Contains("AsyncTaskMethodBuilder::Start<"));
    }

    [Fact]
    public void Span_is_caught()
    {
        var v = Check("public class C { public int Run(byte[] b) { System.Span<byte> s = b; return s.Length; } }");
        AssertCaught(v, "C::Run", "System.Span`1<System.Byte>", ViolationRule.GenericInstantiation);
    }

    [Fact]
    public void Nullable_value_type_is_caught()
    {
        var v = Check("public class C { public int? Value; public int Run() { int? x = null; return x ?? 1; } }");
        AssertCaught(v, "C::Value", "System.Nullable`1<System.Int32>", ViolationRule.GenericInstantiation);
        AssertCaught(v, "C::Run", "System.Nullable`1<System.Int32>", ViolationRule.GenericInstantiation);
    }

    [Fact]
    public void Generic_class_and_method_of_our_own_are_caught()
    {
        var v = Check("public class Box<T> { public T Item; } public class C { public T Id<T>(T x) { return x; } }");
        AssertCaught(v, "Box`1", "Box`1", ViolationRule.GenericDefinition);
        AssertCaught(v, "C::Id", "C::Id", ViolationRule.GenericDefinition);
    }

    [Fact]
    public void Unlisted_member_of_an_allowed_type_is_caught()
    {
        // System.String is on the list; String.Normalize() is not (nanoFramework's String has no Normalize).
        var v = Check("public class C { public string Run(string s) { return s.Normalize(); } }");
        AssertCaught(v, "C::Run", "System.String::Normalize()", ViolationRule.MemberNotAllowed);
        Assert.DoesNotContain(v, x => x.Rule == ViolationRule.TypeNotAllowed && x.What == "System.String");
    }

    [Fact]
    public void Unlisted_type_is_caught()
    {
        var v = Check("public class C { public string Run() { return System.IO.Path.Combine(\"a\", \"b\"); } }");
        AssertCaught(v, "C::Run", "System.IO.Path", ViolationRule.TypeNotAllowed);
        AssertCaught(v, "C::Run", "System.IO.Path::Combine(System.String,System.String)", ViolationRule.MemberNotAllowed);
    }

    [Fact]
    public void Unlisted_types_in_signatures_and_attributes_are_caught()
    {
        var v = Check("[System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage] public class C { public System.Text.StringBuilder Field; public void Run(System.Guid g) { } }");
        AssertCaught(v, "C::Field", "System.Text.StringBuilder", ViolationRule.TypeNotAllowed);
        AssertCaught(v, "C::Run", "System.Guid", ViolationRule.TypeNotAllowed);
        AssertCaught(v, "C", "System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverageAttribute::.ctor()", ViolationRule.MemberNotAllowed);
    }

    [Fact]
    public void Multidimensional_arrays_and_generic_compare_exchange_outside_events_are_caught()
    {
        var v = Check("public class C { public int[,] Grid = new int[2,2]; public string S; public void Run() { System.Threading.Interlocked.CompareExchange<string>(ref S, \"a\", null); } }");
        AssertCaught(v, "C::Grid", "multi-dimensional array System.Int32[,]", ViolationRule.UnsupportedConstruct);
        AssertCaught(v, "C::Run", "System.Threading.Interlocked::CompareExchange<System.String>", ViolationRule.GenericInstantiation);
    }

    [Fact]
    public void Assembly_attributes_other_than_the_compilers_own_are_checked()
    {
        var v = Check("[assembly: System.Reflection.AssemblyMetadata(\"k\", \"v\")] public class C { }");
        AssertCaught(v, "Snippet (assembly attributes)", "System.Reflection.AssemblyMetadataAttribute::.ctor(System.String,System.String)", ViolationRule.MemberNotAllowed);
    }

    [Fact]
    public void Snippet_using_only_allowed_members_passes()
    {
        // Classes, structs, enums, our own delegate and a field-like event, lock, string
        // concatenation, arrays with an initialiser, exceptions: all on the allow-list.
        const string source = @"
[assembly: System.Reflection.AssemblyTitle(""Snippet"")]
namespace Meter.Demo
{
    public delegate void ValueChanged(object sender, int value);
    public enum Phase { A, B, C }
    public struct Reading { public int Counts; public Phase Phase; }
    public sealed class Accumulator
    {
        private static readonly int[] Weights = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        private readonly object _sync = new object();
        private long _total;
        public event ValueChanged Changed;
        public long Add(Reading r)
        {
            if (r.Counts < 0) throw new System.ArgumentException(""negative: "" + ""counts"");
            lock (_sync) { _total += r.Counts * Weights[(int)r.Phase]; }
            var handler = Changed;
            if (handler != null) handler(this, r.Counts);
            return _total;
        }
        public static bool Same(string a, string b) { return a == b && a.Length == b.Length; }
    }
}";
        var v = Check(source);
        Assert.True(v.Count == 0, "expected no violations; got:\n" + string.Join("\n", v));
    }
}
