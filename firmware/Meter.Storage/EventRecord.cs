namespace Meter.Storage
{
    /// <summary>One event read back from the <see cref="EventLog"/>; allocate once, reuse.</summary>
    public sealed class EventRecord
    {
        /// <summary>Sequence number: 1 for the first event ever logged.</summary>
        public long Sequence { get; set; }

        /// <summary>Time of the event, UTC as the meter logs it (Meter.Core EventRouting; whole seconds).</summary>
        public System.DateTime Time { get; set; }

        /// <summary>One of the <see cref="EventKind"/> values.</summary>
        public int Kind { get; set; }

        /// <summary>Kind-specific detail (phase, parameter id, tamper source, area …).</summary>
        public int Detail { get; set; }

        /// <summary>Value before the change (configuration, parameter, clock events), else 0.</summary>
        public long OldValue { get; set; }

        /// <summary>Value after the change, else 0.</summary>
        public long NewValue { get; set; }
    }
}
