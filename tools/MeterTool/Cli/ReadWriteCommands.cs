using System.CommandLine;

namespace Meter.Tool.Cli;

/// <summary>`read OBIS` and `write OBIS VALUE`: single values in programming mode (R1 / W1).</summary>
public static class ReadWriteCommands
{
    /// <summary>--class: the interface class for DLMS (default: from the object list).</summary>
    private static Option<int?> ClassOption() => new("--class") { Description = "DLMS: interface class of the object (default: looked up in the object list)" };

    /// <summary>--attribute: the attribute for DLMS.</summary>
    private static Option<int> AttributeOption() => new("--attribute") { Description = "DLMS: attribute index (default 2, the value)", DefaultValueFactory = _ => 2 };

    /// <summary>Builds `read`.</summary>
    public static Command CreateRead(GlobalOptions g)
    {
        var address = new Argument<string>("obis") { Description = "Address, e.g. 1-0:1.8.0 or 1.8.0" };
        var parameter = new Option<string>("--param") { Description = "Text inside the R1 parentheses", DefaultValueFactory = _ => "" };
        var classId = ClassOption();
        var attribute = AttributeOption();
        var command = new Command("read", "Read one value (programming mode R1; needs --password); with --protocol dlms a GET (the public client needs no password)") { address, parameter, classId, attribute };
        CommandRunner.SetAction(command, parse =>
        {
            if (g.Dlms.IsDlms(parse)) return DlmsCommands.Read(parse, g, parse.GetValue(address)!, parse.GetValue(classId), parse.GetValue(attribute));
            var (transport, client) = g.Connect(parse);
            using (transport)
            using (var session = g.OpenSession(parse, client))
            {
                foreach (var set in session.Read(parse.GetValue(address)!, parse.GetValue(parameter) ?? ""))
                    Console.WriteLine(set.ToString());
            }
            return CommandRunner.Ok;
        });
        return command;
    }

    /// <summary>Builds `write`.</summary>
    public static Command CreateWrite(GlobalOptions g)
    {
        var address = new Argument<string>("obis") { Description = "Address, e.g. 1-0:0.8.0" };
        var value = new Argument<string>("value") { Description = "Value text, e.g. 15" };
        var classId = ClassOption();
        var attribute = AttributeOption();
        var command = new Command("write", "Write one value (programming mode W1; needs --password); with --protocol dlms a SET as the management client") { address, value, classId, attribute };
        CommandRunner.SetAction(command, parse =>
        {
            string v = parse.GetValue(value)!;
            if (g.Dlms.IsDlms(parse)) return DlmsCommands.Write(parse, g, parse.GetValue(address)!, v, parse.GetValue(classId), parse.GetValue(attribute));
            if (v.Length > 32 || v.IndexOfAny(['(', ')', '*', '/', '!']) >= 0)
                throw new ArgumentException($"value \"{v}\": at most 32 characters, none of ( ) * / ! (IEC 62056-21 §6.3.18)");
            var (transport, client) = g.Connect(parse);
            using (transport)
            using (var session = g.OpenSession(parse, client))
                session.Write(parse.GetValue(address)!, v);
            Console.WriteLine("written");
            return CommandRunner.Ok;
        });
        return command;
    }
}
