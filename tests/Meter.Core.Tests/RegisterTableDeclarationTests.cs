using System.Reflection;
using System.Text;
using Meter.Obis;

namespace Meter.Core.Tests;

/// <summary>
/// The register table declared object by object (Meter.Core MeterObjectTable with the owners the meter composes): the
/// same objects in the same order, each with its class, access, password level, billing values, scaler, unit and format,
/// and the same value texts (current and, for the objects that keep them, the first billing period's) after a day and a
/// half of metering, a clock set to the month's end and the billing close on the 1st, as the single ObisBindings
/// if-chain it replaced gave: Fixtures/register-table.txt is what this test printed on commit f73b440, with the objects of the pulse and alarm inputs, the breaker, power quality and prepayment appended since (each block checked line by line when it was added).
/// </summary>
public class RegisterTableDeclarationTests
{
    [Fact]
    public void Every_object_keeps_its_declaration_and_value_text()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromHours(36));
        // 2025-01-31 23:58 local (UTC+1): the monthly billing period closes two minutes later.
        Assert.True(host.Meter.SetClock(new DateTimeOffset(2025, 1, 31, 22, 58, 0, TimeSpan.Zero).ToUnixTimeSeconds()));
        host.RunFor(TimeSpan.FromMinutes(5));
        Assert.Equal(1, host.Meter.BillingPeriodCounter);
        string actual = Describe(host.Meter.Table);
        string fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "register-table.txt");
        string expected = File.Exists(fixture) ? File.ReadAllText(fixture).ReplaceLineEndings("\n") : "";
        if (expected != actual) File.WriteAllText(Path.Combine(Path.GetTempPath(), "register-table.actual.txt"), actual);
        Assert.Equal(expected, actual);
    }

    /// <summary>One line an object: code, class, access, level, billing values, the format properties, the value text.</summary>
    public static string Describe(ObisTable table)
    {
        var text = new StringBuilder();
        for (int i = 0; i < table.Count; i++)
        {
            ObisObject item = table[i];
            text.Append(item.Code).Append(' ').Append(item.GetType().Name).Append(' ').Append(item.ClassId)
                .Append(' ').Append(item.Access).Append(' ').Append(item.WriteLevel).Append(item.KeepsBillingValues ? " billing" : "");
            foreach (PropertyInfo p in item.GetType().GetProperties().OrderBy(p => p.Name))
            {
                if (p.Name is "Code" or "ClassId" or "Access" or "WriteLevel" or "KeepsBillingValues" || p.GetIndexParameters().Length > 0) continue;
                text.Append(' ').Append(p.Name).Append('=').Append(p.GetValue(item));
            }
            // The write range (RegisterObject / IntegerDataObject keep it in private fields).
            for (Type? t = item.GetType(); t != null; t = t.BaseType)
                foreach (FieldInfo f in t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    if (f.FieldType == typeof(long)) text.Append(' ').Append(f.Name).Append('=').Append(f.GetValue(item));
            text.Append(' ').Append(ValueText(item, item.Code));
            if (item.KeepsBillingValues) text.Append(" *01 ").Append(ValueText(item, item.Code.WithF(1)));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string ValueText(ObisObject item, ObisCode code)
    {
        var buffer = new byte[ObisObject.MaxValueLength + 8];
        int n = item.WriteValue(code, buffer, 0, buffer.Length);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }
}
