namespace Meter.Core
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104 over FIPS 180-4 SHA-256; test vectors RFC 4231): the integrity check of the
    /// prepayment tokens. Buffers allocated once; <see cref="Compute"/> allocates nothing.
    /// </summary>
    public sealed class HmacSha256
    {
        private const byte InnerPad = 0x36;
        private const byte OuterPad = 0x5c;

        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _key = new byte[Sha256.BlockLength];
        private readonly byte[] _pad = new byte[Sha256.BlockLength];
        private readonly byte[] _inner = new byte[Sha256.DigestLength];

        /// <summary>
        /// The MAC of <paramref name="message"/>[<paramref name="offset"/>, +<paramref name="count"/>) under the first
        /// <paramref name="keyLength"/> bytes of <paramref name="key"/>, written (32 bytes) to <paramref name="mac"/> at <paramref name="macOffset"/>.
        /// </summary>
        public void Compute(byte[] key, int keyLength, byte[] message, int offset, int count, byte[] mac, int macOffset)
        {
            if (key == null) throw new System.ArgumentNullException("key");
            if (keyLength < 0 || keyLength > key.Length) throw new System.ArgumentOutOfRangeException("keyLength");
            // RFC 2104 §2: a key longer than B is hashed first; a shorter one is padded with zeros to B.
            for (int i = 0; i < _key.Length; i++) _key[i] = 0;
            if (keyLength > Sha256.BlockLength)
            {
                _sha.Update(key, 0, keyLength);
                _sha.Finish(_key, 0);
            }
            else
            {
                System.Array.Copy(key, 0, _key, 0, keyLength);
            }
            Pad(InnerPad);
            _sha.Update(_pad, 0, _pad.Length);
            _sha.Update(message, offset, count);
            _sha.Finish(_inner, 0);
            Pad(OuterPad);
            _sha.Update(_pad, 0, _pad.Length);
            _sha.Update(_inner, 0, _inner.Length);
            _sha.Finish(mac, macOffset);
            for (int i = 0; i < _key.Length; i++) { _key[i] = 0; _pad[i] = 0; } // no key material left behind
        }

        private void Pad(byte pad)
        {
            for (int i = 0; i < _pad.Length; i++) _pad[i] = (byte)(_key[i] ^ pad);
        }
    }
}
