using System.CommandLine;

namespace Meter.Tool.Cli;

/// <summary>`read OBIS` and `write OBIS VALUE`: single values in programming mode (R1 / W1).</summary>
public static class ReadWriteCommands
{
    /// <summary>Builds `read`.</summary>
    public static Command CreateRead(GlobalOptions g)
    {
        var address = new Argument<string>("obis") { Description = "Address, e.g. 1-0:1.8.0 or 1.8.0" };
        var parameter = new Option<string>("--param") { Description = "Text inside the R1 parentheses", DefaultValueFactory = _ => "" };
        var command = new Command("read", "Read one value (programming mode R1; needs --password)") { address, parameter };
        CommandRunner.SetAction(command, parse =>
        {
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
        var command = new Command("write", "Write one value (programming mode W1; needs --password)") { address, value };
        CommandRunner.SetAction(command, parse =>
        {
            string v = parse.GetValue(value)!;
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
