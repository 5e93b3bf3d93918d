namespace Meter.Hal
{
    /// <summary>Positions an <see cref="IBreaker"/> reports.</summary>
    public static class BreakerPosition
    {
        /// <summary>Not known: no feedback input and no command since power-up (a bistable breaker keeps its position unseen).</summary>
        public const int Unknown = 0;
        /// <summary>Contacts open: the consumer is disconnected.</summary>
        public const int Open = 1;
        /// <summary>Contacts closed: the consumer is connected.</summary>
        public const int Closed = 2;
    }
}
