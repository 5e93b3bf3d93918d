namespace Meter.Core
{
    /// <summary>
    /// SHA-256 (FIPS 180-4 §6.2), written out because nanoFramework's class library has no hash
    /// (tools/nano-api.txt lists none). One instance keeps its buffers: hashing allocates nothing.
    /// Use <see cref="Reset"/>, <see cref="Update"/> any number of times, then <see cref="Finish"/>.
    /// </summary>
    public sealed class Sha256
    {
        /// <summary>Bytes of a digest.</summary>
        public const int DigestLength = 32;
        /// <summary>Bytes of a message block (the HMAC block size B, RFC 2104 §2).</summary>
        public const int BlockLength = 64;

        // FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
        private static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _h = new uint[8];
        private readonly uint[] _w = new uint[64];
        private readonly byte[] _block = new byte[BlockLength];
        private int _blockUsed;
        private long _messageBytes;

        /// <summary>A hasher ready for a new message.</summary>
        public Sha256()
        {
            Reset();
        }

        /// <summary>Starts a new message (FIPS 180-4 §5.3.3 initial hash value).</summary>
        public void Reset()
        {
            _h[0] = 0x6a09e667; _h[1] = 0xbb67ae85; _h[2] = 0x3c6ef372; _h[3] = 0xa54ff53a;
            _h[4] = 0x510e527f; _h[5] = 0x9b05688c; _h[6] = 0x1f83d9ab; _h[7] = 0x5be0cd19;
            _blockUsed = 0;
            _messageBytes = 0;
        }

        /// <summary>Adds <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset + count > data.Length) throw new System.ArgumentOutOfRangeException("count");
            for (int i = 0; i < count; i++) AddByte(data[offset + i]);
            _messageBytes += count;
        }

        /// <summary>Pads the message (§5.1.1), writes the 32-byte digest to <paramref name="digest"/> at <paramref name="offset"/> and resets.</summary>
        public void Finish(byte[] digest, int offset)
        {
            if (digest == null) throw new System.ArgumentNullException("digest");
            if (offset < 0 || offset + DigestLength > digest.Length) throw new System.ArgumentOutOfRangeException("offset");
            long bits = _messageBytes * 8;
            AddByte(0x80);
            while (_blockUsed != BlockLength - 8) AddByte(0);
            for (int i = 7; i >= 0; i--) AddByte((byte)(bits >> (8 * i)));
            for (int i = 0; i < 8; i++)
            {
                uint h = _h[i];
                digest[offset + 4 * i] = (byte)(h >> 24);
                digest[offset + 4 * i + 1] = (byte)(h >> 16);
                digest[offset + 4 * i + 2] = (byte)(h >> 8);
                digest[offset + 4 * i + 3] = (byte)h;
            }
            Reset();
        }

        private void AddByte(byte value)
        {
            _block[_blockUsed++] = value;
            if (_blockUsed == BlockLength)
            {
                Compress();
                _blockUsed = 0;
            }
        }

        // FIPS 180-4 §6.2.2: message schedule and the 64 rounds over one block.
        private void Compress()
        {
            uint[] w = _w;
            for (int t = 0; t < 16; t++)
            {
                int j = 4 * t;
                w[t] = ((uint)_block[j] << 24) | ((uint)_block[j + 1] << 16) | ((uint)_block[j + 2] << 8) | _block[j + 3];
            }
            for (int t = 16; t < 64; t++)
            {
                uint s0 = Rotr(w[t - 15], 7) ^ Rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
                uint s1 = Rotr(w[t - 2], 17) ^ Rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
                w[t] = unchecked(w[t - 16] + s0 + w[t - 7] + s1);
            }
            uint a = _h[0], b = _h[1], c = _h[2], d = _h[3], e = _h[4], f = _h[5], g = _h[6], h = _h[7];
            for (int t = 0; t < 64; t++)
            {
                uint sum1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
                uint ch = (e & f) ^ (~e & g);
                uint t1 = unchecked(h + sum1 + ch + K[t] + w[t]);
                uint sum0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
                uint maj = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = unchecked(sum0 + maj);
                h = g; g = f; f = e; e = unchecked(d + t1);
                d = c; c = b; b = a; a = unchecked(t1 + t2);
            }
            unchecked
            {
                _h[0] += a; _h[1] += b; _h[2] += c; _h[3] += d;
                _h[4] += e; _h[5] += f; _h[6] += g; _h[7] += h;
            }
        }

        private static uint Rotr(uint x, int n)
        {
            return (x >> n) | (x << (32 - n));
        }
    }
}
