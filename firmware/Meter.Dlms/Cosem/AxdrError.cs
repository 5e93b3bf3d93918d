namespace Meter.Dlms
{
    /// <summary>Why <see cref="AxdrReader"/> stopped: the first error sticks until the next reset.</summary>
    public enum AxdrError
    {
        None = 0,
        /// <summary>The value or length runs past the end of the input.</summary>
        Truncated,
        /// <summary>A length in long form with more than 4 length bytes, or over 65535 elements.</summary>
        BadLength,
        /// <summary>A tag that is not one of the supported Data choices.</summary>
        UnknownType,
        /// <summary>The tag is a valid Data choice, but not the one the reader asked for.</summary>
        TypeMismatch,
        /// <summary>Arrays/structures nested deeper than the reader allows.</summary>
        NestingTooDeep,
        /// <summary>The value does not fit what the reader asked for (e.g. long64-unsigned above long.MaxValue, a
        /// string longer than the destination).</summary>
        ValueOutOfRange,
    }
}
