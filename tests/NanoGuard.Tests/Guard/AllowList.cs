namespace Meter.NanoGuard;

/// <summary>
/// The allow-list of framework types and members that nanoFramework's class libraries provide
/// (tools/nano-api.txt). Format: one entry a line, "#" starts a comment; a type is
/// "Namespace.Type", a member is "Namespace.Type::Name(ParamType,...)" (methods, constructors,
/// accessors) or "Namespace.Type::Name" (fields).
/// </summary>
public sealed class AllowList
{
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Types => _types;
    public IReadOnlyCollection<string> Members => _members;

    /// <summary>Parses the allow-list text; throws <see cref="FormatException"/> naming the line on a malformed entry.</summary>
    public static AllowList Parse(string text, string sourceName = "nano-api.txt")
    {
        var list = new AllowList();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var entry = StripComment(lines[i]);
            if (entry.Length == 0) continue;
            string where = $"{sourceName}:{i + 1}";
            if (entry.Contains(' ') || entry.Contains('\t'))
                throw new FormatException($"{where}: an entry may not contain spaces: '{entry}'");
            if (entry.Contains('<') || entry.Contains('`'))
                throw new FormatException($"{where}: generic types cannot be allowed on nanoFramework: '{entry}'");
            int sep = entry.IndexOf("::", StringComparison.Ordinal);
            bool added;
            if (sep < 0)
            {
                ValidateTypeName(entry, where);
                added = list._types.Add(entry);
            }
            else
            {
                ValidateTypeName(entry[..sep], where);
                var member = entry[(sep + 2)..];
                if (member.Length == 0) throw new FormatException($"{where}: member name missing: '{entry}'");
                int open = member.IndexOf('(');
                if (open >= 0 && !member.EndsWith(')'))
                    throw new FormatException($"{where}: unbalanced parameter list: '{entry}'");
                added = list._members.Add(entry);
            }
            if (!added) throw new FormatException($"{where}: duplicate entry '{entry}'");
        }
        return list;
    }

    public bool AllowsType(string fullName) => _types.Contains(fullName);

    public bool AllowsMember(string member) => _members.Contains(member);

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    private static void ValidateTypeName(string name, string where)
    {
        if (name.Length == 0 || name.StartsWith('.') || name.EndsWith('.') || !name.Contains('.'))
            throw new FormatException($"{where}: '{name}' is not a namespace-qualified type name");
        foreach (char c in name)
            if (!(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '+'))
                throw new FormatException($"{where}: unexpected character '{c}' in type name '{name}'");
    }
}
