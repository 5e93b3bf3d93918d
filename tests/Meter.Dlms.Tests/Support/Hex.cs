namespace Meter.Dlms.Tests.Support;

/// <summary>Hex strings as written in the Green Book's examples ("7E A0 07 ...").</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    public static string Of(byte[] bytes, int offset, int count) => Convert.ToHexString(bytes, offset, count);

    public static string Of(byte[] bytes) => Convert.ToHexString(bytes);

    public static string Normal(string hex) => hex.Replace(" ", "").ToUpperInvariant();
}
