namespace Meter.Tool.Dlms;

/// <summary>A COSEM attribute (or method) descriptor: interface class, logical name, attribute or method index.</summary>
public sealed record CosemAttribute(int ClassId, byte[] LogicalName, int Index)
{
    /// <summary>The descriptor's bytes: class-id (long-unsigned), instance-id (octet-string(6)), index (integer).</summary>
    public byte[] Encode() => [(byte)(ClassId >> 8), (byte)ClassId, .. LogicalName, (byte)Index];

    /// <inheritdoc />
    public override string ToString() => $"{ObisCode.Format(LogicalName)} class {ClassId} attribute {Index}";
}
