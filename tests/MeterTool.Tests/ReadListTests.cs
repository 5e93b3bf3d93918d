using Meter.Obis;
using Meter.Optical;
using Meter.Tool;
using Meter.Tool.Cli;
using Meter.OpticalClient.Protocol;
using MeterTool.Tests.Support;

namespace MeterTool.Tests;

/// <summary>`read-list`: the count, then every entry "nn;item", against the firmware's server and against wrong answers.</summary>
public class ReadListTests
{
    /// <summary>A list owner as plain as the protocol: "nn;item" kept in order, "nn;" puts them in force.</summary>
    private sealed class ListOwner : IObisListSource, IObisValueTarget
    {
        private readonly List<string> _pending = [];
        public List<string> Items { get; } = [];
        public int CountItems(ObisCode code) => Items.Count;
        public bool TryReadItem(ObisCode code, int index, out string text)
        {
            text = index < Items.Count ? Items[index] : null!;
            return text != null;
        }
        public ObisWriteResult WriteText(ObisCode code, string value)
        {
            if (value.Length == 3) { Items.Clear(); Items.AddRange(_pending); _pending.Clear(); }
            else _pending.Add(value[3..]);
            return ObisWriteResult.Accepted;
        }
        public ObisWriteResult WriteInteger(ObisCode code, long value) => ObisWriteResult.InvalidFormat;
        public ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value) => ObisWriteResult.InvalidFormat;
    }

    /// <summary>Answers each R1 from a script: (address, parameter) → the data set text.</summary>
    private sealed class ScriptedSession(Dictionary<string, string> answers) : IMeterSession
    {
        public IReadOnlyList<DataSet> Read(string address, string parameter = "") =>
            DataBlockParser.Parse(answers[parameter] + "\r\n");
        public void Write(string address, string value) => throw new InvalidOperationException("read-list never writes");
    }

    [Fact]
    public void A_list_written_with_configure_is_read_back_from_the_firmware_server()
    {
        var store = new ObisMemoryStore(8);
        var table = new ObisTable(StandardObjects.Count + 1);
        StandardObjects.AddTo(table, store, store);
        var owner = new ListOwner();
        var list = new ListObject(ObisCode.Parse(MeterAddresses.ReadoutList), ObisInterfaceClass.ProfileGeneric, 32, owner);
        list.AllowWrite(ObisAccess.Configuration, 1, owner);
        table.Add(list);
        var link = new ServerLink();
        var settings = new OpticalPortSettings { ManufacturerId = "OEM", Identification = "OpenMeter1", MaximumBaud = 9600, Passwords = ["12345678"] };
        link.Server = new OpticalServer(link, settings, table, new ReadoutList(1), null!, null!);
        var client = new Iec62056Client(link, new ClientTimings { Sleep = link.Sleep });

        var items = ConfigureCommand.ReadoutItems("0-0:96.1.0,1.8.0;3,1.8.0*1");
        using (var session = new ProgrammingSession(client, "", 9600, "12345678"))
        {
            foreach (var (address, value) in ConfigureCommand.ListWrites(MeterAddresses.ReadoutList, items))
                session.Write(address, value);
            Assert.Equal(new[] { "0-0:96.1.0", "1.8.0;3", "1.8.0&1" }, ReadListCommand.ReadEntries(session, MeterAddresses.ReadoutList));
        }
        Assert.Equal(items, owner.Items);
    }

    [Fact]
    public void A_wrong_answer_names_the_read_and_what_came()
    {
        const string a = MeterAddresses.DisplayListNormal;
        // A meter that does not read lists back answers every R1 with "()".
        var old = new ScriptedSession(new() { [""] = a + "()" });
        var e = Assert.Throws<MeterProtocolException>(() => ReadListCommand.ReadEntries(old, a));
        Assert.Equal(ProtocolErrorKind.UnexpectedAnswer, e.Kind);
        Assert.Contains("R1 0-0:21.0.1(): expected the number of list entries (0..99), received ()", e.Message);

        // Entry 02 answered with another number.
        var skipped = new ScriptedSession(new() { [""] = a + "(2)", ["01"] = a + "(01;1.8.0)", ["02"] = a + "(03;2.8.0)" });
        e = Assert.Throws<MeterProtocolException>(() => ReadListCommand.ReadEntries(skipped, a));
        Assert.Contains("R1 0-0:21.0.1(02): expected entry 02 of 2 as \"02;item\", received (03;2.8.0)", e.Message);

        // The end mark where an entry should be: the list is shorter than its count.
        var shorter = new ScriptedSession(new() { [""] = a + "(2)", ["01"] = a + "(01;1.8.0)", ["02"] = a + "(02;)" });
        e = Assert.Throws<MeterProtocolException>(() => ReadListCommand.ReadEntries(shorter, a));
        Assert.Contains("received (02;)", e.Message);

        // Another object's data set.
        var other = new ScriptedSession(new() { [""] = "1.8.0(3)" });
        e = Assert.Throws<MeterProtocolException>(() => ReadListCommand.ReadEntries(other, a));
        Assert.Contains("expected one data set 0-0:21.0.1(value), received 1.8.0(3)", e.Message);

        var good = new ScriptedSession(new() { [""] = a + "(2)", ["01"] = a + "(01;1.8.0)", ["02"] = a + "(02;2.8.0)" });
        Assert.Equal(new[] { "1.8.0", "2.8.0" }, ReadListCommand.ReadEntries(good, a));
    }

    [Fact]
    public void The_configure_option_writes_the_same_list_again()
    {
        ReadListCommand.ListKind Kind(string name) => ReadListCommand.Lists.Single(l => l.Name == name);
        Assert.Equal("--display-list 32.7.0,1.8.0", ReadListCommand.ConfigureArgument(Kind("display"), ["32.7.0", "1.8.0"]));
        Assert.Equal("--readout-list \"0-0:96.1.0,1.8.0;3\"", ReadListCommand.ConfigureArgument(Kind("readout"), ["0-0:96.1.0", "1.8.0;3"]));
        Assert.Equal("--holidays none", ReadListCommand.ConfigureArgument(Kind("holidays"), []));
        // Switches are entered HH:mm=T and read HH:mm;T; TariffItems turns the option back into the read items.
        string option = ReadListCommand.ConfigureArgument(Kind("tariff-switches"), ["06:00;1", "22:00;2"]);
        Assert.Equal("--tariffs 06:00=1,22:00=2", option);
        Assert.Equal(new[] { "06:00;1", "22:00;2" }, ConfigureCommand.TariffItems(option["--tariffs ".Length..]));
    }
}
