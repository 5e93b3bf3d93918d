namespace Meter.NanoGuard;

/// <summary>One thing in a device assembly that nanoFramework cannot run.</summary>
/// <param name="Assembly">The assembly that contains it.</param>
/// <param name="Where">Our type and member that use it, e.g. <c>Meter.Metrology.EnergyRegisters::Add</c>.</param>
/// <param name="What">The construct or framework member, e.g. <c>System.Collections.Generic.List`1&lt;System.Int32&gt;::.ctor()</c>.</param>
/// <param name="Rule">Which rule it breaks.</param>
public sealed record Violation(string Assembly, string Where, string What, ViolationRule Rule)
{
    public override string ToString() => Rule switch
    {
        ViolationRule.GenericDefinition => $"{Where}: defines a generic type or method ({What}); nanoFramework has no generics",
        ViolationRule.GenericInstantiation => $"{Where}: uses the generic {What}; nanoFramework has no generics",
        ViolationRule.TypeNotAllowed => $"{Where}: uses type {What}, which is not in tools/nano-api.txt",
        ViolationRule.MemberNotAllowed => $"{Where}: uses {What}, which is not in tools/nano-api.txt",
        ViolationRule.UnsupportedConstruct => $"{Where}: {What} is not supported on nanoFramework",
        _ => $"{Where}: {What}",
    };
}

public enum ViolationRule
{
    GenericDefinition,
    GenericInstantiation,
    TypeNotAllowed,
    MemberNotAllowed,
    UnsupportedConstruct,
}
