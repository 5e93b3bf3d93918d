using Meter.Obis;

namespace Meter.Optical
{
    /// <summary>
    /// The optical port's password of one level as a write-only object of the register table,
    /// so that passwords are changed with W1 like any other parameter. Writing the level-N
    /// password needs a level-N login; a read shows "()" (a password is never disclosed).
    /// The code 0-0:96.128.N is this firmware's choice (no standard object exists).
    /// </summary>
    public sealed class PasswordObject : ObisObject, IObisValueTarget
    {
        private readonly int _level;
        private readonly OpticalPortSettings _settings;
        private readonly IObisValueTarget _persistence;

        /// <summary>
        /// The password of <paramref name="level"/> (1 … settings.Passwords.Length). A new
        /// password goes to <paramref name="persistence"/> first (may be null), then into the
        /// settings the server checks P1 against.
        /// </summary>
        public PasswordObject(int level, OpticalPortSettings settings, IObisValueTarget persistence)
            : base(CodeForLevel(level), ObisInterfaceClass.Data, null)
        {
            if (settings == null) throw new System.ArgumentNullException("settings");
            if (settings.Passwords == null || level > settings.Passwords.Length)
                throw new System.ArgumentException("no password of that level in the settings");
            _level = level;
            _settings = settings;
            _persistence = persistence;
            AllowWrite(ObisAccess.Configuration, level, this);
        }

        /// <summary>0-0:96.128.<paramref name="level"/> (level 1..99).</summary>
        public static ObisCode CodeForLevel(int level)
        {
            if (level < 1 || level > 99) throw new System.ArgumentException("password level must be 1..99");
            return new ObisCode(0, 0, 96, 128, (byte)level, ObisCode.NotUsed);
        }

        /// <summary>Never shows the password.</summary>
        protected override int WriteValueText(ObisCode code, byte[] buffer, int position) => -1;

        /// <summary>1..16 value characters (IEC 62056-21 §6.5: no "(", ")", "*", "/", "!").</summary>
        protected override ObisWriteResult WriteValidated(byte[] text, int offset, int length)
        {
            if (length > 16) return ObisWriteResult.TooLong;
            if (length == 0) return ObisWriteResult.InvalidFormat;
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte c = text[offset + i];
                if (!TextDataObject.IsValueCharacter(c)) return ObisWriteResult.InvalidFormat;
                chars[i] = (char)c;
            }
            return Target.WriteText(Code, new string(chars));
        }

        /// <inheritdoc />
        public ObisWriteResult WriteText(ObisCode code, string value)
        {
            if (_persistence != null)
            {
                ObisWriteResult stored = _persistence.WriteText(code, value);
                if (stored != ObisWriteResult.Accepted) return stored;
            }
            _settings.Passwords[_level - 1] = value;
            return ObisWriteResult.Accepted;
        }

        /// <inheritdoc />
        public ObisWriteResult WriteInteger(ObisCode code, long value) => ObisWriteResult.InvalidFormat;

        /// <inheritdoc />
        public ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value) => ObisWriteResult.InvalidFormat;
    }
}
