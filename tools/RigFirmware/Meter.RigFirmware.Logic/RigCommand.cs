namespace Meter.RigFirmware
{
    /// <summary>What a command line asks (docs/bench-rig.md).</summary>
    public enum RigCommandKind
    {
        /// <summary>Not a command: <see cref="RigCommand.Error"/> says why.</summary>
        Invalid,
        /// <summary>ID: who the rig is.</summary>
        Id,
        /// <summary>SET U1 / I1 / PHI1 value.</summary>
        Set,
        /// <summary>RUN PULSES n.</summary>
        RunPulses,
        /// <summary>RUN TIME ms.</summary>
        RunTime,
        /// <summary>STOP: abort a run.</summary>
        Stop,
    }

    /// <summary>
    /// One parsed command line of the bench rig protocol (docs/bench-rig.md). SET values are kept in thousandths
    /// (<see cref="Milli"/>: volts, amps and degrees × 1000), RUN's integer in <see cref="Count"/>.
    /// </summary>
    public sealed class RigCommand
    {
        /// <summary>Largest pulse count of RUN PULSES and largest RUN TIME in ms (a day).</summary>
        public const long MaximumCount = 86400000;

        private RigCommand(RigCommandKind kind) { Kind = kind; Error = ""; }

        /// <summary>The command.</summary>
        public RigCommandKind Kind { get; private set; }
        /// <summary>SET: 'U', 'I' or 'P' (PHI).</summary>
        public char Quantity { get; private set; }
        /// <summary>SET: phase 1..3.</summary>
        public int Phase { get; private set; }
        /// <summary>SET: the value × 1000 (V, A, degrees).</summary>
        public long Milli { get; private set; }
        /// <summary>RUN: pulses or milliseconds.</summary>
        public long Count { get; private set; }
        /// <summary>Invalid: the reason, sent as ERR &lt;reason&gt;.</summary>
        public string Error { get; private set; }

        /// <summary>Parses one line (without its LF; a trailing CR is ignored).</summary>
        public static RigCommand Parse(string line)
        {
            if (line.Length > 0 && line[line.Length - 1] == '\r') line = line.Substring(0, line.Length - 1);
            if (line == "ID") return new RigCommand(RigCommandKind.Id);
            if (line == "STOP") return new RigCommand(RigCommandKind.Stop);
            if (Text.Begins(line, "RUN PULSES ")) return Run(RigCommandKind.RunPulses, Text.From(line, 11));
            if (Text.Begins(line, "RUN TIME ")) return Run(RigCommandKind.RunTime, Text.From(line, 9));
            if (Text.Begins(line, "SET ")) return Set(Text.From(line, 4));
            return Invalid("unknown command");
        }

        private static RigCommand Run(RigCommandKind kind, string text)
        {
            long count = 0;
            bool digits = text.Length > 0 && text.Length <= 8;
            for (int i = 0; digits && i < text.Length; i++)
            {
                digits = text[i] >= '0' && text[i] <= '9';
                count = count * 10 + (text[i] - '0');
            }
            if (!digits || count < 1 || count > MaximumCount) return Invalid("count must be 1 to 86400000");
            RigCommand c = new RigCommand(kind);
            c.Count = count;
            return c;
        }

        private static RigCommand Set(string text)
        {
            int space = Text.Find(text, ' ');
            if (space < 2) return Invalid("SET needs U<n>, I<n> or PHI<n> and a value");
            string name = text.Substring(0, space);
            char quantity = name[0];
            int digit = name.Length - 1;
            if (Text.Begins(name, "PHI")) quantity = 'P';
            bool known = (quantity == 'U' || quantity == 'I') ? name.Length == 2 : quantity == 'P' && name.Length == 4;
            if (!known) return Invalid("SET knows U1..U3, I1..I3, PHI1..PHI3");
            int phase = name[digit] - '0';
            if (phase < 1 || phase > 3) return Invalid("phase must be 1, 2 or 3");
            long milli;
            if (!TryParseMilli(Text.From(text, space + 1), quantity == 'P', out milli)) return Invalid("value is not a number like 230.000");
            RigCommand c = new RigCommand(RigCommandKind.Set);
            c.Quantity = quantity;
            c.Phase = phase;
            c.Milli = milli;
            return c;
        }

        /// <summary>Parses "[-]digits[.digits]" to thousandths (the sign only when <paramref name="allowSign"/>; digits past the third decimal are dropped); no floating point.</summary>
        public static bool TryParseMilli(string text, bool allowSign, out long value)
        {
            value = 0;
            int i = 0;
            bool negative = false;
            if (allowSign && text.Length > 0 && text[0] == '-') { negative = true; i = 1; }
            if (i >= text.Length) return false;
            long whole = 0;
            int digits = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
            {
                if (++digits > 9) return false;
                whole = whole * 10 + (text[i] - '0');
                i++;
            }
            long fraction = 0;
            int scale = 1000;
            if (i < text.Length && text[i] == '.')
            {
                i++;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9')
                {
                    if (scale > 1) { scale /= 10; fraction += (text[i] - '0') * scale; }
                    i++;
                }
            }
            if (i != text.Length || digits == 0) return false;
            value = whole * 1000 + fraction;
            if (negative) value = -value;
            return true;
        }

        private static RigCommand Invalid(string reason)
        {
            RigCommand c = new RigCommand(RigCommandKind.Invalid);
            c.Error = reason;
            return c;
        }
    }
}
