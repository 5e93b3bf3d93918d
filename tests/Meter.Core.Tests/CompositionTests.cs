using System.Reflection;

namespace Meter.Core.Tests;

/// <summary>
/// ElectricityMeter is the composition root only: no other type of Meter.Core takes the meter, keeps it, or is handed
/// it, so each component works from what its constructor names (issue 17).
/// </summary>
public class CompositionTests
{
    private const BindingFlags Everything = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_component_takes_or_keeps_the_meter()
    {
        var offenders = new List<string>();
        foreach (Type type in typeof(ElectricityMeter).Assembly.GetTypes())
        {
            if (type == typeof(ElectricityMeter)) continue;
            foreach (FieldInfo field in type.GetFields(Everything))
                if (field.FieldType == typeof(ElectricityMeter)) offenders.Add($"{type.Name}.{field.Name}");
            foreach (MethodBase method in type.GetConstructors(Everything).Cast<MethodBase>().Concat(type.GetMethods(Everything)))
                if (method.GetParameters().Any(p => p.ParameterType == typeof(ElectricityMeter))) offenders.Add($"{type.Name}.{method.Name}");
        }
        Assert.Empty(offenders);
    }
}
