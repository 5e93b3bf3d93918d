using Meter.Obis;
using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>
/// R1 of a list object (Meter.Obis ListObject), byte for byte: the argument of the command
/// "address(data)" (IEC 62056-21:2002 §6.3.7) is the entry number of the W1 list writes;
/// "()" gives the number of entries, "(nn)" the entry "(nn;item)", past the last "(nn;)"; an
/// argument that is not two digits is (ER09), "00" is (ER10). Other objects ignore the argument.
/// </summary>
public class ListReadTests
{
    private const string Ack = "\u0006";
    private static readonly ObisCode DisplayList = new(0, 0, 21, 0, 1, 255);

    private static (OpticalRig Rig, EntryList List) LoggedIn()
    {
        var rig = new OpticalRig();
        var list = new EntryList();
        var item = new ListObject(DisplayList, ObisInterfaceClass.ProfileGeneric, 32, list);
        item.AllowWrite(ObisAccess.Configuration, 1, list);
        rig.Meter.Table.Add(item);
        rig.EnterProgramming();
        Assert.Equal(Ack, rig.Command("P1\u0002(00000000)\u0003"));
        return (rig, list);
    }

    // STX data ETX BCC, the BCC as BccTests check it (XOR after STX through ETX).
    private static string DataMessage(string data)
    {
        byte bcc = 0x03;
        foreach (char c in data) bcc ^= (byte)c;
        return "\u0002" + data + "\u0003" + (char)bcc;
    }

    private static string Error(string code, char bcc) => "\u0002(" + code + ")\u0003" + bcc;

    private static string Read(OpticalRig rig, string argument) => rig.Command("R1\u00020-0:21.0.1(" + argument + ")\u0003");

    [Fact]
    public void A_three_entry_list_written_is_read_back_entry_by_entry_with_its_end_mark()
    {
        var (rig, list) = LoggedIn();
        foreach (var entry in new[] { "01;1.8.0", "02;2.8.0", "03;1.7.0", "04;" })
            Assert.Equal(Ack, rig.Command("W1\u00020-0:21.0.1(" + entry + ")\u0003"));
        Assert.Equal(new[] { "1.8.0", "2.8.0", "1.7.0" }, list.Items);

        // Address "0-0:21.0.1" XORs to 0x15: 0x30^0x2D = 0x1D, ^0x30 = 0x2D, ^0x3A = 0x17, ^0x32 = 0x25,
        // ^0x31 = 0x14, ^0x2E = 0x3A, ^0x30 = 0x0A, ^0x2E = 0x24, ^0x31 = 0x15.
        // "(3)" ETX: 0x15 ^ 0x28 = 0x3D, ^'3' 0x33 = 0x0E, ^0x29 = 0x27, ^0x03 = 0x24 = '$'.
        Assert.Equal("\u00020-0:21.0.1(3)\u0003$", Read(rig, ""));
        Assert.Equal(DataMessage("0-0:21.0.1(01;1.8.0)"), Read(rig, "01"));
        Assert.Equal(DataMessage("0-0:21.0.1(02;2.8.0)"), Read(rig, "02"));
        Assert.Equal(DataMessage("0-0:21.0.1(03;1.7.0)"), Read(rig, "03"));
        // Past the last: the end mark. "(04;)" ETX: 0x15 ^ 0x28 = 0x3D, ^'0' = 0x0D, ^'4' 0x34 = 0x39,
        // ^';' 0x3B = 0x02, ^0x29 = 0x2B, ^0x03 = 0x28 = '('.
        Assert.Equal("\u00020-0:21.0.1(04;)\u0003(", Read(rig, "04"));
        Assert.Equal(DataMessage("0-0:21.0.1(99;)"), Read(rig, "99"));
        Assert.Equal(OpticalServerState.Programming, rig.Server.State);
    }

    [Fact]
    public void What_is_read_can_be_written_back_unchanged()
    {
        var (rig, list) = LoggedIn();
        list.Items.AddRange(new[] { "32.7.0", "1-1:1.8.0" });
        var entries = new List<string>();
        for (int n = 1; n <= 3; n++)
        {
            string answer = Read(rig, n.ToString("00"));
            int open = answer.IndexOf('(');
            entries.Add(answer[(open + 1)..answer.IndexOf(')')]);
        }
        Assert.Equal(new[] { "01;32.7.0", "02;1-1:1.8.0", "03;" }, entries);
        list.Items.Clear();
        foreach (var entry in entries) Assert.Equal(Ack, rig.Command("W1\u00020-0:21.0.1(" + entry + ")\u0003"));
        Assert.Equal(new[] { "32.7.0", "1-1:1.8.0" }, list.Items);
    }

    [Fact]
    public void An_empty_list_counts_zero_and_its_first_entry_is_the_end_mark()
    {
        var (rig, _) = LoggedIn();
        // "(0)" ETX: 0x15 ^ 0x28 = 0x3D, ^'0' 0x30 = 0x0D, ^0x29 = 0x24, ^0x03 = 0x27 = '\''.
        Assert.Equal("\u00020-0:21.0.1(0)\u0003'", Read(rig, ""));
        Assert.Equal(DataMessage("0-0:21.0.1(01;)"), Read(rig, "01"));
    }

    [Fact]
    public void A_malformed_entry_number_is_ER09_and_00_is_ER10()
    {
        var (rig, list) = LoggedIn();
        list.Items.Add("1.8.0");
        // ER09: BCC 0x15 ^ '0' ^ '9' = 0x15 ^ 0x09 = 0x1C; ER10: 0x15 ^ '1' ^ '0' = 0x15 ^ 0x01 = 0x14 (ProgrammingModeTests).
        foreach (var argument in new[] { "1", "001", "a1", "1a", "01;", " 1", "-1" })
            Assert.Equal(Error("ER09", '\u001C'), Read(rig, argument));
        Assert.Equal(Error("ER10", '\u0014'), Read(rig, "00"));
        // Nothing was written, and the session goes on.
        Assert.Equal(new[] { "1.8.0" }, list.Items);
        Assert.Equal(DataMessage("0-0:21.0.1(01;1.8.0)"), Read(rig, "01"));
    }

    [Fact]
    public void Other_objects_answer_R1_as_before_whatever_the_argument()
    {
        var (rig, _) = LoggedIn();
        // As Programming_session_byte_for_byte: STX "1.8.0(001234.567*kWh)" ETX '['.
        foreach (var argument in new[] { "", "01", "1", "00", "x" })
            Assert.Equal("\u00021.8.0(001234.567*kWh)\u0003[", rig.Command("R1\u00021.8.0(" + argument + ")\u0003"));
    }

    [Fact]
    public void A_list_is_not_read_before_the_password()
    {
        var rig = new OpticalRig();
        var list = new EntryList();
        list.Items.Add("1.8.0");
        rig.Meter.Table.Add(new ListObject(DisplayList, ObisInterfaceClass.ProfileGeneric, 32, list));
        rig.EnterProgramming();
        // ER03: 0x15 ^ 0x03 = 0x16.
        Assert.Equal(Error("ER03", '\u0016'), Read(rig, "01"));
        Assert.Equal(Error("ER03", '\u0016'), Read(rig, ""));
    }
}
