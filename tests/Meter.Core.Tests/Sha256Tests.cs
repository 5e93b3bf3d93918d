using System.Text;
using Meter.Core;

namespace Meter.Core.Tests;

/// <summary>The hand-written SHA-256 and HMAC-SHA256 against FIPS 180-4 examples, RFC 4231 vectors and .NET's implementation.</summary>
public class Sha256Tests
{
    private static string Hash(byte[] data, int chunk)
    {
        var sha = new Sha256();
        for (int i = 0; i < data.Length; i += chunk) sha.Update(data, i, Math.Min(chunk, data.Length - i));
        var digest = new byte[32];
        sha.Finish(digest, 0);
        return Convert.ToHexString(digest).ToLowerInvariant();
    }

    [Theory] // FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf")
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Fips_180_4_examples(string message, string expected)
    {
        byte[] data = Encoding.ASCII.GetBytes(message);
        Assert.Equal(expected, Hash(data, Math.Max(1, data.Length)));
        Assert.Equal(expected, Hash(data, 1)); // byte by byte: the same
    }

    [Fact]
    public void A_million_a_and_every_length_to_300_agree_with_dotnet()
    {
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hash(Enumerable.Repeat((byte)'a', 1_000_000).ToArray(), 4096));
        var random = new Random(19);
        for (int length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data)).ToLowerInvariant(), Hash(data, 7));
        }
    }

    private static string Mac(byte[] key, byte[] data)
    {
        var mac = new byte[32];
        new HmacSha256().Compute(key, key.Length, data, 0, data.Length, mac, 0);
        return Convert.ToHexString(mac).ToLowerInvariant();
    }

    [Theory] // RFC 4231 §4.2 … §4.8 (test case 5 is truncated to 128 bits: compared on its first 16 bytes)
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
    [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd", "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")]
    [InlineData("0102030405060708090a0b0c0d0e0f10111213141516171819", "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd", "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")]
    [InlineData("0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "546573742057697468205472756e636174696f6e", "a3b6167473100ee06e0c796c2955552b")]
    public void Rfc_4231_vectors(string key, string data, string expected)
    {
        Assert.StartsWith(expected, Mac(Convert.FromHexString(key), Convert.FromHexString(data)));
    }

    [Fact]
    public void Rfc_4231_keys_longer_than_a_block()
    {
        byte[] key = Enumerable.Repeat((byte)0xaa, 131).ToArray();
        Assert.Equal("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            Mac(key, Encoding.ASCII.GetBytes("Test Using Larger Than Block-Size Key - Hash Key First")));
        Assert.Equal("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
            Mac(key, Encoding.ASCII.GetBytes("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")));
    }
}
