namespace Meter.OpticalClient.Protocol;

/// <summary>
/// Parses the data block of a data message into data sets (IEC 62056-21:2002 §6.3.4, §6.3.16):
/// lines ended by CR LF, each holding one or more "address(value*unit)" sets, a set possibly
/// followed by more "(value)" groups; the readout's data ends with "!" on its own line.
/// </summary>
public static class DataBlockParser
{
    /// <summary>Parses <paramref name="block"/> (the text between STX and ETX, end line "!" included or not).</summary>
    /// <exception cref="MeterProtocolException">A set is not "address(value)" shaped.</exception>
    public static IReadOnlyList<DataSet> Parse(string block)
    {
        var sets = new List<DataSet>();
        foreach (string rawLine in block.Split("\r\n"))
        {
            string line = rawLine;
            if (line.Length == 0 || line == "!") continue;
            ParseLine(line, sets);
        }
        return sets;
    }

    private static void ParseLine(string line, List<DataSet> sets)
    {
        int p = 0;
        while (p < line.Length)
        {
            int open = line.IndexOf('(', p);
            if (open < 0)
                throw Malformed(line, $"\"{line[p..]}\" has no \"(value)\"");
            string address = line[p..open];
            if (address.IndexOfAny([')', '/', '!']) >= 0)
                throw Malformed(line, $"address \"{address}\" holds ')', '/' or '!'");
            var values = new List<DataValue>();
            p = open;
            // One or more "(…)" groups belong to this address.
            while (p < line.Length && line[p] == '(')
            {
                int close = line.IndexOf(')', p + 1);
                if (close < 0) throw Malformed(line, "'(' without ')'");
                string inner = line[(p + 1)..close];
                if (inner.Contains('(')) throw Malformed(line, "nested '('");
                int star = inner.IndexOf('*');
                values.Add(star < 0 ? new DataValue(inner, "") : new DataValue(inner[..star], inner[(star + 1)..]));
                p = close + 1;
            }
            sets.Add(new DataSet(address, values));
        }
    }

    private static MeterProtocolException Malformed(string line, string why) =>
        new(ProtocolErrorKind.MalformedFrame, "data block", $"malformed data line {Printable.Of(line)}: {why}");
}
