using System.Reflection;
using System.Reflection.Emit;

namespace Meter.NanoGuard;

/// <summary>
/// Walks a method body's IL and yields the metadata tokens its instructions reference
/// (call, newobj, ldfld, box, ldtoken …). Operand sizes come from System.Reflection.Emit.OpCodes.
/// </summary>
internal static class IlOperands
{
    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    static IlOperands()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode op) continue;
            ushort value = unchecked((ushort)op.Value);
            if (op.Size == 1) OneByte[value] = op;
            else TwoByte[value & 0xFF] = op;
        }
    }

    /// <summary>Tokens referenced by the IL, with the opcode name that references them.</summary>
    public static IEnumerable<(int Token, string OpCode)> Tokens(byte[] il)
    {
        int i = 0;
        while (i < il.Length)
        {
            OpCode op = il[i] == 0xFE ? TwoByte[il[i + 1]] : OneByte[il[i]];
            i += il[i] == 0xFE ? 2 : 1;
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.ShortInlineR: i += 4; break;
                case OperandType.InlineI8:
                case OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch:
                    int n = BitConverter.ToInt32(il, i);
                    i += 4 + 4 * n;
                    break;
                case OperandType.InlineString: i += 4; break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineSig:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    yield return (BitConverter.ToInt32(il, i), op.Name ?? "?");
                    i += 4;
                    break;
                default:
                    throw new InvalidOperationException($"unknown IL operand type {op.OperandType} at offset {i}");
            }
        }
    }
}
