namespace Meter.Core
{
    /// <summary>
    /// Who asked for a disconnect-control transition: logged with it (<see cref="DisconnectEventLog"/>). The local
    /// causes (<see cref="Limiter"/>, <see cref="Prepayment"/>, <see cref="AlarmInput"/>) are also the bits of
    /// <see cref="DisconnectControl.LocalRequests"/>: a local disconnection holds while any of them asks.
    /// </summary>
    public static class DisconnectCause
    {
        /// <summary>The optical port (W1 of 0-0:96.3.10 with the password).</summary>
        public const int OpticalPort = 1;
        /// <summary>A DLMS client (ACTION on class 70).</summary>
        public const int Dlms = 2;
        /// <summary>The push button held long.</summary>
        public const int Button = 3;
        /// <summary>The limiter (smart disconnect, class 71). Local.</summary>
        public const int Limiter = 4;
        /// <summary>Prepayment: credit exhausted outside friendly hours. Local.</summary>
        public const int Prepayment = 5;
        /// <summary>The alarm input with its disconnect setting on. Local.</summary>
        public const int AlarmInput = 6;
        /// <summary>The start-up check found the breaker elsewhere than the stored state.</summary>
        public const int StartUp = 7;
        /// <summary>Highest cause.</summary>
        public const int Max = 7;

        /// <summary>True for the causes that make local_disconnect / local_reconnect triggers.</summary>
        public static bool IsLocal(int cause)
        {
            return cause == Limiter || cause == Prepayment || cause == AlarmInput;
        }
    }
}
