namespace Meter.Hal.Lcd
{
    /// <summary>
    /// Characters on a 7-segment digit: bit 0..6 = segments a..g (a top, b upper right,
    /// c lower right, d bottom, e lower left, f upper left, g middle), the usual labelling of
    /// segment-LCD data sheets. Characters without a 7-segment form are blank.
    /// </summary>
    public static class SevenSegmentFont
    {
        /// <summary>Segment a (top).</summary>
        public const int A = 1;
        /// <summary>Segment b (upper right).</summary>
        public const int B = 2;
        /// <summary>Segment c (lower right).</summary>
        public const int C = 4;
        /// <summary>Segment d (bottom).</summary>
        public const int D = 8;
        /// <summary>Segment e (lower left).</summary>
        public const int E = 16;
        /// <summary>Segment f (upper left).</summary>
        public const int F = 32;
        /// <summary>Segment g (middle).</summary>
        public const int G = 64;

        /// <summary>The lit segments of <paramref name="c"/>.</summary>
        public static int Segments(char c)
        {
            switch (c)
            {
                case '0': return A | B | C | D | E | F;
                case '1': return B | C;
                case '2': return A | B | D | E | G;
                case '3': return A | B | C | D | G;
                case '4': return B | C | F | G;
                case '5': return A | C | D | F | G;
                case '6': return A | C | D | E | F | G;
                case '7': return A | B | C;
                case '8': return A | B | C | D | E | F | G;
                case '9': return A | B | C | D | F | G;
                case '-': return G;
                case 'A': return A | B | C | E | F | G;
                case 'b': return C | D | E | F | G;
                case 'C': return A | D | E | F;
                case 'd': return B | C | D | E | G;
                case 'E': return A | D | E | F | G;
                case 'F': return A | E | F | G;
                case 'H': return B | C | E | F | G;
                case 'L': return D | E | F;
                case 'n': return C | E | G;
                case 'o': return C | D | E | G;
                case 'P': return A | B | E | F | G;
                case 'r': return E | G;
                case 't': return D | E | F | G;
                case 'u': return C | D | E;
                default: return 0;
            }
        }
    }
}
