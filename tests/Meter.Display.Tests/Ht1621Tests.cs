using Meter.Hal.Lcd;

namespace Meter.Display.Tests;

public class Ht1621Tests
{
    private readonly PinLog _log = new();
    private readonly Ht1621 _chip;

    public Ht1621Tests()
    {
        _chip = new Ht1621(new RecordingPin("CS", _log), new RecordingPin("WR", _log), new RecordingPin("DATA", _log), new RecordingDelay(_log), 2);
    }

    [Fact]
    public void Initialize_sends_the_four_commands_each_in_its_own_frame()
    {
        _chip.Initialize();
        // HT1621 command summary: ID 100, 8-bit code, X (sent 0).
        Assert.Equal(new[]
        {
            "100" + "00000001" + "0", // SYS EN     0000-0001-X
            "100" + "00011000" + "0", // RC 256K    0001-10XX-X
            "100" + "00101001" + "0", // BIAS 1/3, 4 commons: 0010-abX1-X with ab = 10
            "100" + "00000011" + "0", // LCD ON     0000-0011-X
        }, Ht1621Decoder.Frames(_log));
        // Idle lines first: CS high (deselected) and WR high before the first falling CS.
        Assert.Equal(("CS", true), _log.Writes[0]);
        Assert.Equal(("WR", true), _log.Writes[1]);
    }

    [Fact]
    public void Data_changes_only_while_WR_is_low_and_is_latched_on_the_rising_edge()
    {
        _chip.SendCommand(Ht1621Command.LcdOn);
        bool wr = true;
        int rising = 0;
        foreach (var (pin, level) in _log.Writes)
        {
            if (pin == "WR") { if (!wr && level) rising++; wr = level; }
            else if (pin == "DATA" && rising < 12) Assert.False(wr, "DATA changed while WR was high inside a frame");
        }
        Assert.Equal(12, rising); // 3 ID bits + 8 command bits + X
        // Delays: half period 2 µs, once after CS falls, twice per bit, once after CS rises: (1 + 24 + 1) × 2 µs.
        Assert.Equal(26, _log.Delays.Count);
        Assert.All(_log.Delays, d => Assert.Equal(2, d));
    }

    [Fact]
    public void WriteRam_sends_address_msb_first_and_data_d0_first()
    {
        _chip.WriteRam(5, new byte[] { 0x9, 0x3 }, 0, 2);
        // 101, A5..A0 = 000101, then 0x9 = D3..D0 1001 sent D0..D3 "1001", 0x3 = 0011 sent "1100".
        Assert.Equal(new[] { "101" + "000101" + "1001" + "1100" }, Ht1621Decoder.Frames(_log));
    }

    [Fact]
    public void Update_writes_everything_first_then_only_runs_of_changed_addresses()
    {
        var ram = new byte[32];
        ram[0] = 0x1;
        Assert.Equal(32, _chip.Update(ram));
        var first = Ht1621Decoder.Frames(_log);
        Assert.Single(first);
        Assert.Equal("101" + "000000" + "1000" + string.Concat(Enumerable.Repeat("0000", 31)), first[0]); // 3 + 6 + 128 bits

        _log.Writes.Clear();
        Assert.Equal(0, _chip.Update(ram)); // nothing changed: nothing sent
        Assert.Empty(_log.Writes);

        ram[3] = 0xF;
        ram[4] = 0x1;
        ram[10] = 0x2;
        Assert.Equal(3, _chip.Update(ram));
        Assert.Equal(new[]
        {
            "101" + "000011" + "1111" + "1000", // addresses 3 and 4 in one successive-address frame
            "101" + "001010" + "0100",          // address 10: 0x2 → D0..D3 = 0100
        }, Ht1621Decoder.Frames(_log));
    }

    [Fact]
    public void Initialize_forgets_the_ram_so_the_next_update_rewrites_it()
    {
        var ram = new byte[32];
        _chip.Update(ram);
        _chip.Initialize();
        _log.Writes.Clear();
        Assert.Equal(32, _chip.Update(ram));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _chip.WriteRam(31, new byte[2], 0, 2));
        Assert.Throws<ArgumentException>(() => _chip.Update(new byte[31]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ht1621(new RecordingPin("CS", _log), new RecordingPin("WR", _log), new RecordingPin("DATA", _log), new RecordingDelay(_log), -1));
    }
}
