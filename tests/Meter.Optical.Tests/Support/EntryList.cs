using Meter.Obis;

namespace Meter.Optical.Tests.Support;

/// <summary>
/// The owner of one written list, as simple as the protocol allows: W1 "nn;item" keeps the item
/// when nn is the next position (01 starts over), "nn;" puts the collected items in force;
/// anything else is InvalidFormat / OutOfRange. R1 reads what is in force.
/// </summary>
public sealed class EntryList : IObisListSource, IObisValueTarget
{
    private readonly List<string> _pending = new();

    public List<string> Items { get; } = new();

    public int CountItems(ObisCode code) => Items.Count;

    public bool TryReadItem(ObisCode code, int index, out string text)
    {
        text = index >= 0 && index < Items.Count ? Items[index] : null!;
        return text != null;
    }

    public ObisWriteResult WriteText(ObisCode code, string value)
    {
        if (value.Length < 3 || value[2] != ';' || !int.TryParse(value[..2], out int position)) return ObisWriteResult.InvalidFormat;
        if (position == 1) _pending.Clear();
        if (position != _pending.Count + 1) return ObisWriteResult.OutOfRange;
        if (value.Length == 3)
        {
            Items.Clear();
            Items.AddRange(_pending);
            _pending.Clear();
        }
        else _pending.Add(value[3..]);
        return ObisWriteResult.Accepted;
    }

    public ObisWriteResult WriteInteger(ObisCode code, long value) => ObisWriteResult.InvalidFormat;

    public ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value) => ObisWriteResult.InvalidFormat;
}
