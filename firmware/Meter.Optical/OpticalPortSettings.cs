namespace Meter.Optical
{
    /// <summary>
    /// Configuration of the IEC 62056-21 server. Defaults are the standard's values; call
    /// <see cref="Validate"/> (the server does) to get a specific error for a bad setting.
    /// </summary>
    public sealed class OpticalPortSettings
    {
        /// <summary>Longest password the port keeps (characters).</summary>
        public const int MaximumPasswordLength = 16;

        /// <summary>Longest identification beside the "\2" of mode E: 16 characters in all (IEC 62056-21 §6.3.2).</summary>
        public const int MaximumIdentificationLengthWithModeE = 14;

        /// <summary>Creates settings with the defaults below.</summary>
        public OpticalPortSettings()
        {
            ManufacturerId = "OEM";
            Identification = "OpenMeter1";
            DeviceAddress = "";
            Mode = OpticalProtocolMode.C;
            MaximumBaud = 9600;
            ReactionTimeMs = 200;
            BaudSwitchDelayMs = 300;
            InterCharacterTimeoutMs = 1500;
            OptionSelectTimeoutMs = 2000;
            InactivityTimeoutMs = 120000;
            PasswordOperand = "";
            Passwords = new string[] { "00000000" };
            MaximumPasswordFailures = 3;
            LockoutMinutes = 60;
        }

        /// <summary>
        /// Three-letter manufacturer ID (FLAG association list). A lower-case third letter
        /// declares the 20 ms minimum reaction time (IEC 62056-21:2002 §6.3.2).
        /// </summary>
        public string ManufacturerId { get; set; }

        /// <summary>Identification after the baud character: ≤ 16 printable characters, no '/' or '!' (§6.3.2).</summary>
        public string Identification { get; set; }

        /// <summary>Device address answered in "/?address!" (≤ 32 of 0-9 A-Z a-z space); "" = only the general request.</summary>
        public string DeviceAddress { get; set; }

        /// <summary>Protocol mode offered: A, B or C.</summary>
        public OpticalProtocolMode Mode { get; set; }

        /// <summary>
        /// Mode E offered (mode C only): the identification carries the enhanced identification "\2" right after the baud
        /// character (IEC 62056-21:2002 §6.3.2 items 23/24, DLMS UA list: W = 2, binary mode HDLC available), and "ACK 2 Z 2"
        /// hands the line to the server's <see cref="IModeESession"/>. The two characters count toward the 16 of the identification.
        /// </summary>
        public bool OffersModeE { get; set; }

        /// <summary>Highest baud rate offered in modes B and C (600..19200 for B, 300..19200 for C).</summary>
        public int MaximumBaud { get; set; }

        /// <summary>
        /// tr: delay from the last received character to the first character of the answer.
        /// 200..1500 ms, or 20..1500 ms when the manufacturer ID's third letter is lower case (§6.3.2, §5.3).
        /// </summary>
        public int ReactionTimeMs { get; set; }

        /// <summary>
        /// Delay between switching the baud rate and the first character at the new rate, so
        /// the master has switched too (≥ tr, &lt; 1500 ms; masters need up to ~300 ms).
        /// </summary>
        public int BaudSwitchDelayMs { get; set; }

        /// <summary>ta: a silence longer than this inside a received message discards it (≤ 1500 ms).</summary>
        public int InterCharacterTimeoutMs { get; set; }

        /// <summary>
        /// tt, mode C: when no option-select message has started this long after the
        /// identification, the meter continues with the readout at 300 Bd. IEC 62056-21:2002:
        /// 1500 ms &lt; tt ≤ 2200 ms (the master's own answer is due within tr ≤ 1500 ms).
        /// </summary>
        public int OptionSelectTimeoutMs { get; set; }

        /// <summary>Programming mode ends after this silence: 60..120 s (IEC 62056-21:2002 mode C, note 1).</summary>
        public int InactivityTimeoutMs { get; set; }

        /// <summary>Operand sent in the P0 password request "SOH P0 STX (operand) ETX BCC"; "" for "()".</summary>
        public string PasswordOperand { get; set; }

        /// <summary>Passwords by level: index 0 = level 1, index 1 = level 2 …; 1..16 value characters each.</summary>
        public string[] Passwords { get; set; }

        /// <summary>Consecutive wrong passwords that lock the port (N ≥ 1).</summary>
        public int MaximumPasswordFailures { get; set; }

        /// <summary>How long the port refuses passwords once locked (M ≥ 1 minute).</summary>
        public int LockoutMinutes { get; set; }

        /// <summary>Minimum reaction time allowed by the manufacturer ID: 20 ms with a lower-case third letter, else 200 ms.</summary>
        public int MinimumReactionTimeMs
        {
            get
            {
                string id = ManufacturerId;
                bool shortReaction = id != null && id.Length == 3 && id[2] >= 'a' && id[2] <= 'z';
                return shortReaction ? 20 : 200;
            }
        }

        /// <summary>Checks every setting; throws naming the first bad one.</summary>
        /// <exception cref="System.ArgumentException">A setting is outside what IEC 62056-21 allows.</exception>
        public void Validate()
        {
            string id = ManufacturerId;
            if (id == null || id.Length != 3 || !IsLetter(id[0]) || !IsLetter(id[1]) || !IsLetter(id[2]))
                throw new System.ArgumentException("ManufacturerId must be exactly 3 letters (IEC 62056-21 §6.3.2)");
            if (id[0] < 'A' || id[0] > 'Z' || id[1] < 'A' || id[1] > 'Z')
                throw new System.ArgumentException("ManufacturerId: the first two letters must be upper case (FLAG ID)");
            string ident = Identification;
            if (ident == null || ident.Length == 0 || ident.Length > 16)
                throw new System.ArgumentException("Identification must be 1..16 characters (IEC 62056-21 §6.3.2)");
            for (int i = 0; i < ident.Length; i++)
                if (ident[i] < 0x20 || ident[i] > 0x7E || ident[i] == '/' || ident[i] == '!')
                    throw new System.ArgumentException("Identification: printable characters only, no '/' or '!'");
            if (OffersModeE && Mode != OpticalProtocolMode.C)
                throw new System.ArgumentException("OffersModeE: mode E opens as mode C does (IEC 62056-21 §6.4.5); set Mode = C");
            if (OffersModeE && ident.Length > MaximumIdentificationLengthWithModeE)
                throw new System.ArgumentException("Identification must be 1..14 characters when mode E is offered: its \\2 takes two of the 16 (IEC 62056-21 §6.3.2)");
            // Enhanced identification "\W" (§6.3.2, DLMS UA list of W): W = '2' announces mode E
            // (HDLC), which the server adds itself (OffersModeE); '0', '1', '3'..'9' are reserved;
            // other printable characters except '/', '\' and '!' are manufacturer-specific.
            for (int i = 0; i < ident.Length; i++)
            {
                if (ident[i] != '\\') continue;
                char w = i + 1 < ident.Length ? ident[i + 1] : (char)0;
                if (w == 0 || w == '\\' || (w >= '0' && w <= '9'))
                    throw new System.ArgumentException("Identification: '\\' starts an enhanced identification \\W; W = 2 (mode E) is added by the server (OffersModeE), 0..9 are reserved");
                i++;
            }
            string address = DeviceAddress;
            if (address == null || address.Length > 32)
                throw new System.ArgumentException("DeviceAddress must be 0..32 characters (IEC 62056-21 §6.3.1)");
            for (int i = 0; i < address.Length; i++)
                if (!IsAddressCharacter((byte)(address[i] < 128 ? address[i] : 0)))
                    throw new System.ArgumentException("DeviceAddress: only 0-9, A-Z, a-z and space");
            if (Mode == OpticalProtocolMode.B && BaudRateCharacter.ModeB(MaximumBaud) == 0)
                throw new System.ArgumentException("MaximumBaud for mode B must be 600, 1200, 2400, 4800, 9600 or 19200");
            if (Mode == OpticalProtocolMode.C && BaudRateCharacter.ModeC(MaximumBaud) == 0)
                throw new System.ArgumentException("MaximumBaud for mode C must be 300, 600, 1200, 2400, 4800, 9600 or 19200");
            if (ReactionTimeMs < MinimumReactionTimeMs || ReactionTimeMs > 1500)
                throw new System.ArgumentException("ReactionTimeMs must be within the minimum tr (200 ms, 20 ms with a lower-case third ID letter) and 1500 ms");
            if (BaudSwitchDelayMs < ReactionTimeMs || BaudSwitchDelayMs >= 1500)
                throw new System.ArgumentException("BaudSwitchDelayMs must be at least ReactionTimeMs and below 1500 ms");
            if (InterCharacterTimeoutMs < 100 || InterCharacterTimeoutMs > 1500)
                throw new System.ArgumentException("InterCharacterTimeoutMs must be 100..1500 ms (ta max 1500 ms)");
            if (OptionSelectTimeoutMs <= 1500 || OptionSelectTimeoutMs > 2200)
                throw new System.ArgumentException("OptionSelectTimeoutMs (tt) must be above 1500 ms and at most 2200 ms");
            // "The inactivity time-out period for the tariff device is 60 s to 120 s" (mode C, §6.4.3 note 1).
            if (InactivityTimeoutMs < 60000 || InactivityTimeoutMs > 120000)
                throw new System.ArgumentException("InactivityTimeoutMs must be 60000..120000 ms (IEC 62056-21: 60 s to 120 s)");
            string operand = PasswordOperand;
            if (operand == null || operand.Length > 32)
                throw new System.ArgumentException("PasswordOperand must be 0..32 characters");
            for (int i = 0; i < operand.Length; i++)
                if (!IsValueCharacter(operand[i])) throw new System.ArgumentException("PasswordOperand: value characters only");
            if (Passwords == null || Passwords.Length == 0)
                throw new System.ArgumentException("Passwords: at least the level-1 password is needed");
            for (int level = 0; level < Passwords.Length; level++)
            {
                string password = Passwords[level];
                if (password == null || password.Length == 0 || password.Length > MaximumPasswordLength)
                    throw new System.ArgumentException("Passwords: each must be 1..16 characters");
                for (int i = 0; i < password.Length; i++)
                    if (!IsValueCharacter(password[i])) throw new System.ArgumentException("Passwords: value characters only (no ( ) * / !)");
            }
            if (MaximumPasswordFailures < 1) throw new System.ArgumentException("MaximumPasswordFailures must be at least 1");
            if (LockoutMinutes < 1) throw new System.ArgumentException("LockoutMinutes must be at least 1");
        }

        /// <summary>Address characters of the request message (IEC 62056-21:2002 §6.3.1): 0-9, A-Z, a-z, space.</summary>
        public static bool IsAddressCharacter(byte c) =>
            (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ';

        private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

        private static bool IsValueCharacter(char c) =>
            c >= 0x20 && c <= 0x7E && c != '(' && c != ')' && c != '*' && c != '/' && c != '!';
    }
}
