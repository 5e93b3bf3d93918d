namespace Meter.Dlms
{
    /// <summary>
    /// The stored entries behind a <see cref="ProfileGeneric"/> (class 7 buffer), read forward from the oldest
    /// (sort_method fifo): the meter's load profile, billing logger or event log. Column 0 is the entry's time
    /// stamp (a clock's time attribute); the other columns are the captured values. Implementations read their
    /// store with buffers allocated once: <see cref="Rewind"/> and <see cref="Next"/> allocate nothing.
    /// </summary>
    public interface IProfileSource
    {
        /// <summary>Number of columns (capture objects), the time stamp included.</summary>
        int ColumnCount { get; }

        /// <summary>class_id of the capture object of <paramref name="column"/>.</summary>
        int CaptureClassId(int column);

        /// <summary>Copies the 6-byte logical name of the capture object of <paramref name="column"/>.</summary>
        void CopyCaptureName(int column, byte[] destination, int offset);

        /// <summary>attribute_index of the capture object of <paramref name="column"/> (data_index is 0).</summary>
        int CaptureAttribute(int column);

        /// <summary>capture_period in seconds (0: entries are captured on events, not periodically).</summary>
        long CapturePeriodSeconds { get; }

        /// <summary>profile_entries: how many entries the store keeps at most.</summary>
        long ProfileEntries { get; }

        /// <summary>Goes back to before the oldest entry.</summary>
        void Rewind();

        /// <summary>Moves to the next entry (the oldest after <see cref="Rewind"/>); false when there is none.</summary>
        bool Next();

        /// <summary>Local wall-clock time of the current entry, seconds since 1970-01-01 00:00 local.</summary>
        long EntryLocalSeconds { get; }

        /// <summary>UTC time of the current entry, seconds since 1970-01-01 00:00 UTC.</summary>
        long EntryUtcSeconds { get; }

        /// <summary>Writes the current entry's value of <paramref name="column"/> (one A-XDR Data).</summary>
        void WriteColumn(int column, AxdrWriter value);
    }
}
