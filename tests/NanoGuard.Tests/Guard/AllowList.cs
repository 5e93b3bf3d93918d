namespace Meter.NanoGuard;

/// <summary>
/// The allow-list of framework types and members that nanoFramework's class libraries provide
/// (tools/nano-api.txt). Format: one entry a line, "#" starts a comment; a type is
/// "Namespace.Type", a member is "Namespace.Type::Name(ParamType,...)" (methods, constructors,
/// accessors) or "Namespace.Type::Name" (fields).
/// <para>
/// A line "HostForm => DeviceForm" maps one member reference exactly as the host build emits it
/// (e.g. .NET IoT's <c>System.Device.Spi.SpiDevice::TransferFullDuplex(System.ReadOnlySpan`1&lt;System.Byte&gt;,System.Span`1&lt;System.Byte&gt;)</c>,
/// which <c>spi.TransferFullDuplex(byteArray, byteArray)</c> binds to) to the member the same source
/// binds to on nanoFramework (<c>...::TransferFullDuplex(System.SpanByte,System.SpanByte)</c>). The
/// guard then checks the device form instead, and ignores the host-only types (the Span`1
/// instantiations) in that one reference. The device form must itself be an allowed member
/// (listed on its own line); only exactly listed host forms are mapped.
/// </para>
/// </summary>
public sealed class AllowList
{
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _deviceForms = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Types => _types;
    public IReadOnlyCollection<string> Members => _members;

    /// <summary>Host form → device form of the mapped member references ("HostForm => DeviceForm" lines).</summary>
    public IReadOnlyDictionary<string, string> DeviceForms => _deviceForms;

    /// <summary>Parses the allow-list text; throws <see cref="FormatException"/> naming the line on a malformed entry.</summary>
    public static AllowList Parse(string text, string sourceName = "nano-api.txt")
    {
        var list = new AllowList();
        var mappingLines = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var entry = StripComment(lines[i]);
            if (entry.Length == 0) continue;
            string where = $"{sourceName}:{i + 1}";
            if (entry.Contains("=>", StringComparison.Ordinal))
            {
                ParseMapping(list, entry, where);
                mappingLines[entry[..entry.IndexOf("=>", StringComparison.Ordinal)].Trim()] = where;
                continue;
            }
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
        // A mapping leads to a member that nanoFramework provides: its device form must be listed itself.
        foreach (var (host, device) in list._deviceForms)
            if (!list._members.Contains(device))
                throw new FormatException($"{mappingLines[host]}: device form '{device}' of '{host}' is not listed as an allowed member");
        return list;
    }

    /// <summary>The device form of a host member reference, when exactly that host form is mapped.</summary>
    public bool TryGetDeviceForm(string hostForm, out string deviceForm) =>
        _deviceForms.TryGetValue(hostForm, out deviceForm!);

    private static void ParseMapping(AllowList list, string entry, string where)
    {
        var parts = entry.Split("=>", StringSplitOptions.None);
        if (parts.Length != 2)
            throw new FormatException($"{where}: a mapping is 'HostForm => DeviceForm', got '{entry}'");
        string host = parts[0].Trim(), device = parts[1].Trim();
        foreach (var (form, what) in new[] { (host, "host form"), (device, "device form") })
        {
            if (form.Length == 0 || form.Contains(' ') || form.Contains('\t'))
                throw new FormatException($"{where}: the {what} must be one member without spaces: '{entry}'");
            int sep = form.IndexOf("::", StringComparison.Ordinal);
            if (sep <= 0 || sep + 2 >= form.Length)
                throw new FormatException($"{where}: the {what} must be a member 'Type::Name(...)': '{form}'");
        }
        if (device.Contains('<') || device.Contains('`') || device.Contains('!'))
            throw new FormatException($"{where}: the device form cannot be generic: '{device}'");
        ValidateTypeName(device[..device.IndexOf("::", StringComparison.Ordinal)], where);
        if (host == device)
            throw new FormatException($"{where}: host and device forms are the same; list the member on its own instead");
        if (!list._deviceForms.TryAdd(host, device))
            throw new FormatException($"{where}: host form '{host}' is mapped twice");
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
