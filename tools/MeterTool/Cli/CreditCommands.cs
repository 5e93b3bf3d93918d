using System.CommandLine;
using Meter.Tool.Prepayment;
using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Cli;

/// <summary>`credit add --token HEX`, `credit show` (the meter's prepayment objects 0-0:128.30.x) and `token` (makes a credit token).</summary>
public static class CreditCommands
{
    private const string Token = "0-0:128.30.1";
    private const string LastResult = "0-0:128.30.7";

    private static readonly (string Address, string Name)[] Shown =
    [
        ("0-0:128.30.0", "remaining credit"), ("0-0:128.30.8", "credit loaded"), ("0-0:128.30.4", "warning threshold"),
        ("0-0:128.30.2", "emergency credit"), ("0-0:128.30.3", "emergency credit in use"), ("0-0:128.30.5", "friendly hours/days"),
        ("0-0:128.30.6", "last token sequence"), (LastResult, "last token result"),
    ];

    /// <summary>Builds `credit` with `add` and `show`.</summary>
    public static Command CreateCredit(GlobalOptions g)
    {
        var token = new Option<string>("--token") { Description = "The credit token, 32 hexadecimal characters (made by `MeterTool token`)", Required = true };
        var add = new Command("add", "Top the prepayment credit up with a token (W1 of 0-0:128.30.1; needs --password); a refusal says why") { token };
        CommandRunner.SetAction(add, parse =>
        {
            string hex = parse.GetValue(token)!.Trim();
            if (hex.Length != 32 || !hex.All(Uri.IsHexDigit)) throw new ArgumentException($"--token \"{hex}\": 32 hexadecimal characters expected");
            var (transport, client) = g.Connect(parse);
            using (transport)
            using (var session = g.OpenSession(parse, client))
            {
                try
                {
                    session.Write(Token, hex);
                }
                catch (MeterProtocolException e)
                {
                    long code = ReadResult(session);
                    throw new MeterProtocolException(e.Kind, e.State, $"token refused: {TokenResultText.Describe(code)} (result {code}; {e.Message})");
                }
                Console.WriteLine("token applied; remaining credit " + session.Read("0-0:128.30.0")[0]);
            }
            return CommandRunner.Ok;
        });
        var show = new Command("show", "Show the prepayment credit, thresholds, friendly times and the last token (needs --password)");
        CommandRunner.SetAction(show, parse =>
        {
            var (transport, client) = g.Connect(parse);
            using (transport)
            using (var session = g.OpenSession(parse, client))
            {
                foreach (var (address, name) in Shown)
                {
                    var set = session.Read(address)[0];
                    string text = address == LastResult ? $"{set.Value} ({TokenResultText.Describe(long.Parse(set.Value))})" : set.Values[0].ToString();
                    Console.WriteLine($"{name,-24} {address,-14} {text}");
                }
            }
            return CommandRunner.Ok;
        });
        return new Command("credit", "Prepayment credit: add a token, show the credit") { add, show };
    }

    private static long ReadResult(ProgrammingSession session) =>
        long.TryParse(session.Read(LastResult)[0].Value, out long code) ? code : -1;

    /// <summary>Builds `token`: makes a credit token from the secret (no meter needed: the utility side, and tests).</summary>
    public static Command CreateToken()
    {
        var secret = new Option<string?>("--secret") { Description = "The meter's token secret, 32 hexadecimal characters" };
        var secretFile = new Option<string?>("--secret-file") { Description = "A file holding the secret (32 hexadecimal characters)" };
        var meter = new Option<string>("--meter") { Description = "The meter number the token is for (0-0:96.1.0)", Required = true };
        var sequence = new Option<long>("--sequence") { Description = "Sequence number, 1 … 16777215, above the last one the meter applied", Required = true };
        var amount = new Option<long>("--amount-wh") { Description = "Credit in Wh, 1 … 16777215", Required = true };
        var command = new Command("token", "Make a credit token for `credit add` (HMAC-SHA256 under the meter's secret; format in firmware/Meter.Core/README.md)")
            { secret, secretFile, meter, sequence, amount };
        CommandRunner.SetAction(command, parse =>
        {
            string? text = parse.GetValue(secret), file = parse.GetValue(secretFile);
            if ((text == null) == (file == null)) throw new ArgumentException("give the secret with exactly one of --secret and --secret-file");
            byte[] key = CreditToken.ParseSecret(text ?? File.ReadAllText(file!));
            Console.WriteLine(CreditToken.Create(key, parse.GetValue(meter)!, parse.GetValue(sequence), parse.GetValue(amount)));
            return CommandRunner.Ok;
        });
        return command;
    }
}
