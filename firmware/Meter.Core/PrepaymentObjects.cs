using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The prepayment objects, 0-0:128.30.E: IEC 62056-61 §5.5 leaves group C = 128 … 199 to the manufacturer (our
    /// settings use 0-0:128.1 … 128.5); the DLMS account/credit classes (111/112) can map onto these later. The owner
    /// of their values: it turns W1s into <see cref="Prepayment"/> commands.
    /// </summary>
    public sealed class PrepaymentObjects : ObisValueOwner
    {
        /// <summary>0-0:128.30.0 remaining credit (register, kWh with 3 decimals, negative while the emergency credit is used).</summary>
        public static readonly ObisCode Credit = Code(0);
        /// <summary>0-0:128.30.1 token: W1 of its 32 hexadecimal characters at level 1 tops the credit up; never read.</summary>
        public static readonly ObisCode Token = Code(1);
        /// <summary>0-0:128.30.2 emergency credit amount (register, kWh), W1 at level 1.</summary>
        public static readonly ObisCode EmergencyCredit = Code(2);
        /// <summary>0-0:128.30.3 emergency credit in use (0/1): W1 of 1 at level 1 is the customer's command to use it.</summary>
        public static readonly ObisCode EmergencyInUse = Code(3);
        /// <summary>0-0:128.30.4 warning threshold (register, kWh), W1 at level 1.</summary>
        public static readonly ObisCode WarningThreshold = Code(4);
        /// <summary>0-0:128.30.5 friendly hours and days (the 32 bits of <see cref="FriendlyTime"/> as a decimal number), W1 at level 1.</summary>
        public static readonly ObisCode Friendly = Code(5);
        /// <summary>0-0:128.30.6 sequence number of the last token applied.</summary>
        public static readonly ObisCode LastSequence = Code(6);
        /// <summary>0-0:128.30.7 result of the last token written (<see cref="TokenResult"/>; −1 none since the start).</summary>
        public static readonly ObisCode LastTokenResult = Code(7);
        /// <summary>0-0:128.30.8 credit loaded (register, kWh): the starting credit plus every token, 0 while prepayment is off; W1 at level 1 of a starting credit starts prepayment afresh, of −1 stops it.</summary>
        public static readonly ObisCode Mode = Code(8);
        /// <summary>0-0:128.30.9 token secret: W1 of 32 hexadecimal characters with the password and the seal open (legal-data access: the meter has one password level today); never read.</summary>
        public static readonly ObisCode Secret = Code(9);

        /// <summary>Objects <see cref="Declare"/> adds.</summary>
        public const int Count = 10;

        private readonly Prepayment _prepayment;
        private readonly byte[] _token = new byte[PrepaymentToken.Length];
        private readonly byte[] _secret = new byte[PrepaymentToken.SecretLength];

        /// <summary>The objects of <paramref name="prepayment"/>.</summary>
        public PrepaymentObjects(Prepayment prepayment)
        {
            _prepayment = prepayment;
        }

        /// <summary>Adds the objects to <paramref name="table"/>.</summary>
        public void Declare(ObisTable table)
        {
            table.Add(new RegisterObject(Credit, ObisUnit.WattHour, 0, this) { Kilo = true, Decimals = 3, IntegerDigits = 7 });
            TextDataObject token = new TextDataObject(Token, 2 * PrepaymentToken.Length, this);
            token.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(token);
            table.Add(Writable(new RegisterObject(EmergencyCredit, ObisUnit.WattHour, 0, this) { Kilo = true, Decimals = 3, IntegerDigits = 7 }, 1));
            IntegerDataObject inUse = new IntegerDataObject(EmergencyInUse, 1, this);
            inUse.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(inUse);
            table.Add(Writable(new RegisterObject(WarningThreshold, ObisUnit.WattHour, 0, this) { Kilo = true, Decimals = 3, IntegerDigits = 7 }, 1));
            IntegerDataObject friendly = new IntegerDataObject(Friendly, 10, this);
            friendly.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(friendly);
            table.Add(new IntegerDataObject(LastSequence, 10, this));
            table.Add(new IntegerDataObject(LastTokenResult, 2, this));
            table.Add(Writable(new RegisterObject(Mode, ObisUnit.WattHour, 0, this) { Kilo = true, Decimals = 3, IntegerDigits = 7 }, 1));
            TextDataObject secret = new TextDataObject(Secret, 2 * PrepaymentToken.SecretLength, this);
            secret.AllowWrite(ObisAccess.Legal, 1, this);
            table.Add(secret);
        }

        private RegisterObject Writable(RegisterObject register, int level)
        {
            register.AllowWrite(ObisAccess.Configuration, level, this);
            return register;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code == Credit) value = _prepayment.RemainingWh;
            else if (code == EmergencyCredit) value = _prepayment.EmergencyCreditWh;
            else if (code == EmergencyInUse) value = _prepayment.EmergencyCreditInUse ? 1 : 0;
            else if (code == WarningThreshold) value = _prepayment.WarningThresholdWh;
            else if (code == Friendly) value = _prepayment.FriendlySetting;
            else if (code == LastSequence) value = _prepayment.LastSequence;
            else if (code == LastTokenResult) value = _prepayment.LastTokenResult;
            else if (code == Mode) value = _prepayment.IsActive ? _prepayment.Credit.LoadedWh : 0;
            else return false;
            return true;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            if (code == EmergencyCredit) return _prepayment.SetEmergencyCredit(value);
            if (code == EmergencyInUse) return value == 1 ? _prepayment.EnableEmergencyCredit() : ObisWriteResult.OutOfRange;
            if (code == WarningThreshold) return _prepayment.SetWarningThreshold(value);
            if (code == Friendly) return _prepayment.SetFriendly(value);
            if (code == Mode) return value == -1000 ? _prepayment.Stop() : _prepayment.Start(value); // −1 kWh = −1000 Wh: stop
            return ObisWriteResult.Rejected;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteText(ObisCode code, string value)
        {
            if (code == Token)
            {
                if (!TryParseHex(value, _token))
                {
                    _prepayment.ApplyToken(_token, 0); // logged and remembered as a bad format
                    return ObisWriteResult.InvalidFormat;
                }
                return _prepayment.ApplyToken(_token, _token.Length) == TokenResult.Applied ? ObisWriteResult.Accepted : ObisWriteResult.Rejected;
            }
            if (code == Secret)
            {
                if (!TryParseHex(value, _secret)) return ObisWriteResult.InvalidFormat;
                ObisWriteResult result = _prepayment.SetSecret(_secret);
                for (int i = 0; i < _secret.Length; i++) _secret[i] = 0;
                return result;
            }
            return ObisWriteResult.Rejected;
        }

        /// <summary>Fills <paramref name="bytes"/> from exactly 2 × its length hexadecimal characters (either case).</summary>
        public static bool TryParseHex(string text, byte[] bytes)
        {
            if (text == null || text.Length != 2 * bytes.Length) return false;
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = Nibble(text[2 * i]), low = Nibble(text[2 * i + 1]);
                if (high < 0 || low < 0) return false;
                bytes[i] = (byte)(high * 16 + low);
            }
            return true;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        }

        private static ObisCode Code(int e)
        {
            return new ObisCode(0, 0, 128, 30, (byte)e, 255);
        }
    }
}
