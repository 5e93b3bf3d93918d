using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The credit token (format in README.md, "Prepayment tokens"): 16 bytes, big-endian, written as 32 hexadecimal
    /// characters (IEC 62056-21 §6.5 allows at most 32 characters in a value):
    /// <c>meter binding (2) | sequence (3) | amount in Wh (3) | MAC (8)</c>; binding = the low 16 bits of the CRC-32
    /// of the meter number's ASCII characters, MAC = HMAC-SHA256(secret, bytes 0 … 7 followed by the meter number's
    /// characters) truncated to its first 8 bytes (RFC 2104 §5). The MAC covers the whole meter number: the binding only
    /// gives a token for another meter its own error. Verification allocates nothing and compares the MAC in constant time.
    /// </summary>
    public sealed class PrepaymentToken
    {
        /// <summary>Bytes of a token (32 hexadecimal characters when written over the optical port).</summary>
        public const int Length = 16;
        /// <summary>Bytes covered by the MAC before the meter number.</summary>
        public const int SignedLength = 8;
        /// <summary>Bytes of the truncated MAC (64 bits).</summary>
        public const int MacLength = 8;
        /// <summary>Largest sequence number and largest amount (Wh): 24 bits each.</summary>
        public const long MaximumField = 0xFFFFFF;
        /// <summary>Bytes of the secret (128 bits, kept in the device-state record).</summary>
        public const int SecretLength = 16;
        /// <summary>Longest meter number (<see cref="MeterSettings.MeterNumber"/>).</summary>
        public const int MaxMeterNumberLength = 16;

        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _message = new byte[SignedLength + MaxMeterNumberLength];
        private readonly byte[] _mac = new byte[Sha256.DigestLength];
        private readonly byte[] _meterNumber = new byte[MaxMeterNumberLength];

        /// <summary>Sequence number of the token last verified.</summary>
        public long Sequence { get; private set; }

        /// <summary>Amount (Wh) of the token last verified.</summary>
        public long AmountWh { get; private set; }

        /// <summary>
        /// Checks <paramref name="token"/> for the meter <paramref name="meterNumber"/> under <paramref name="secret"/>,
        /// whose last applied sequence is <paramref name="lastSequence"/>. Returns a <see cref="TokenResult"/>
        /// (<see cref="TokenResult.Applied"/> = valid; <see cref="Sequence"/> and <see cref="AmountWh"/> are then set).
        /// Order: length, meter binding, integrity, amount, then the sequence (a replay is told only for a genuine token).
        /// </summary>
        public int Verify(byte[] token, int length, string meterNumber, byte[] secret, long lastSequence)
        {
            Sequence = 0;
            AmountWh = 0;
            if (token == null || length != Length) return TokenResult.BadFormat;
            int numberLength = CopyMeterNumber(meterNumber);
            if (Read(token, 0, 2) != Binding(numberLength)) return TokenResult.WrongMeter;
            Sign(token, numberLength, secret);
            int difference = 0;
            for (int i = 0; i < MacLength; i++) difference |= _mac[i] ^ token[SignedLength + i];
            if (difference != 0) return TokenResult.BadIntegrity;
            long sequence = Read(token, 2, 3);
            long amount = Read(token, 5, 3);
            if (amount == 0) return TokenResult.BadFormat;
            Sequence = sequence;
            AmountWh = amount;
            if (sequence == lastSequence) return TokenResult.Replayed;
            if (sequence < lastSequence) return TokenResult.OutOfSequence;
            return TokenResult.Applied;
        }

        /// <summary>
        /// Makes a token into <paramref name="token"/> (the utility side; the meter never calls it): binding to
        /// <paramref name="meterNumber"/>, <paramref name="sequence"/> and <paramref name="amountWh"/> (each 1 … <see cref="MaximumField"/>), MAC under <paramref name="secret"/>.
        /// </summary>
        public void Create(byte[] token, string meterNumber, long sequence, long amountWh, byte[] secret)
        {
            if (token == null || token.Length < Length) throw new System.ArgumentException("token buffer must hold 16 bytes");
            if (sequence < 1 || sequence > MaximumField) throw new System.ArgumentOutOfRangeException("sequence", "sequence must be 1 … 16777215");
            if (amountWh < 1 || amountWh > MaximumField) throw new System.ArgumentOutOfRangeException("amountWh", "amount must be 1 … 16777215 Wh");
            int numberLength = CopyMeterNumber(meterNumber);
            Write(token, 0, 2, Binding(numberLength));
            Write(token, 2, 3, sequence);
            Write(token, 5, 3, amountWh);
            Sign(token, numberLength, secret);
            System.Array.Copy(_mac, 0, token, SignedLength, MacLength);
        }

        private void Sign(byte[] token, int numberLength, byte[] secret)
        {
            if (secret == null || secret.Length != SecretLength) throw new System.ArgumentException("secret must be 16 bytes");
            System.Array.Copy(token, 0, _message, 0, SignedLength);
            System.Array.Copy(_meterNumber, 0, _message, SignedLength, numberLength);
            _hmac.Compute(secret, SecretLength, _message, 0, SignedLength + numberLength, _mac, 0);
        }

        private int CopyMeterNumber(string meterNumber)
        {
            if (meterNumber == null || meterNumber.Length == 0 || meterNumber.Length > MaxMeterNumberLength)
                throw new System.ArgumentException("meter number must be 1 … 16 characters");
            for (int i = 0; i < meterNumber.Length; i++) _meterNumber[i] = (byte)meterNumber[i];
            return meterNumber.Length;
        }

        private long Binding(int numberLength)
        {
            return Crc32.Compute(_meterNumber, 0, numberLength) & 0xFFFF;
        }

        private static long Read(byte[] b, int offset, int count)
        {
            long value = 0;
            for (int i = 0; i < count; i++) value = (value << 8) | b[offset + i];
            return value;
        }

        private static void Write(byte[] b, int offset, int count, long value)
        {
            for (int i = count - 1; i >= 0; i--)
            {
                b[offset + i] = (byte)value;
                value >>= 8;
            }
        }
    }
}
