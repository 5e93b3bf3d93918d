using CsCheck;
using Meter.Hal;
using Meter.Hal.Lcd;

namespace Meter.Display.Tests;

/// <summary>
/// "Redraw only what changed" must never leave the glass different from the frame: after any
/// sequence of frames, the controller memory rebuilt from the bus traffic alone equals what
/// the last frame alone produces.
/// </summary>
public class RedrawPropertyTests
{
    private static readonly Gen<LcdFrame> FrameGen =
        Gen.Select(Gen.Char["0123456789- ErFCLP"].Array[LcdFrame.ValueLength], Gen.Int[0, 511], Gen.Char["0123456789 CF"].Array[LcdFrame.IdLength],
                   Gen.Int[0, 127], Gen.Int[0, 511], Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 511])
            .Select((value, valuePoints, id, idPoints, units, quadrant, tariff, symbols) =>
            {
                var frame = new LcdFrame();
                value.CopyTo(frame.Value, 0);
                id.CopyTo(frame.Id, 0);
                frame.ValuePoints = valuePoints;
                frame.IdPoints = idPoints;
                frame.Units = units;
                frame.Quadrant = quadrant;
                frame.Tariff = tariff;
                frame.Symbols = symbols;
                return frame;
            });

    /// <summary>RAM of an HT1621 rebuilt from its write frames (101, A5..A0, D0..D3 …).</summary>
    private static int[] Ht1621Ram(PinLog log, string chipSelect)
    {
        var ram = new int[32];
        foreach (var frame in Ht1621Decoder.Frames(log, chipSelect))
        {
            if (!frame.StartsWith("101")) continue;
            int address = Convert.ToInt32(frame.Substring(3, 6), 2);
            for (int p = 9; p + 4 <= frame.Length; p += 4, address++)
                ram[address] = (frame[p] - '0') | (frame[p + 1] - '0') << 1 | (frame[p + 2] - '0') << 2 | (frame[p + 3] - '0') << 3;
        }
        return ram;
    }

    [Fact]
    public void Segment_glass_after_incremental_updates_equals_a_full_draw_of_the_last_frame()
    {
        FrameGen.Array[1, 12].Sample(frames =>
        {
            var incremental = new PinLog();
            var panel = NewSegmentPanel(incremental);
            foreach (var frame in frames) panel.Show(frame);

            var full = new PinLog();
            NewSegmentPanel(full).Show(frames[^1]);

            Assert.Equal(Ht1621Ram(full, "CS0"), Ht1621Ram(incremental, "CS0"));
            Assert.Equal(Ht1621Ram(full, "CS1"), Ht1621Ram(incremental, "CS1"));
        }, iter: 300);
    }

    [Fact]
    public void Character_module_after_incremental_updates_shows_the_layout_of_the_last_frame()
    {
        Gen.Select(FrameGen.Array[1, 12], Gen.Int[0, 1]).Sample((frames, size) =>
        {
            int columns = size == 0 ? 16 : 20, rows = size == 0 ? 2 : 4;
            var log = new PinLog();
            var panel = new CharacterLcdPanel(new Hd44780(
                new RecordingPin("RS", log), new RecordingPin("E", log),
                new RecordingPin("DB4", log), new RecordingPin("DB5", log), new RecordingPin("DB6", log), new RecordingPin("DB7", log),
                new RecordingDelay(log)), columns, rows);
            foreach (var frame in frames) panel.Show(frame);

            // Replay the bytes on a model of the DDRAM: clear → spaces, set address, data writes increment.
            var ddram = Enumerable.Repeat(' ', 0x80).ToArray();
            int counter = 0;
            foreach (var (rs, value) in Hd44780Decoder.Bytes(log, 4))
            {
                if (rs) ddram[counter++] = (char)value;
                else if (value == Hd44780Command.ClearDisplay) { Array.Fill(ddram, ' '); counter = 0; }
                else if ((value & 0x80) != 0) counter = value & 0x7F;
            }
            var expected = new char[columns * rows];
            CharacterLayout.Render(frames[^1], expected, columns, rows);
            for (int row = 0; row < rows; row++)
                Assert.Equal(new string(expected, row * columns, columns), new string(ddram, panel.RowAddress(row), columns));
        }, iter: 300);
    }

    private static SegmentLcdPanel NewSegmentPanel(PinLog log)
    {
        var wr = new RecordingPin("WR", log);
        var data = new RecordingPin("DATA", log);
        var delay = new RecordingDelay(log);
        return new SegmentLcdPanel(
            [new Ht1621(new RecordingPin("CS0", log), wr, data, delay, 0), new Ht1621(new RecordingPin("CS1", log), wr, data, delay, 0)],
            SegmentGlass.Reference());
    }
}
